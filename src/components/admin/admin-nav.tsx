import { TabNav } from "@/components/ui/tab-nav";

const LINKS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

/** The console's tabs. */
export function AdminNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return <TabNav label="Admin" links={LINKS} current={current} />;
}
