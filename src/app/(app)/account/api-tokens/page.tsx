import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { ApiTokenItem } from "@/components/api-token-item";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { listApiTokens } from "@/server/api-tokens/manage";
import { myOrganizations } from "@/server/orgs/membership";
import { requireSession } from "@/server/sessions/current";
import { revokeApiTokenAction } from "./actions";
import { CreateApiTokenForm } from "./forms";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requireSession("/account/api-tokens");
  const [tokens, { memberships }] = await Promise.all([
    listApiTokens(session.user.id),
    myOrganizations(session.user.id),
  ]);
  const { notice } = await searchParams;
  const now = new Date();

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account/api-tokens" />
      {notice === "revoked" ? <Alert tone="info">Token revoked. It no longer works.</Alert> : null}
      <p className="text-sm text-muted-foreground">
        An API token lets a script or another program call the API (<code className="font-mono">/api/v1</code>) as you,
        with the scopes you choose, until it expires. A token for one organization acts only there, and never with more
        than your role. Anyone who has a token can use it: keep it secret, and revoke it when it is no longer needed.
      </p>
      <CreateApiTokenForm organizations={memberships.map(({ organization }) => organization)} />
      <h2 className="text-xl font-semibold">Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">You have no API tokens.</p>
      ) : (
        <ul className="space-y-3" aria-label="API tokens">
          {tokens.map((token) => (
            <ApiTokenItem key={token.id} token={token} now={now}>
              <div className="sm:w-32">
                <ButtonForm
                  action={revokeApiTokenAction}
                  label={`Revoke ${token.name}`}
                  values={{ tokenId: token.id }}
                  submitLabel="Revoke"
                  pendingLabel="Revoking…"
                  variant="secondary"
                />
              </div>
            </ApiTokenItem>
          ))}
        </ul>
      )}
    </div>
  );
}
