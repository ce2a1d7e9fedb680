import "server-only";
import { cookies } from "next/headers";
import { env } from "./env";
import { site } from "@/config/site";
import { parseTheme, type Theme } from "@/lib/theme";

/** The theme choice, kept a year; "system" keeps no cookie at all. */
const COOKIE = `${site.slug}.theme`;

export async function readTheme(): Promise<Theme> {
  return parseTheme((await cookies()).get(COOKIE)?.value);
}

export async function saveTheme(theme: Theme): Promise<void> {
  const jar = await cookies();
  if (theme === "system") {
    jar.delete(COOKIE);
    return;
  }
  jar.set(COOKIE, theme, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}
