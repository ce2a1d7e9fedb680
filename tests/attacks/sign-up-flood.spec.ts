import { uniqueEmail } from "../e2e/support/flows";
import { expect, test } from "../e2e/support/test";
import { randomIp } from "../support/random";

/**
 * Attack: make the server do expensive work for free. Each sign-up judges the password (a
 * strength estimate, and a breach lookup when enabled) before anything else; a limit counted
 * after that work protects nothing. The per-IP sign-up limit (10 an hour) is counted first.
 */
test("the 11th sign-up from one address is refused before its password is even judged", async ({ browser }) => {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": randomIp() },
  });
  const page = await context.newPage();
  const answers: string[] = [];
  await page.goto("/sign-up");
  const form = page.getByRole("form", { name: "Create an account" });
  for (let i = 0; i < 11; i++) {
    await form.getByLabel("Email").fill(uniqueEmail(`flood-${i}`));
    // A password the strength check refuses: only the limit can answer differently.
    await form.getByLabel("Password").fill("password1234");
    // The meter shows once the page's script runs, so the form answers in place. (Sent before
    // that, the form would post as a plain HTML form, and the answer would come as a new page.)
    await expect(form.getByText("Strength:")).toBeVisible();
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await form.getByRole("button", { name: "Create account" }).click();
    await answered;
    // Settled: React has shown the answer and reset the form for the next try.
    await expect(form.getByRole("button", { name: "Creating account…" })).toHaveCount(0);
    answers.push(await page.locator("main").innerText());
  }
  expect(answers.slice(0, 10).every((text) => text.includes("This password is too easy to guess"))).toBe(true);
  expect(answers[10]).toContain("Too many attempts");
  expect(answers[10]).not.toContain("too easy to guess");
  await context.close();
});
