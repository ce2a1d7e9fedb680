import { NextResponse } from "next/server";
import { auth } from "@/auth";

/** The signed-in user as JSON. Middleware answers 401 before this runs when signed out. */
export async function GET() {
  const session = await auth();
  if (!session) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  return NextResponse.json({ user: session.user, method: session.method, expires: session.expires });
}
