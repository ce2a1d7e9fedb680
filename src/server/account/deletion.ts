import "server-only";
import { db } from "../db";
import { sendAccountDeletedEmail, sendNotice } from "../mail/messages";
import { soleOwnedOrganizations } from "../orgs/members";
import { revokeAllSessions } from "../sessions/store";

export type DeleteResult =
  { ok: true } | { ok: false; field: "confirmEmail"; message: string } | { ok: false; field: "form"; message: string };

/**
 * Deletes the user and everything that hangs off it (cascade), then says goodbye. The caller has
 * required a recent sign-in (step-up); typing the address guards against a slip. Refused while the
 * user is the only owner of an organization, which would be left with nobody who can run it: the
 * check holds those organizations' rows (as src/server/orgs/held.ts does) in the transaction that
 * deletes, so a co-owner leaving at the same moment can't slip between them.
 */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<DeleteResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (confirmEmail !== user.email) {
    return { ok: false, field: "confirmEmail", message: "Type your email address exactly as shown to confirm." };
  }
  const soleOwned = await db.$transaction(async (tx) => {
    await tx.organization.updateMany({
      where: { memberships: { some: { userId, role: "owner" } } },
      data: { updatedAt: new Date() },
    });
    const orgs = await soleOwnedOrganizations(userId, tx);
    if (orgs.length > 0) return orgs;
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.signInCode.deleteMany({ where: { identifier: user.email } });
    await tx.user.delete({ where: { id: userId } });
    return [];
  });
  if (soleOwned.length > 0) {
    const names = soleOwned.map((org) => org.name).join(", ");
    return {
      ok: false,
      field: "form",
      message: `You are the only owner of ${names}. Transfer ownership or delete ${soleOwned.length === 1 ? "it" : "them"} first.`,
    };
  }
  await revokeAllSessions(userId);
  await sendNotice("goodbye email", () => sendAccountDeletedEmail(user.email));
  return { ok: true };
}
