import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { runAppWith } from "../support/app-environment";
import { orgWith } from "../support/orgs";

// What a service token carries when the project asks for more: the profile claims named in
// SERVICE_TOKEN_CLAIMS, and Hasura's namespace (SERVICE_TOKEN_HASURA=on).
runAppWith({ SERVICE_TOKEN_CLAIMS: "email,name", SERVICE_TOKEN_HASURA: "on" });

describe("service token claims, configured", () => {
  it("adds the email and name, and Hasura's claims with the organization's role", async () => {
    const { issueServiceToken, HASURA_NAMESPACE } = await import("@/server/service-tokens/issue");
    const { slug, members } = await orgWith("member");
    const { user, member } = members[0]!;
    const subject = { userId: user.id, sessionId: "s1", email: user.email, name: user.name };

    const personal = decodeJwt((await issueServiceToken(subject, "orders-api", null)).token);
    expect(personal).toMatchObject({ email: user.email, name: "member" });
    expect(personal[HASURA_NAMESPACE]).toEqual({
      "x-hasura-user-id": user.id,
      "x-hasura-default-role": "user",
      "x-hasura-allowed-roles": ["user"],
    });

    const inOrg = decodeJwt((await issueServiceToken(subject, "orders-api", member)).token);
    expect(inOrg.org).toMatchObject({ slug, role: "member" });
    expect(inOrg[HASURA_NAMESPACE]).toEqual({
      "x-hasura-user-id": user.id,
      "x-hasura-default-role": "org-member",
      "x-hasura-allowed-roles": ["user", "org-member"],
      "x-hasura-org-id": member.organization.id,
    });
  });
});
