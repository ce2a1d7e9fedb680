import "server-only";

/**
 * The body of a POST that carries a secret or names whose secret it is, read once and the one way
 * every reader of it will read it.
 *
 * Auth.js (`getBody` in @auth/core) parses a body as JSON whenever the Content-Type header merely
 * *contains* "application/json", and as a form when it contains
 * "application/x-www-form-urlencoded"; undici's `formData()` goes by the MIME type's essence. A
 * header such as `application/x-www-form-urlencoded; x=application/json` would then be a form to
 * a limiter and JSON to Auth.js: two readings of one body, each naming a different address. So a
 * body is taken only when both ways of looking at its header agree on what it is; anything else is
 * 415, and the values are the ones Auth.js will see (for a form, the last of a repeated name, as
 * `Object.fromEntries` keeps; the guards refuse repeats of the names that matter anyway).
 */

export type BodyKind = "form" | "json";

export type BodyReading =
  { ok: true; kind: BodyKind; text: string; params: URLSearchParams } | { ok: false; status: 400 | 415; error: string };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** What Auth.js will take the body for, by its own test (a substring, case as sent). */
function authJsKind(contentType: string): BodyKind | null {
  if (contentType.includes(JSON_TYPE)) return "json";
  if (contentType.includes(FORM)) return "form";
  return null;
}

/** The MIME type's essence (type/subtype, lowercase), as undici and browsers read it. */
function essenceKind(contentType: string): BodyKind | null {
  const essence = contentType.split(";", 1)[0]!.trim().toLowerCase();
  if (essence === FORM) return "form";
  if (essence === JSON_TYPE) return "json";
  return null;
}

/** The kind of body a Content-Type names, or null unless every reader agrees on it. */
export function bodyKind(contentType: string): BodyKind | null {
  const kind = essenceKind(contentType);
  return kind !== null && kind === authJsKind(contentType) ? kind : null;
}

function fromJson(text: string): URLSearchParams | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const params = new URLSearchParams();
  for (const [key, field] of Object.entries(value)) {
    // What a form could have sent: text. A list or an object for `email` is no address.
    if (typeof field !== "string") return null;
    params.append(key, field);
  }
  return params;
}

/**
 * Reads `request`'s body once. `accept` lists the kinds this endpoint takes (its own pages send
 * forms; Auth.js's endpoints also take JSON). An empty form (the confirm page's button sends one)
 * and a bodiless POST with no Content-Type read as no fields. Refused: any other or ambiguous
 * Content-Type (415), and JSON that isn't an object of strings (400).
 */
export async function readBody(request: Request, accept: readonly BodyKind[]): Promise<BodyReading> {
  const contentType = request.headers.get("content-type");
  const kind = contentType === null ? null : bodyKind(contentType);
  if (contentType !== null && (kind === null || !accept.includes(kind))) {
    const names = accept.map((k) => (k === "form" ? FORM : JSON_TYPE)).join(" or ");
    return { ok: false, status: 415, error: `The body must be sent as ${names}.` };
  }
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, status: 400, error: "The body could not be read." };
  }
  if (kind === null) {
    if (text !== "") return { ok: false, status: 415, error: "A body needs a Content-Type." };
    return { ok: true, kind: "form", text, params: new URLSearchParams() };
  }
  const params = kind === "form" ? new URLSearchParams(text) : fromJson(text);
  if (!params) return { ok: false, status: 400, error: "The body must be a JSON object of strings." };
  return { ok: true, kind, text, params };
}
