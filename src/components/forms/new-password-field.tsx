"use client";

import { useState, type ComponentProps } from "react";
import { PasswordField } from "@/components/ui/password-field";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/password-rules";
import { PasswordStrengthMeter } from "./password-strength-meter";

/** A new password: the length rules as attributes, and the strength meter under it while typing. */
export function NewPasswordField({
  userInputs = [],
  defaultValue: _neverEchoed,
  ...props
}: ComponentProps<typeof PasswordField> & { userInputs?: string[] }) {
  const [value, setValue] = useState("");
  return (
    <div className="space-y-2">
      <PasswordField
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        {...props}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <PasswordStrengthMeter password={value} userInputs={userInputs} />
    </div>
  );
}
