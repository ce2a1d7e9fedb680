import Link from "next/link";

/** A row of tabs (account, organization, admin): each a link, the current one marked for screen readers too. */
export function TabNav({
  label,
  links,
  current,
}: {
  label: string;
  links: ReadonlyArray<{ href: string; label: string }>;
  current: string;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-border text-sm">
      {links.map(({ href, label: text }) => (
        <Link
          key={href}
          href={href}
          aria-current={href === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 font-medium text-muted-foreground hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:text-primary"
        >
          {text}
        </Link>
      ))}
    </nav>
  );
}
