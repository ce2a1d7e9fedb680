import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/server/env";
import { readOutboxMessage } from "@/server/mail/outbox";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Message" };
export const dynamic = "force-dynamic";

/** Links in the message open in the whole tab, as they would from a mail client. */
function openLinksInTopWindow(html: string): string {
  return html.replace(/<head([^>]*)>/i, '<head$1><base target="_top">');
}

/** The message's links, so they can be followed straight from this page. */
function linksIn(html: string): string[] {
  const hrefs = [...html.matchAll(/href="(https?:[^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return [...new Set(hrefs)];
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  // Only while mail goes to the outbox: never in production, never once a mail key is set.
  if (!env.useOutbox) notFound();
  const message = await readOutboxMessage((await params).id);
  if (!message) notFound();
  return (
    <div className="space-y-4">
      <TextLink href="/dev/outbox" className="text-sm">
        ← All messages
      </TextLink>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{message.subject}</h1>
        <p className="text-sm text-muted-foreground">
          From {message.from} to {message.to}
        </p>
      </div>
      <section aria-labelledby="links-heading" className="rounded-xl border border-border bg-card p-4">
        <h2 id="links-heading" className="text-sm font-semibold">
          Links in this message
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {linksIn(message.html).map((href) => (
            <li key={href}>
              <a href={href} className="break-all text-primary underline">
                {href}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {/* sandbox without allow-scripts: the message's HTML can't run anything here. */}
      <iframe
        title={`Email: ${message.subject}`}
        srcDoc={openLinksInTopWindow(message.html)}
        sandbox="allow-popups allow-top-navigation-by-user-activation"
        className="h-[640px] w-full rounded-xl border border-border bg-white"
      />
      <details>
        <summary className="cursor-pointer text-sm font-medium">Plain-text version</summary>
        <pre className="mt-2 overflow-x-auto rounded-md bg-muted p-4 text-sm whitespace-pre-wrap">{message.text}</pre>
      </details>
    </div>
  );
}
