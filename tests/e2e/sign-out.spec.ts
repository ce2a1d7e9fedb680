import { expect, test } from "./support/test";
import { db } from "./support/db";
import { signOut, signUp, uniqueEmail } from "./support/flows";

test("signing out deletes the session, and the dashboard asks to sign in again", async ({ page }) => {
  const email = uniqueEmail("bye");
  await signUp(page, email);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

  await signOut(page);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  await page.goto("/dashboard");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fdashboard");
});
