import { NextResponse, type NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signInCodeSchema } from "@/lib/validation";
import { signInCallbackUrl } from "@/server/auth/magic-link";
import { signInWithMintedToken } from "@/server/auth/route-guard";
import { consumeSignInCode, mintSignInToken } from "@/server/auth/sign-in-secrets";
import { env } from "@/server/env";
import { clientIpFrom } from "@/server/security/client-ip";
import { forgiveSecretTry, limitSecretTry } from "@/server/security/limits";
import { readBody } from "@/server/security/request-body";
import { ambiguousParams, isSameOriginRequest } from "@/server/security/request-guards";

/**
 * The code box on /verify-request posts here (a plain form, so it works without JavaScript).
 * Only a same-origin POST of a form is taken (anything else is 415, src/server/security/request-body.ts);
 * each try counts as a code guess for the address and the IP before the code is looked at (a
 * right one is forgiven). A wrong code goes back with an error; a right one signs in
 * through Auth.js's email callback, exactly as the emailed link's button does.
 */
export async function POST(request: NextRequest) {
  if (!isSameOriginRequest(request.headers)) return new NextResponse("Cross-site request refused.", { status: 403 });
  const body = await readBody(request, ["form"]);
  if (!body.ok) return new NextResponse(body.error, { status: body.status });
  if (body.text === "") return new NextResponse("The form is empty.", { status: 400 });
  const form = body.params;
  const ambiguous = ambiguousParams(form);
  if (ambiguous) return new NextResponse(ambiguous, { status: 400 });

  const parsed = signInCodeSchema.safeParse(Object.fromEntries(form));
  const rawCallbackUrl = form.get("callbackUrl");
  const callbackUrl = safeCallbackPath(rawCallbackUrl ?? undefined);
  const back = (error: string, retryAfter?: number) => {
    const url = new URL("/verify-request", env.appUrl);
    url.search = new URLSearchParams({
      callbackUrl,
      error,
      ...(retryAfter ? { retryAfter: String(retryAfter) } : {}),
    }).toString();
    return NextResponse.redirect(url, 303);
  };
  if (!parsed.success) return back("invalid-code");

  const { email, code } = parsed.data;
  const codeTry = { kind: "code", email, ip: clientIpFrom(request.headers) } as const;
  const limit = await limitSecretTry(codeTry);
  if (!limit.ok) return back("rate-limited", limit.retryAfterSeconds);
  if (!(await consumeSignInCode(email, code))) return back("invalid-code");
  await forgiveSecretTry(codeTry);
  const token = await mintSignInToken(email);
  return signInWithMintedToken(request, signInCallbackUrl(email, token, callbackUrl));
}
