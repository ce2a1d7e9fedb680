import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { env } from "@/server/env";
import { VERIFY_EMAIL_COOKIE } from "./cookie";

export const metadata: Metadata = { title: "Check your email" };

export default async function VerifyRequestPage() {
  const email = (await cookies()).get(VERIFY_EMAIL_COOKIE)?.value;
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
      {env.useOutbox ? (
        <p className="mt-6 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700 dark:bg-gray-800 dark:text-brand-100">
          Development mode: mail is not sent.{" "}
          <Link href="/dev/outbox" className="font-semibold underline">
            Open the local outbox
          </Link>
          .
        </p>
      ) : null}
    </Card>
  );
}
