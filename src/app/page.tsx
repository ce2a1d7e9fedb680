import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { auth } from "@/auth";
import { site } from "@/config/site";

export default async function LandingPage({ searchParams }: { searchParams: Promise<{ goodbye?: string }> }) {
  const session = await auth();
  const { goodbye } = await searchParams;
  return (
    <section className="mx-auto max-w-2xl py-12 text-center">
      {goodbye ? (
        <p role="status" className="mb-8 rounded-md bg-primary/10 px-4 py-3 text-sm text-foreground">
          Your account was deleted. Thanks for trying {site.name}.
        </p>
      ) : null}
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">{site.tagline}</h1>
      <p className="mt-4 text-lg text-muted-foreground">
        Email links, GitHub and passwords, with database sessions on every method. Start here and build your product on
        top.
      </p>
      <div className="mx-auto mt-8 flex max-w-sm flex-col gap-3 sm:flex-row">
        {session?.user ? (
          <Link href="/dashboard" className={buttonClass("primary")}>
            Go to your dashboard
          </Link>
        ) : (
          <>
            <Link href="/sign-up" className={buttonClass("primary")}>
              Create an account
            </Link>
            <Link href="/sign-in" className={buttonClass("secondary")}>
              Sign in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
