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
    <nav aria-label="Account" className="flex gap-1 border-b border-gray-200 text-sm dark:border-gray-800">
      {LINKS.map(({ href, label }) => (
        <Link
          key={href}
          href={href}
          aria-current={href === current ? "page" : undefined}
          className="-mb-px border-b-2 border-transparent px-3 py-2 font-medium text-gray-700 hover:text-gray-900 aria-[current=page]:border-brand-600 aria-[current=page]:text-brand-700 dark:text-gray-300 dark:hover:text-white dark:aria-[current=page]:text-brand-100"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
