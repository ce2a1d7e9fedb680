import { formatDuration } from "@/lib/format";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { MagicLinkEmail, magicLinkSubject } from "@emails/magic-link";
import { PasskeyChanged, passkeyChangedSubject } from "@emails/passkey-changed";
import { ResetPassword, resetPasswordSubject } from "@emails/reset-password";
import { VerifyEmail, verifyEmailSubject } from "@emails/verify-email";
import { sendMagicLinkEmail } from "@/server/mail/messages";
import { listOutbox, readOutboxMessage } from "@/server/mail/outbox";
import { uniqueEmail } from "../support/users";

const url = "http://localhost:3000/sign-in/confirm?callbackUrl=%2Fdashboard&token=482913&email=ada%40example.com";
const inHref = `href="${url.replaceAll("&", "&amp;")}"`;

describe("the magic-link email", () => {
  const element = <MagicLinkEmail url={url} code="482913" email="ada@example.com" expiresInMinutes={15} />;

  it("has a subject", () => {
    expect(typeof magicLinkSubject).toBe("string");
    expect(magicLinkSubject.trim()).not.toBe("");
  });

  it("HTML: a button linking to the URL, the address it is for and how long it lasts", async () => {
    const html = await render(element);
    expect(html).toContain(inHref);
    expect(html).toContain("ada@example.com");
    // React separates text nodes with <!-- --> in HTML.
    expect(html.replaceAll("<!-- -->", "")).toContain("expire in 15 minutes");
    expect(html).toContain("482913");
  });

  it("plain text: the URL itself, the code and how long they last", async () => {
    const text = await render(element, { plainText: true });
    expect(text).toContain(url);
    expect(text).toContain("482913");
    expect(text).toContain("expire in 15 minutes");
    expect(text).not.toMatch(/<[a-z]/i);
  });
});

describe("other templates", () => {
  it("the verification email carries both the link and the code, and says how long they last", async () => {
    const text = await render(
      <VerifyEmail url="http://localhost:3000/verify-email?token=t0k3n" code="493817" expiresInMinutes={24 * 60} />,
      { plainText: true },
    );
    expect(verifyEmailSubject.trim()).not.toBe("");
    expect(text).toContain("http://localhost:3000/verify-email?token=t0k3n");
    expect(text).toContain("493817");
    expect(text).toContain("expire in 24 hours");
  });

  it("the reset email states its lifetime", async () => {
    const text = await render(
      <ResetPassword url="http://localhost:3000/reset-password?token=x" expiresInMinutes={30} />,
      {
        plainText: true,
      },
    );
    expect(resetPasswordSubject.trim()).not.toBe("");
    expect(text).toContain("http://localhost:3000/reset-password?token=x");
    expect(text).toContain("expires in 30 minutes");
  });

  it("the passkey notice names the passkey, says what happened and links to the passkeys page", async () => {
    const url = "http://localhost:3000/account/passkeys";
    for (const kind of ["added", "removed"] as const) {
      const text = await render(<PasskeyChanged kind={kind} passkeyName="Work laptop" passkeysUrl={url} />, {
        plainText: true,
      });
      expect(passkeyChangedSubject(kind)).toContain(kind === "added" ? "added to" : "removed from");
      expect(text).toContain("“Work laptop”");
      expect(text).toContain(url);
    }
  });
});

describe("sending the magic-link email (no Resend key in tests, so it lands in the outbox)", () => {
  it("the outbox message has the subject, the recipient, and the link in both HTML and plain text", async () => {
    const to = uniqueEmail("render");
    const link = `http://localhost:3000/sign-in/confirm?token=123456&email=${encodeURIComponent(to)}`;
    await sendMagicLinkEmail(to, link, "123456");

    const summary = (await listOutbox(500)).find((message) => message.to === to);
    expect(summary).toBeDefined();
    const message = await readOutboxMessage(summary!.id);
    expect(message).toMatchObject({ to, subject: magicLinkSubject });
    expect(message!.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    expect(message!.text).toContain(link);
    expect(message!.text).toContain("123456");
  });
});

describe("durations in copy come from the constants that own them", () => {
  it.each([
    [30 * 60, "30 minutes"],
    [60 * 60, "1 hour"],
    [24 * 60 * 60, "24 hours"],
    [7 * 24 * 60 * 60, "7 days"],
    [30 * 24 * 60 * 60, "30 days"],
    [60, "1 minute"],
  ])("%i seconds read as %s", (seconds, words) => {
    expect(formatDuration(seconds)).toBe(words);
  });
});
