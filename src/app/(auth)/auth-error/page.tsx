import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describeAuthError } from "@/lib/auth-errors";

export const metadata: Metadata = { title: "Sign-in problem" };

export default async function AuthErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { title, message } = describeAuthError((await searchParams).error);
  return (
    <Card>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="mt-3 text-muted-foreground">{message}</p>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <Link href="/sign-in" className={buttonClass("primary")}>
          Back to sign in
        </Link>
        <Link href="/" className={buttonClass("secondary")}>
          Go home
        </Link>
      </div>
    </Card>
  );
}
