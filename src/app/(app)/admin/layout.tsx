import type { ReactNode } from "react";
import { requireAdmin } from "@/server/admin/access";

/**
 * Every /admin page: platform admins only, 404 for anyone else. Each page checks again (layouts
 * are not re-rendered on every navigation, so they never guard a page alone).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-muted-foreground">Platform</p>
        <h1 className="text-3xl font-bold tracking-tight">Admin</h1>
      </div>
      {children}
    </div>
  );
}
