import { revokeApiTokensAction } from "./actions";
import { ButtonForm } from "@/components/forms/button-form";
import { ApiTokenItem } from "@/components/api-token-item";
import type { listApiTokens } from "@/server/api-tokens/manage";

/** A user's API tokens on /admin/users/<id>: what each may do and when it was used; revoke them all. */
export function UserApiTokens({
  userId,
  tokens,
}: {
  userId: string;
  tokens: Awaited<ReturnType<typeof listApiTokens>>;
}) {
  const now = new Date();
  return (
    <section aria-labelledby="api-tokens-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="api-tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        {tokens.length > 0 ? (
          <div className="sm:w-56">
            <ButtonForm
              action={revokeApiTokensAction}
              label="Revoke all API tokens"
              values={{ userId }}
              submitLabel="Revoke all tokens"
              pendingLabel="Revoking…"
              variant="secondary"
            />
          </div>
        ) : null}
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">No API tokens.</p>
      ) : (
        <ul className="space-y-3" aria-label="API tokens">
          {tokens.map((token) => (
            <ApiTokenItem key={token.id} token={token} now={now}>
              {null}
            </ApiTokenItem>
          ))}
        </ul>
      )}
    </section>
  );
}
