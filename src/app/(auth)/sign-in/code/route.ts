import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInCodeSchema } from "@/lib/validation";
import { env } from "@/server/env";
import { isLiveSignInToken, signInCallbackUrl } from "@/server/magic-link";
import { consumeRateLimits } from "@/server/rate-limit";
import { clientIpFrom } from "@/server/request-info";

/**
 * The code box on /verify-request posts here (a plain form, so it works without JavaScript).
 * A wrong code goes back with an error; a live one goes on to Auth.js's callback, which uses the
 * token up and signs in, exactly as the emailed link's button does.
 */
export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  if (origin && origin !== env.appUrl) return new NextResponse("Cross-site request refused.", { status: 403 });

  const form = Object.fromEntries(await request.formData());
  const parsed = signInCodeSchema.safeParse(form);
  const callbackUrl = safeCallbackPath(typeof form.callbackUrl === "string" ? form.callbackUrl : undefined);
  const back = (error: string, retryAfter?: number) => {
    const url = new URL("/verify-request", env.appUrl);
    url.search = new URLSearchParams({ callbackUrl, error, ...(retryAfter ? { retryAfter: String(retryAfter) } : {}) }).toString();
    return NextResponse.redirect(url, 303);
  };
  if (!parsed.success) return back("invalid-code");

  const { email, code } = parsed.data;
  const limit = await consumeRateLimits([
    ["codeAttempt", email],
    ["codeAttempt", `ip:${clientIpFrom(request.headers)}`],
  ]);
  if (!limit.ok) return back("rate-limited", limit.retryAfterSeconds);
  if (!(await isLiveSignInToken(email, code, env.AUTH_SECRET ?? ""))) return back("invalid-code");
  return NextResponse.redirect(signInCallbackUrl(email, code, callbackUrl), 303);
}
