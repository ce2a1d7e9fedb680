import "server-only";
import { NextResponse } from "next/server";
import { site } from "@/config/site";
import { outageLog } from "../outage-log";

/** How long a client should wait before trying again while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 30;

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer while the database can't be reached: 503 with Retry-After, JSON for APIs and a small
 * page for people, with nothing about the cause (the server log has that). Plain HTML, so it needs
 * nothing that could be down too; its one style block carries the request's CSP nonce.
 */
export function databaseUnavailableResponse(pathname: string, nonce: string): NextResponse {
  const headers = { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS), "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "unavailable" }, { status: 503, headers });
  }
  const name = escape(site.name);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} is briefly unavailable</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1.5rem;color:#18181b;line-height:1.5}h1{font-size:1.5rem}</style>
</head><body><main>
<h1>${name} is briefly unavailable</h1>
<p>We can't reach our data right now, so we can't show this page. Nothing you did caused this, and nothing was lost.</p>
<p>Please try again in a minute. If it goes on, write to <a href="mailto:${escape(site.supportEmail)}">${escape(site.supportEmail)}</a>.</p>
</main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** The database's outage, logged once when it starts and once when it ends. */
export const databaseOutage = outageLog({
  down: (reason) => `[database] unreachable; answering 503 until it is back: ${reason}`,
  up: "[database] reachable again",
});
