import type { SelectHTMLAttributes } from "react";
import type { OrgRole } from "@/lib/org-permissions";
import { SelectField } from "../ui/select-field";

export const ROLE_LABELS: Record<OrgRole, string> = { member: "Member", admin: "Admin", owner: "Owner" };

/** A role picker offering only `roles` (what the viewer may grant); the server judges again. */
export function RoleSelect({
  roles,
  label,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { roles: readonly OrgRole[]; label: string; name: string }) {
  return (
    <SelectField label={label} id={select.id ?? `role-${select.name}`} {...select}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </SelectField>
  );
}
