import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageCard } from "@/components/ui/page-card";

export const metadata: Metadata = { title: "Page not found" };

/** Any URL that matches no page, and every `notFound()`. */
export default function NotFound() {
  return (
    <div className="mx-auto w-full max-w-md">
      <PageCard title="We couldn't find that page">
        <p className="mt-3 text-muted-foreground">
          The link may be old, or the address may have a typo. Check it, or start again from the home page.
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Link href="/" className={buttonClass("primary")}>
            Go home
          </Link>
          <Link href="/dashboard" className={buttonClass("secondary")}>
            Your dashboard
          </Link>
        </div>
      </PageCard>
    </div>
  );
}
