import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { getCurrentSession } from "@/server/auth-session";

export default async function LandingPage() {
  const session = await getCurrentSession();
  return (
    <section className="mx-auto max-w-2xl py-12 text-center">
      <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">Authentication you can keep.</h1>
      <p className="mt-4 text-lg text-gray-700 dark:text-gray-300">
        Email links, GitHub and passwords, with database sessions on every method. Start here and build your
        product on top.
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
