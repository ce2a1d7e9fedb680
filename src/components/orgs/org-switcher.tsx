import Link from "next/link";

/**
 * The user's organizations, each by its URL (there is no "active organization" to switch: the URL
 * is the context). A <details> menu: keyboard-accessible, and it works without JavaScript.
 */
export function OrgSwitcher({
  current,
  organizations,
}: {
  current: { name: string; slug: string };
  organizations: Array<{ name: string; slug: string }>;
}) {
  return (
    <details className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-accent">
        <span className="sr-only">Switch organization, current: </span>
        <span className="max-w-48 truncate">{current.name}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-10 mt-2 w-64 rounded-md border border-border bg-popover p-2 text-popover-foreground shadow-lg">
        <ul aria-label="Your organizations">
          {organizations.map((org) => (
            <li key={org.slug}>
              <Link
                href={`/orgs/${org.slug}`}
                aria-current={org.slug === current.slug ? "page" : undefined}
                className="block truncate rounded px-2 py-1.5 text-sm hover:bg-accent aria-[current=page]:font-semibold"
              >
                {org.name}
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/orgs/new"
          className="mt-1 block rounded border-t border-border px-2 py-1.5 text-sm text-primary hover:bg-accent"
        >
          New organization
        </Link>
      </div>
    </details>
  );
}
