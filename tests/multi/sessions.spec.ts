import { signOut } from "../e2e/support/flows";
import { askForSignInLink, expect, followSignInLink, servedBy, test, uniqueEmail } from "./support/instances";

test("a session signed out through one instance is refused by the other", async ({
  page,
  context,
  browser,
  through,
}) => {
  const email = uniqueEmail("revoked");
  await through(context, 0);
  await followSignInLink(page, (await askForSignInLink(page, email)).link);

  // The same session cookie in another browser, whose requests all go to the other instance.
  const other = await browser.newContext();
  await other.addCookies(await context.cookies());
  await through(other, 1);
  const otherPage = await other.newPage();
  expect(servedBy((await otherPage.goto("/dashboard"))!)).toBe(1);
  await expect(otherPage.getByTestId("signed-in-email")).toHaveText(email);

  await signOut(page);

  const refused = await otherPage.goto("/dashboard");
  expect(servedBy(refused!)).toBe(1);
  await expect(otherPage).toHaveURL(/\/sign-in/);
  const api = await otherPage.request.get("/api/protected/me");
  expect(servedBy(api)).toBe(1);
  expect(api.status()).toBe(401);
  await other.close();
});
