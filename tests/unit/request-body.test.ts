import { describe, expect, it } from "vitest";
import { bodyKind, readBody } from "@/server/security/request-body";

const post = (body: string, contentType?: string) =>
  new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: contentType === undefined ? {} : { "content-type": contentType },
  });

describe("bodyKind: a body is taken only when its type's essence and Auth.js's substring test agree", () => {
  it.each([
    ["application/x-www-form-urlencoded", "form"],
    ["application/x-www-form-urlencoded;charset=UTF-8", "form"],
    ["application/json", "json"],
    ["application/json; charset=utf-8", "json"],
    // Two readings: a form to undici, JSON to Auth.js.
    ["application/x-www-form-urlencoded; x=application/json", null],
    // JSON to the essence, nothing to Auth.js (its test is case-sensitive).
    ["Application/JSON", null],
    ["text/plain; x=application/json", null],
    ["multipart/form-data; boundary=x", null],
    ["text/plain", null],
  ])("%s → %s", (type, kind) => {
    expect(bodyKind(type)).toBe(kind);
  });
});

describe("readBody", () => {
  it("reads a form as Auth.js will (the last of a repeated name wins there; the guards refuse repeats)", async () => {
    const reading = await readBody(post("email=a%40b.test&csrfToken=t", "application/x-www-form-urlencoded"), ["form"]);
    expect(reading.ok && reading.params.get("email")).toBe("a@b.test");
  });

  it("takes JSON only where the endpoint does, and only as an object of strings", async () => {
    expect(await readBody(post('{"email":"a@b.test"}', "application/json"), ["form"])).toMatchObject({ status: 415 });
    const ok = await readBody(post('{"email":"a@b.test"}', "application/json"), ["form", "json"]);
    expect(ok.ok && ok.params.get("email")).toBe("a@b.test");
    for (const body of ['{"email":["a@b.test"]}', "[1]", "null", "not json", ""]) {
      expect(await readBody(post(body, "application/json"), ["json"])).toMatchObject({ ok: false, status: 400 });
    }
  });

  it("an empty form and a bodiless POST read as no fields; a body with no type is refused", async () => {
    const empty = await readBody(post("", "application/x-www-form-urlencoded"), ["form"]);
    expect(empty.ok && [...empty.params].length).toBe(0);
    const bare = await readBody(new Request("http://localhost/x", { method: "POST" }), ["form"]);
    expect(bare.ok && bare.text).toBe("");
    const untyped = new Request("http://localhost/x", { method: "POST", body: new Blob(["email=a%40b.test"]) });
    expect(await readBody(untyped, ["form"])).toMatchObject({ ok: false, status: 415 });
  });
});
