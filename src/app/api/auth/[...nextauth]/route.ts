import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { emailSchema } from "@/lib/validation";
import { consumeRateLimits } from "@/server/rate-limit";
import { clientIpFrom } from "@/server/request-info";

export const { GET } = handlers;

/**
 * Auth.js's endpoints, with the mail-sending one rate limited like the sign-in form is (the
 * form's server action calls Auth.js directly and counts there; password checks count inside
 * `authorize`). Over the limit: 429 with Retry-After, and nothing is sent.
 */
export async function POST(request: NextRequest) {
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
