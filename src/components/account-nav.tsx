import Link from "next/link";

const LINKS = [
  { href: "/account", label: "Settings" },
  { href: "/account/two-factor", label: "Two-factor" },
  { href: "/account/passkeys", label: "Passkeys" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/security", label: "Security log" },
] as const;

export function AccountNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Account" className="flex gap-1 border-b border-border text-sm">
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
