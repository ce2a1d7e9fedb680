import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { MembershipChanged } from "@emails/membership-changed";
import { OrgInvitation, orgInvitationSubject } from "@emails/org-invitation";
import { maskEmail } from "@/lib/mask-email";
import { newOrgSchema, orgNameSchema } from "@/lib/org-schemas";

const hostile = '<a href="https://evil.example">Acme</a>';

describe("organization emails", () => {
  it("an organization's name is text in the invitation, never markup", async () => {
    const html = await render(
      <OrgInvitation
        url="http://localhost:3000/invite/abc"
        organizationName={hostile}
        inviterName={"<img src=x onerror=alert(1)>"}
        role="admin"
        expiresInDays={7}
      />,
    );
    expect(html).not.toContain('href="https://evil.example"');
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;a href=");
    expect(html.replaceAll("<!-- -->", "")).toContain("as an admin");
    expect(orgInvitationSubject("Acme")).toBe("You're invited to join Acme on Gatehouse");
  });

  it("the removal and role notices name the organization as text", async () => {
    const removed = await render(<MembershipChanged organizationName={hostile} change={{ kind: "removed" }} />);
    const changed = await render(
      <MembershipChanged organizationName={hostile} change={{ kind: "role-changed", role: "owner" }} />,
    );
    for (const html of [removed, changed]) expect(html).not.toContain('href="https://evil.example"');
    expect(changed.replaceAll("<!-- -->", "")).toContain("You are now an owner of");
  });
});

describe("organization inputs", () => {
  it("names are trimmed, spaces collapsed, and control or invisible characters refused", () => {
    expect(orgNameSchema.parse("  Acme   Inc ")).toBe("Acme Inc");
    expect(orgNameSchema.safeParse("Acme\r\nBcc: x@example.com").data).toBe("Acme Bcc: x@example.com");
    expect(orgNameSchema.safeParse("Acme\u202eevil").success).toBe(false);
    expect(orgNameSchema.safeParse("   ").success).toBe(false);
    expect(orgNameSchema.safeParse("x".repeat(81)).success).toBe(false);
  });

  it("an empty slug is made from the name; a typed one is lower-cased and judged", () => {
    expect(newOrgSchema.parse({ name: "Café Über", slug: "" })).toEqual({ name: "Café Über", slug: "cafe-uber" });
    expect(newOrgSchema.parse({ name: "X", slug: "My-Team" }).slug).toBe("my-team");
    expect(newOrgSchema.safeParse({ name: "Admin", slug: "" }).success).toBe(false);
    expect(newOrgSchema.safeParse({ name: "X", slug: "a/b" }).success).toBe(false);
  });

  it("an invited address is masked to its first letter and domain", () => {
    expect(maskEmail("grace@example.com")).toBe("g***@example.com");
    expect(maskEmail("nonsense")).toBe("***");
  });
});
