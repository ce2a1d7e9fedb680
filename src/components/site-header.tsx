import Link from "next/link";
import { signOutAction } from "@/actions/sign-out";
import { auth } from "@/auth";
import { ThemeToggle } from "./theme-toggle";
import { site } from "@/config/site";
import type { Theme } from "@/lib/theme";

function initials(name: string | null | undefined, email: string | null | undefined): string {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/** The header on every page; `theme` is the visitor's choice, as the root layout read it. */
export async function SiteHeader({ theme }: { theme: Theme }) {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="border-b border-border bg-card">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="text-base font-bold tracking-tight text-primary">
          {site.name}
        </Link>
        <div className="flex items-center gap-3">
          <ThemeToggle theme={theme} />
          {user ? (
            // <details> gives a keyboard-accessible menu that works without JavaScript.
            <details className="relative">
              <summary
                className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 pr-3 text-sm hover:bg-accent"
                aria-label="Account menu"
              >
                <span
                  aria-hidden="true"
                  className="flex h-8 w-8 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
                >
                  {initials(user.name, user.email)}
                </span>
                <span className="hidden max-w-48 truncate sm:inline">{user.name ?? user.email}</span>
              </summary>
              <div className="absolute right-0 z-10 mt-2 w-60 rounded-md border border-border bg-popover p-2 text-popover-foreground shadow-lg">
                <p className="truncate px-2 py-1.5 text-xs text-muted-foreground">{user.email}</p>
                <Link href="/dashboard" className="block rounded px-2 py-1.5 text-sm hover:bg-accent">
                  Dashboard
                </Link>
                <Link href="/orgs" className="block rounded px-2 py-1.5 text-sm hover:bg-accent">
                  Organizations
                </Link>
                <Link href="/account" className="block rounded px-2 py-1.5 text-sm hover:bg-accent">
                  Account settings
                </Link>
                {user.role === "admin" ? (
                  <Link href="/admin" className="block rounded px-2 py-1.5 text-sm hover:bg-accent">
                    Admin
                  </Link>
                ) : null}
                <form action={signOutAction}>
                  <button type="submit" className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-accent">
                    Sign out
                  </button>
                </form>
              </div>
            </details>
          ) : (
            <div className="flex items-center gap-2 text-sm">
              <Link href="/sign-in" className="rounded-md px-3 py-1.5 font-medium hover:bg-accent">
                Sign in
              </Link>
              <Link
                href="/sign-up"
                className="rounded-md bg-primary px-3 py-1.5 font-semibold text-primary-foreground hover:bg-primary/90"
              >
                Sign up
              </Link>
            </div>
          )}
        </div>
      </nav>
    </header>
  );
}
