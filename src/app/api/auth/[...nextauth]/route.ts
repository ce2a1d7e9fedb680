import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { emailSchema } from "@/lib/validation";
import { consumeRateLimits } from "@/server/rate-limit";
import { clientIpFrom } from "@/server/request-info";

/**
 * Auth.js's endpoints, with two rate limits added (password checks count inside `authorize`):
 * - the magic-link callback, whose token is a 6-digit code: guesses per address and per IP;
 * - the magic-link send endpoint (the sign-in form's server action calls Auth.js directly and
 *   counts there). Over the limit: 429 with Retry-After, and nothing is sent.
 */
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
    if (!limit.ok) {
      return NextResponse.json(
        { error: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }
  }
  return handlers.POST(request);
}
