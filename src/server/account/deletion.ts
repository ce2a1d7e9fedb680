import "server-only";
import { db } from "../db";
import { sendAccountDeletedEmail, sendNotice } from "../mail/messages";
import { revokeAllSessions } from "../sessions/store";

export type DeleteResult = { ok: true } | { ok: false; field: "confirmEmail"; message: string };

/**
 * Deletes the user and everything that hangs off it (cascade), then says goodbye. The caller has
 * required a recent sign-in (step-up); typing the address guards against a slip.
 */
export async function deleteAccount(userId: string, confirmEmail: string): Promise<DeleteResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  if (confirmEmail !== user.email) {
    return { ok: false, field: "confirmEmail", message: "Type your email address exactly as shown to confirm." };
  }
  await revokeAllSessions(userId);
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier: user.email } }),
    db.signInCode.deleteMany({ where: { identifier: user.email } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  await sendNotice("goodbye email", () => sendAccountDeletedEmail(user.email));
  return { ok: true };
}
