import type { ReactNode } from "react";
import { Badge, ListItem } from "@/components/ui/list-item";
import { formatDateTime } from "@/lib/format";

/** What is shown of an API token: never the token, which is shown once, when it is made. */
export interface ApiTokenSummary {
  name: string;
  lastFour: string;
  scopes: string[];
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  organization: { name: string } | null;
}

/** One API token in a list (the owner's /account/api-tokens, an admin's /admin/users/<id>), with its actions. */
export function ApiTokenItem({ token, now, children }: { token: ApiTokenSummary; now: Date; children: ReactNode }) {
  const expired = token.expiresAt <= now;
  return (
    <ListItem
      title={
        <>
          <span data-testid="api-token-name">{token.name}</span> <code className="font-mono">…{token.lastFour}</code>
          {expired ? <Badge tone="danger">Expired</Badge> : null}
          {token.organization ? <Badge>{token.organization.name} only</Badge> : null}
        </>
      }
      details={
        <>
          {token.scopes.join(", ")} · {expired ? "expired" : "expires"} {formatDateTime(token.expiresAt)} · last used{" "}
          {token.lastUsedAt
            ? `${formatDateTime(token.lastUsedAt)}${token.lastUsedIp ? ` from ${token.lastUsedIp}` : ""}`
            : "never"}
        </>
      }
    >
      {children}
    </ListItem>
  );
}
