import Link from "next/link";
import { env } from "@/server/env";

/** In development without a Resend key, points at the local outbox where the email went. */
export function DevOutboxNote() {
  if (!env.useOutbox) return null;
  return (
    <p className="mt-6 rounded-md bg-primary/10 px-3 py-2 text-sm text-foreground">
      Development mode: mail is not sent.{" "}
      <Link href="/dev/outbox" className="font-semibold underline">
        Open the local outbox
      </Link>
      .
    </p>
  );
}
