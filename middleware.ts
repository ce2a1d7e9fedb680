import { NextResponse } from "next/server";
import { auth } from "@/auth";
import { classifyRoute, DEFAULT_SIGNED_IN_PATH, SIGN_IN_PATH } from "@/lib/routes";

/**
 * Every matched request is checked against the database session (Node.js runtime), then
 * routed by the one route map in src/lib/routes.ts. Anything not listed as public is protected.
 */
export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  const signedIn = Boolean(req.auth?.user);
  const kind = classifyRoute(pathname);

  if (kind === "auth" && signedIn) {
    return NextResponse.redirect(new URL(DEFAULT_SIGNED_IN_PATH, req.nextUrl));
  }
  if (kind === "protected-api" && !signedIn) {
    return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  }
  if (kind === "protected-page" && !signedIn) {
    const signInUrl = new URL(SIGN_IN_PATH, req.nextUrl);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signInUrl);
  }
  return NextResponse.next();
});

export const config = {
  runtime: "nodejs",
  // Everything except Auth.js's own endpoints and static files.
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|txt)$).*)"],
};
