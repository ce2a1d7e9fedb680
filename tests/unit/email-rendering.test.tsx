import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { MagicLinkEmail, magicLinkSubject } from "@emails/magic-link";
import { ResetPassword, resetPasswordSubject } from "@emails/reset-password";
import { VerifyEmail, verifyEmailSubject } from "@emails/verify-email";

const url = "http://localhost:3000/sign-in/confirm?token=482913&email=ada%40example.com";

describe("email templates", () => {
  it("the magic-link email has a subject, the link in HTML and in plain text", async () => {
    const element = <MagicLinkEmail url={url} code="482913" email="ada@example.com" expiresInMinutes={15} />;
    const html = await render(element);
    const text = await render(element, { plainText: true });
    expect(magicLinkSubject).toBe("Your Gatehouse sign-in link");
    expect(html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(html).toContain("ada@example.com");
    expect(html).toContain("15");
    expect(text).toContain(url);
    expect(text).toContain("482913");
  });

  it("the verification email carries both the link and the code", async () => {
    const element = <VerifyEmail url="http://localhost:3000/verify-email?token=t0k3n" code="493817" />;
    const text = await render(element, { plainText: true });
    expect(verifyEmailSubject).toBeTruthy();
    expect(text).toContain("http://localhost:3000/verify-email?token=t0k3n");
    expect(text).toContain("493817");
  });

  it("the reset email states its lifetime", async () => {
    const text = await render(<ResetPassword url="http://localhost:3000/reset-password?token=x" expiresInMinutes={30} />, {
      plainText: true,
    });
    expect(resetPasswordSubject).toBeTruthy();
    expect(text).toContain("expires in 30 minutes");
  });
});
