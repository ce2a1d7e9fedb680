import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ErrorPage from "@/app/error";
import GlobalError from "@/app/global-error";
import { site } from "@/config/site";

/** An error as a failing page would throw it: internals in the message and the stack. */
const failure = Object.assign(new Error("SQLITE_BUSY: database is locked at /srv/app/.next/server/chunks/306.js"), {
  digest: "2471813093",
});

describe("error pages show no internals", () => {
  it.each([
    ["a page's error boundary", () => renderToStaticMarkup(<ErrorPage error={failure} reset={() => {}} />)],
    ["the root error boundary", () => renderToStaticMarkup(<GlobalError error={failure} reset={() => {}} />)],
  ])("%s: what to do next, the reference for support, and nothing of the error itself", (_label, render) => {
    const html = render();
    expect(html).toContain("Try again");
    expect(html).toContain(site.supportEmail);
    expect(html).toContain("2471813093");
    expect(html).not.toContain("SQLITE_BUSY");
    expect(html).not.toContain("/srv/app");
    expect(html).not.toContain(failure.stack!.split("\n")[1]!.trim());
  });
});
