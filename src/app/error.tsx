"use client";

import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";
import { site } from "@/config/site";

/**
 * Shown when a page fails unexpectedly. It says what to do next and never what went wrong
 * inside: the error's message and stack stay in the server log. The digest lets support find
 * that log line.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto w-full max-w-md">
      <PageCard title="Something went wrong on our side">
        <p className="mt-3 text-muted-foreground">
          Please try again. If it keeps happening, write to{" "}
          <a className="font-medium text-primary underline" href={`mailto:${site.supportEmail}`}>
            {site.supportEmail}
          </a>
          {error.digest ? (
            <>
              {" "}
              and mention the reference <code className="text-sm">{error.digest}</code>
            </>
          ) : null}
          .
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Button type="button" onClick={reset}>
            Try again
          </Button>
          <Link href="/" className={buttonClass("secondary")}>
            Go home
          </Link>
        </div>
      </PageCard>
    </div>
  );
}
