/**
 * Another website, on another origin, for the login-CSRF attacks: its pages make the visitor's
 * browser send a request to the app, as a hostile page would.
 *   GET /go?url=<u>     → a page that navigates the browser to <u> (a GET)
 *   GET /post?url=<u>   → a page whose form posts to <u> as soon as it loads (a POST)
 *   GET /post-fields?url=<u> → the same, with <u>'s query string sent as the form's fields
 * Usage: PORT=3104 npx tsx tests/fakes/cross-site.ts
 */
import { sendHtml, sendJson, serve } from "./http";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

serve("fake-cross-site", Number(process.env.PORT ?? 3104), (_req, res, url) => {
  const target = url.searchParams.get("url") ?? "";
  if (url.pathname === "/go") {
    return sendHtml(
      res,
      200,
      `<!doctype html><title>Win a prize</title><script>location.href = ${JSON.stringify(target)};</script>`,
    );
  }
  if (url.pathname === "/post") {
    return sendHtml(
      res,
      200,
      `<!doctype html><title>Win a prize</title><form id="f" method="post" action="${escape(target)}"></form><script>document.getElementById("f").submit();</script>`,
    );
  }
  if (url.pathname === "/post-fields") {
    const action = new URL(target);
    const fields = [...action.searchParams]
      .map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`)
      .join("");
    action.search = "";
    return sendHtml(
      res,
      200,
      `<!doctype html><title>Win a prize</title><form id="f" method="post" action="${escape(action.toString())}">${fields}</form><script>document.getElementById("f").submit();</script>`,
    );
  }
  if (url.pathname === "/health") return sendJson(res, 200, { ok: true });
  return sendJson(res, 404, { message: "Not Found" });
});
