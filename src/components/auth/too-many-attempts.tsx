import { PageCard } from "@/components/ui/page-card";
import { TextLink } from "@/components/ui/text-link";
import { rateLimitMessage } from "@/lib/format";

/** Shown by a page that checks an emailed link when this visitor has tried too many. */
export function TooManyAttempts({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <PageCard title="Too many attempts">
      <p className="mt-3 text-muted-foreground">
        {rateLimitMessage(retryAfterSeconds)} If you need help,{" "}
        <TextLink href="/sign-in">start again from sign-in</TextLink>.
      </p>
    </PageCard>
  );
}
