import type { Metadata } from "next";
import { AccountNav } from "@/components/account-nav";
import { ButtonForm } from "@/components/forms/button-form";
import { Alert } from "@/components/ui/alert";
import { Badge, ListItem } from "@/components/ui/list-item";
import { formatDateTime } from "@/lib/format";
import { listPasskeys } from "@/server/passkeys/manage";
import { requireSession } from "@/server/sessions/current";
import { removePasskeyAction } from "./actions";
import { AddPasskeyButton, RenamePasskeyForm } from "./forms";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const session = await requireSession("/account/passkeys");
  const passkeys = await listPasskeys(session.user.id);
  const { notice } = await searchParams;

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Account</h1>
      <AccountNav current="/account/passkeys" />
      {notice === "removed" ? <Alert tone="info">Passkey removed.</Alert> : null}
      <p className="text-sm text-muted-foreground">
        A passkey signs you in with your fingerprint, face or screen lock instead of a password. It only works on this
        site, so it can&apos;t be phished, and it needs no second step: it is something you have and something you know
        or are.
      </p>
      <AddPasskeyButton />
      {passkeys.length === 0 ? (
        <p className="text-sm text-muted-foreground">You have no passkeys yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <ListItem
              key={passkey.id}
              actionsBelow
              title={
                <>
                  <span data-testid="passkey-name">{passkey.name}</span>
                  {passkey.backedUp ? <Badge>Synced</Badge> : null}
                </>
              }
              details={
                <>
                  Added {formatDateTime(passkey.createdAt)} · last used{" "}
                  {passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : "never"}
                </>
              }
            >
              <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
                <div className="flex-1">
                  <RenamePasskeyForm passkeyId={passkey.id} name={passkey.name} />
                </div>
                <div className="sm:w-32">
                  <ButtonForm
                    action={removePasskeyAction}
                    label={`Remove ${passkey.name}`}
                    values={{ passkeyId: passkey.id }}
                    submitLabel="Remove"
                    pendingLabel="Removing…"
                    variant="secondary"
                  />
                </div>
              </div>
            </ListItem>
          ))}
        </ul>
      )}
    </div>
  );
}
