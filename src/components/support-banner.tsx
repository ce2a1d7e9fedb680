import { stopSupportAccessAction } from "@/actions/sign-out";
import { auth } from "@/auth";
import { formatDateTime } from "@/lib/format";

/**
 * On every page of a support session (src/server/admin/support-access.ts): whose app this is, who
 * is looking, until when, and "Stop". Rendered by the root layout, from the session middleware read.
 */
export async function SupportBanner() {
  const session = await auth();
  if (!session?.supportAccess) return null;
  return (
    <section
      aria-label="Support access"
      className="border-b border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2 text-sm sm:px-6">
        <p>
          <strong>Support access:</strong> {session.supportAccess.adminEmail} is seeing the app as{" "}
          <strong>{session.user.email}</strong> until{" "}
          <time dateTime={session.expires}>{formatDateTime(session.expires)}</time>. Their sign-in and security settings
          are closed.
        </p>
        <form action={stopSupportAccessAction}>
          <button
            type="submit"
            className="rounded-md border border-red-400 bg-card px-3 py-1.5 font-semibold text-foreground hover:bg-accent"
          >
            Stop
          </button>
        </form>
      </div>
    </section>
  );
}
