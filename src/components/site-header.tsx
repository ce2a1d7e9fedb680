import Link from "next/link";
import { signOutAction } from "@/actions/sign-out";
import { auth } from "@/auth";
import { site } from "@/config/site";

function initials(name: string | null | undefined, email: string | null | undefined): string {
  const source = name?.trim() || email || "?";
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="border-b border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-5xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="text-base font-bold tracking-tight text-brand-700 dark:text-brand-100">
          {site.name}
        </Link>
        {user ? (
          // <details> gives a keyboard-accessible menu that works without JavaScript.
          <details className="relative">
            <summary
              className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 pr-3 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
              aria-label="Account menu"
            >
              <span
                aria-hidden="true"
                className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
              >
                {initials(user.name, user.email)}
              </span>
              <span className="hidden max-w-48 truncate sm:inline">{user.name ?? user.email}</span>
            </summary>
            <div className="absolute right-0 z-10 mt-2 w-60 rounded-md border border-gray-200 bg-white p-2 shadow-lg dark:border-gray-700 dark:bg-gray-900">
              <p className="truncate px-2 py-1.5 text-xs text-gray-600 dark:text-gray-400">{user.email}</p>
              <Link
                href="/dashboard"
                className="block rounded px-2 py-1.5 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
              >
                Dashboard
              </Link>
              <Link
                href="/account"
                className="block rounded px-2 py-1.5 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
              >
                Account settings
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
                >
                  Sign out
                </button>
              </form>
            </div>
          </details>
        ) : (
          <div className="flex items-center gap-2 text-sm">
            <Link
              href="/sign-in"
              className="rounded-md px-3 py-1.5 font-medium hover:bg-gray-100 dark:hover:bg-gray-800"
            >
              Sign in
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
            >
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
