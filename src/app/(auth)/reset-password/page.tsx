import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { Card } from "@/components/ui/card";
import { checkResetToken } from "@/server/password-reset";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const check = token ? await checkResetToken(token) : null;
  if (!token || !check?.ok) {
    return (
      <Card>
        <h1 className="text-2xl font-bold tracking-tight">This reset link doesn&apos;t work</h1>
        <p className="mt-3 text-gray-700 dark:text-gray-300">
          It has expired, was already used, or was copied incompletely. Reset links work once, for 30 minutes.
        </p>
        <p className="mt-4">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline dark:text-brand-100">
            Request a new link
          </Link>
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <p className="mt-1 mb-6 text-sm text-gray-700 dark:text-gray-300">
        For <strong className="break-all">{check.email}</strong>. You&apos;ll be signed out everywhere else.
      </p>
      <ActionForm
        action={resetPasswordAction}
        ariaLabel="Choose a new password"
        strengthInputs={[check.email]}
        fields={[
          { name: "token", label: "", type: "hidden", defaultValue: token },
          { name: "password", label: "New password", newPassword: true },
          { name: "confirmPassword", label: "Repeat the new password", type: "password", autoComplete: "new-password" },
        ]}
        submitLabel="Set new password"
        pendingLabel="Saving…"
      />
    </Card>
  );
}
