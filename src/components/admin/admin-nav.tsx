import Link from "next/link";

const LINKS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The console's tabs. */
export function AdminNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Admin" className="flex flex-wrap gap-1 border-b border-border text-sm">
      {LINKS.map(({ href, label }) => (
        <Link
          key={href}
          href={href}
          aria-current={href === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 font-medium text-muted-foreground hover:text-foreground aria-[current=page]:border-primary aria-[current=page]:text-primary"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
