/** The visitor's colour theme: their system's (the default), or one they chose with the toggle. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: unknown): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

/**
 * Puts the `dark` class on the root element when the chosen theme (the server's `data-theme`) is
 * dark, or is "system" and the system is dark. It runs in the browser: inlined into the page's head
 * before first paint (so there is no flash of the wrong theme), when the system switches, and again
 * when the choice changes. It is sent as source text, so it must stay self-contained.
 */
export function applyTheme(): void {
  const root = document.documentElement;
  const choice = root.dataset.theme;
  const dark = choice === "dark" || (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.classList.toggle("dark", dark);
}

/**
 * The inline script for the head: `applyTheme` at once and whenever the system switches. It listens
 * itself, not through React, so a switch before the page has hydrated is not missed.
 */
export const THEME_SCRIPT = `{const applyTheme=${applyTheme.toString()};applyTheme();matchMedia("(prefers-color-scheme: dark)").addEventListener("change",applyTheme)}`;
