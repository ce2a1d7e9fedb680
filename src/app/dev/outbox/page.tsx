import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { env } from "@/server/env";
import { listOutbox } from "@/server/mail/outbox";

export const metadata: Metadata = { title: "Local outbox" };
export const dynamic = "force-dynamic";

/** Development only: mail that would have been sent, newest first. */
export default async function OutboxPage() {
  // Only while mail goes to the outbox: never in production, never once a mail key is set.
  if (!env.useOutbox) notFound();
  const messages = await listOutbox();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Local outbox</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          With no <code>AUTH_RESEND_KEY</code>, email is kept here (and printed in the terminal) instead of being sent.
        </p>
      </div>
      {messages.length === 0 ? (
        <Card>
          <p className="text-muted-foreground">No messages yet. Request a sign-in link to see one here.</p>
        </Card>
      ) : (
        <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-card">
          {messages.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/outbox/${m.id}`} className="block px-4 py-3 hover:bg-accent">
                <p className="font-medium">{m.subject}</p>
                <p className="text-sm text-muted-foreground">
                  To {m.to} · <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString("en")}</time>
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
