import { TabNav } from "./ui/tab-nav";

const LINKS = [
  { href: "/account", label: "Settings" },
  { href: "/account/two-factor", label: "Two-factor" },
  { href: "/account/passkeys", label: "Passkeys" },
  { href: "/account/sessions", label: "Sessions" },
  { href: "/account/api-tokens", label: "API tokens" },
  { href: "/account/security", label: "Security log" },
] as const;

export function AccountNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return <TabNav label="Account" links={LINKS} current={current} />;
}
