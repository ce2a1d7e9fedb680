"use client";

import { site } from "@/config/site";
import "./globals.css";

/**
 * The last resort, when even the root layout fails: a whole page of its own, with no internals
 * shown (the details are in the server log, under the reference).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto w-full max-w-md px-4 py-16">
          <h1 className="text-2xl font-bold tracking-tight">{site.name} is having trouble</h1>
          <p className="mt-3 text-muted-foreground">
            Please try again in a moment. If it keeps happening, write to {site.supportEmail}
            {error.digest ? ` and mention the reference ${error.digest}` : ""}.
          </p>
          <button
            type="button"
            onClick={reset}
            className="mt-6 rounded-md bg-primary px-4 py-2.5 text-sm font-semibold text-primary-foreground hover:bg-primary/90"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
