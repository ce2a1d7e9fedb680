import { db } from "./support/db";
import { signOut } from "./support/flows";
import { expect, test } from "./support/test";

test("signing out deletes the session, and the dashboard asks to sign in again", async ({ page, login }) => {
  const user = await login();
  await page.goto("/dashboard");
  expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

  await signOut(page);
  expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

  await page.goto("/dashboard");
  await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fdashboard");
});
