"use client";

import { useEffect, useState } from "react";
import type { StrengthEstimate } from "@/lib/password-strength";
import { PASSWORD_MIN_LENGTH } from "@/lib/password-rules";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLORS = ["bg-red-500", "bg-red-500", "bg-amber-500", "bg-green-600", "bg-green-600"] as const;

/**
 * A hint while typing; the server is the judge. The estimator and its dictionaries load only
 * once the user starts typing a password.
 */
export function PasswordStrengthMeter({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const [estimate, setEstimate] = useState<StrengthEstimate | null>(null);
  const inputsKey = userInputs.join("\u0000");

  useEffect(() => {
    if (!password) {
      setEstimate(null);
      return;
    }
    let cancelled = false;
    void import("@/lib/password-strength").then(({ estimateStrength }) => {
      if (!cancelled) setEstimate(estimateStrength(password, inputsKey.split("\u0000")));
    });
    return () => {
      cancelled = true;
    };
  }, [password, inputsKey]);

  if (!password || !estimate) return null;
  const tooShort = password.length < PASSWORD_MIN_LENGTH;
  const score = tooShort ? Math.min(estimate.score, 1) : estimate.score;
  return (
    <div className="space-y-1" aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded ${i < Math.max(score, 1) ? COLORS[score] : "bg-muted"}`} />
        ))}
      </div>
      <p className="text-xs text-muted-foreground">
        Strength: <strong>{LABELS[score]}</strong>
        {tooShort ? ` · at least ${PASSWORD_MIN_LENGTH} characters` : estimate.warning ? ` · ${estimate.warning}` : ""}
      </p>
    </div>
  );
}
