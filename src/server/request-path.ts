import "server-only";
import { headers } from "next/headers";
import { site } from "@/config/site";

/**
 * The path of this request, as middleware saw it: a server action posts to the page it was sent
 * from, so this is how an action knows which /orgs/[slug] it acts in (the URL, never the body).
 * Middleware sets it on every request it lets through, replacing any copy sent from outside.
 */
export const REQUEST_PATH_HEADER = `x-${site.slug}-path`;

/** This request's path; null outside a request or before middleware (scripts, tests). */
export async function requestPath(): Promise<string | null> {
  try {
    return (await headers()).get(REQUEST_PATH_HEADER);
  } catch {
    return null;
  }
}
