import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { emailSchema } from "@/lib/validation";
import {
  checkPasswordLockout,
  consumeRateLimits,
  peekRateLimits,
  type RateLimitName,
} from "@/server/rate-limit";
import { clientIpFrom } from "@/server/request-info";

/**
 * Auth.js's endpoints, with rate limits added in front:
 * - the magic-link callback, whose token is a 6-digit code: guesses per address and per IP;
 * - the magic-link send endpoint (the sign-in form's server action calls Auth.js directly and
 *   counts there): over the limit, 429 with Retry-After, and nothing is sent;
 * - the password endpoint: password checks are counted inside `authorize` (for the form too);
 *   here an address or IP already over its limit, or locked out, gets 429 with Retry-After.
 */
function tooManyRequests(retryAfterSeconds: number) {
  return NextResponse.json(
    { error: "rate_limited", retryAfterSeconds },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
async function limitCodeGuesses(request: NextRequest): Promise<Response | null> {
  if (!request.nextUrl.pathname.endsWith("/callback/resend")) return null;
  const email = emailSchema.safeParse(request.nextUrl.searchParams.get("email"));
  const limit = await consumeRateLimits([
    ["codeAttempt", email.success ? email.data : "invalid"],
    ["codeAttempt", `ip:${clientIpFrom(request.headers)}`],
  ]);
  if (limit.ok) return null;
  // A person following a link: a page that says when to try again.
  const page = new URL(`/auth-error?error=TooManyAttempts&retryAfter=${limit.retryAfterSeconds}`, request.nextUrl);
  return NextResponse.redirect(page, { status: 303, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
}

export async function GET(request: NextRequest) {
  return (await limitCodeGuesses(request)) ?? handlers.GET(request);
}

export async function POST(request: NextRequest) {
  const limited = await limitCodeGuesses(request);
  if (limited) return limited;
  if (request.nextUrl.pathname.endsWith("/signin/resend")) {
    const form = await request.clone().formData();
    const email = emailSchema.safeParse(form.get("email"));
    const limit = await consumeRateLimits([
      ["emailSend", email.success ? email.data : "invalid"],
      ["emailSendIp", `ip:${clientIpFrom(request.headers)}`],
    ]);
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds);
  }
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData();
    const email = emailSchema.safeParse(form.get("email"));
    const checks: Array<[RateLimitName, string]> = [["passwordSignInIp", `ip:${clientIpFrom(request.headers)}`]];
    if (email.success) checks.push(["passwordSignIn", email.data]);
    const limit = await peekRateLimits(checks);
    const locked = email.success ? await checkPasswordLockout(email.data) : ({ ok: true } as const);
    if (!limit.ok || !locked.ok) {
      return tooManyRequests(Math.max(limit.ok ? 0 : limit.retryAfterSeconds, locked.ok ? 0 : locked.retryAfterSeconds));
    }
  }
  return handlers.POST(request);
}
