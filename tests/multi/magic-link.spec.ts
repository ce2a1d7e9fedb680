import { askForSignInLink, expect, followSignInLink, servedBy, test, uniqueEmail } from "./support/instances";

test("a sign-in link asked for through one instance signs in through the other", async ({ page, context, through }) => {
  const email = uniqueEmail("across");
  await through(context, 0);
  const { asked, link } = await askForSignInLink(page, email);
  expect(servedBy(asked)).toBe(0);

  await through(context, 1);
  expect(servedBy(await followSignInLink(page, link))).toBe(1);
  await expect(page.getByTestId("signed-in-email")).toHaveText(email);

  // The session is the same on both.
  for (const instance of [0, 1]) {
    await through(context, instance);
    const response = await page.goto("/dashboard");
    expect(servedBy(response!)).toBe(instance);
    await expect(page.getByTestId("signed-in-email")).toHaveText(email);
  }
});
