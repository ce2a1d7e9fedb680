"use client";

import { useLayoutEffect, type ReactNode } from "react";
import { setThemeAction } from "@/actions/theme";
import { applyTheme, THEMES, type Theme } from "@/lib/theme";

const ICON_PATHS: Record<Theme, ReactNode> = {
  system: <path d="M3 5h18v11H3zM8 20h8M12 16v4" />,
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />,
};

const LABELS: Record<Theme, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

/**
 * Three buttons in one form: without JavaScript the form posts and the page comes back in the
 * chosen theme; with it, React posts the same action and the page updates in place.
 */
export function ThemeToggle({ theme }: { theme: Theme }) {
  // The root element's data-theme has just changed in the same commit: set the class before paint.
  useLayoutEffect(applyTheme, [theme]);

  return (
    <form action={setThemeAction} aria-label="Theme" className="flex rounded-full border border-border p-0.5">
      {THEMES.map((option) => (
        <button
          key={option}
          type="submit"
          name="theme"
          value={option}
          aria-label={LABELS[option]}
          aria-pressed={option === theme}
          title={LABELS[option]}
          className="rounded-full p-1.5 text-muted-foreground hover:bg-accent hover:text-accent-foreground aria-pressed:bg-accent aria-pressed:text-foreground"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {ICON_PATHS[option]}
          </svg>
        </button>
      ))}
    </form>
  );
}
