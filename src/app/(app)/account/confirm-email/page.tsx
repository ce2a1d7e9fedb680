import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { checkEmailChangeToken } from "@/server/account-settings";
import { requireSession } from "@/server/auth-session";
import { confirmEmailChangeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your new email" };

export default async function ConfirmEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const session = await requireSession(`/account/confirm-email?token=${encodeURIComponent(token)}`);
  const check = await checkEmailChangeToken(token);
  if (!check.ok || check.userId !== session.user.id) {
    return (
      <Card className="mx-auto max-w-md">
        <h1 className="text-2xl font-bold tracking-tight">This link doesn&apos;t work</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          It has expired, was already used, or belongs to another account. Request a new one from{" "}
          <Link href="/account" className="font-medium text-brand-700 underline dark:text-brand-100">
            account settings
          </Link>
          .
        </p>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">Confirm your new email</h1>
      <p className="mt-3 mb-6 text-gray-700 dark:text-gray-300">
        Change your account&apos;s email from {session.user.email} to <strong className="break-all">{check.email}</strong>?
      </p>
      <ActionForm
        action={confirmEmailChangeAction}
        ariaLabel="Confirm new email"
        fields={[{ name: "token", label: "", type: "hidden", defaultValue: token }]}
        submitLabel="Use this email"
        pendingLabel="Saving…"
      />
    </Card>
  );
}
