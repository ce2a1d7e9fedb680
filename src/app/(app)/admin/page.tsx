import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/list-item";
import { TextLink } from "@/components/ui/text-link";
import { adminSearchQuery, pageNumber } from "@/lib/admin-schemas";
import { formatDateTime } from "@/lib/format";
import { requireAdmin } from "@/server/admin/access";
import { ADMIN_PAGE_SIZE, listUsers } from "@/server/admin/users";

export const metadata: Metadata = { title: "Admin · Users" };

function pageHref(query: string, page: number) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/admin?${search}` : "/admin";
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const query = adminSearchQuery(params.q);
  const page = pageNumber(params.page);
  const { users, hasMore } = await listUsers(query, page);

  return (
    <>
      <AdminNav current="/admin" />
      <form role="search" aria-label="Find users" method="get" action="/admin" className="flex items-end gap-2">
        <div className="flex-1 space-y-1.5">
          <label htmlFor="admin-search" className="block text-sm font-medium text-foreground">
            Email or name starts with
          </label>
          <input
            id="admin-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm focus:border-ring focus:ring-2 focus:ring-ring/30 focus:outline-none"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-muted-foreground">
        {users.length === 0
          ? "No users match."
          : `Users ${(page - 1) * ADMIN_PAGE_SIZE + 1}–${(page - 1) * ADMIN_PAGE_SIZE + users.length}, newest first.`}
      </p>
      <div className="overflow-x-auto rounded-lg border border-border bg-card">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="border-b border-border text-muted-foreground">
            <tr>
              {["User", "Signs in with", "Two-factor", "Sessions", "Joined", "Last seen"].map((heading) => (
                <th key={heading} scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-border last:border-0">
                <td className="px-4 py-2">
                  <Link href={`/admin/users/${user.id}`} className="font-medium text-primary hover:underline">
                    {user.email}
                  </Link>
                  {user.name ? <span className="block text-muted-foreground">{user.name}</span> : null}
                  {user.role === "admin" ? <Badge>Admin</Badge> : null}
                  {user.banned ? <Badge tone="danger">Suspended</Badge> : null}
                </td>
                <td className="px-4 py-2">{user.methods.join(", ")}</td>
                <td className="px-4 py-2">{user.twoFactor ? "On" : "Off"}</td>
                <td className="px-4 py-2">{user.sessions}</td>
                <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(user.createdAt)}</td>
                <td className="px-4 py-2 whitespace-nowrap">
                  {user.lastSeenAt ? formatDateTime(user.lastSeenAt) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {page > 1 ? <TextLink href={pageHref(query, page - 1)}>Previous page</TextLink> : <span />}
        {hasMore ? <TextLink href={pageHref(query, page + 1)}>Next page</TextLink> : <span />}
      </nav>
    </>
  );
}
