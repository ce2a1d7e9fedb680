import type { ComponentProps } from "react";
import { Field } from "@/components/ui/field";

type FieldProps = Omit<ComponentProps<typeof Field>, "label"> & { label?: string };

/** An email address: the browser's email keyboard and autofill, and the schema's length limit. */
export function EmailField({ label = "Email", ...props }: FieldProps) {
  return <Field label={label} type="email" autoComplete="email" required maxLength={254} {...props} />;
}

/** A 6-digit code from an email (a space typed between the digits is fine: hence 7). */
export function CodeField({ label = "6-digit code", ...props }: FieldProps) {
  return <Field label={label} inputMode="numeric" autoComplete="one-time-code" required maxLength={7} {...props} />;
}
