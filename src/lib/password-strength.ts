import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/**
 * Password strength estimate (zxcvbn-ts with its common-password and English dictionaries).
 * The server uses it to judge a new password; the sign-up form loads it lazily for its meter.
 */
export const MIN_STRENGTH_SCORE = 3;

let configured = false;

function configure() {
  if (configured) return;
  zxcvbnOptions.setOptions({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  configured = true;
}

export interface StrengthEstimate {
  /** 0 (guessable in seconds) to 4 (very strong). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
}

/** `userInputs`: things an attacker would try first for this person (email, name). */
export function estimateStrength(password: string, userInputs: string[] = []): StrengthEstimate {
  configure();
  // zxcvbn only matches whole inputs, so also offer the pieces and the pieces run together:
  // "Grace Hopper" → "grace", "hopper", "gracehopper"; "ada.l@x.io" → "ada.l", "ada", "adal".
  const inputs = userInputs.flatMap((input) => {
    const lower = input.toLowerCase();
    const local = lower.split("@")[0] ?? lower;
    const parts = local.split(/[^a-z0-9]+/).filter(Boolean);
    return [lower, local, ...parts, parts.join("")];
  });
  // zxcvbn's cost grows with length; beyond 100 characters the score does not change anyway.
  const result = zxcvbn(
    password.slice(0, 100),
    [...new Set(inputs)].filter((input) => input.length >= 3),
  );
  return {
    score: result.score,
    warning: result.feedback.warning || null,
  };
}
