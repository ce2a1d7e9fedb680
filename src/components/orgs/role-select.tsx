import type { SelectHTMLAttributes } from "react";
import type { OrgRole } from "@/lib/org-permissions";

export const ROLE_LABELS: Record<OrgRole, string> = { member: "Member", admin: "Admin", owner: "Owner" };

/** A role picker offering only `roles` (what the viewer may grant); the server judges again. */
export function RoleSelect({
  roles,
  label,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { roles: readonly OrgRole[]; label: string; name: string }) {
  const id = select.id ?? `role-${select.name}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <select
        id={id}
        className="block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm focus:border-ring focus:ring-2 focus:ring-ring/30 focus:outline-none"
        {...select}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
    </div>
  );
}
