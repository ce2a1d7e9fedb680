import type { Metadata } from "next";
import Link from "next/link";
import { DevOutboxNote } from "@/components/dev-outbox-note";
import { Card } from "@/components/ui/card";
import { env } from "@/server/env";
import { readPendingEmail } from "@/server/pending-email";

export const metadata: Metadata = { title: "Check your email" };

export default async function VerifyRequestPage() {
  const email = await readPendingEmail();
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-3 text-gray-700 dark:text-gray-300">
        We sent a sign-in link to {email ? <strong className="break-all">{email}</strong> : "your email address"}. It
        works once and expires in {env.MAGIC_LINK_MAX_AGE_MINUTES} minutes.
      </p>
      <p className="mt-3 text-sm text-gray-600 dark:text-gray-400">
        No email after a minute? Check your spam folder, or{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline dark:text-brand-100">
          use a different address
        </Link>
        .
      </p>
      <DevOutboxNote />
    </Card>
  );
}
