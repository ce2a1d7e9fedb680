import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const COLOR_SCHEMES = ["light", "dark"] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

/** axe's WCAG 2.1 A and AA rules on the page as it is now; every violation is listed by rule and element. */
export async function expectAccessible(page: Page, what: string) {
  // Colours as they settle: the pointer off every control (a button the test just clicked keeps
  // its hover colour), and no transition half-way (buttons fade their colours after a theme
  // switch or a submit; axe would sample whatever the moment gives).
  const viewport = page.viewportSize();
  if (viewport) await page.mouse.move(viewport.width - 1, viewport.height - 1);
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const found = violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
}

/**
 * The page as it is now in both themes, with the system set to each in turn (no choice made,
 * so the page follows it): checks the theme took, then runs axe.
 */
export async function expectAccessibleInBothThemes(page: Page, what: string) {
  for (const scheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html"), `${what}, ${scheme}`).toHaveClass(
      scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/,
    );
    await expectAccessible(page, `${what} (${scheme} theme)`);
  }
}
