import type { InputHTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/class-names";

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  adornment,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  /** Something inside the input's right edge, such as a show-password button. */
  adornment?: ReactNode;
}) {
  const id = input.id ?? `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <div className="relative">
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={cn(
            "block w-full rounded-md border border-input bg-card px-3 py-2 text-sm text-foreground shadow-sm placeholder:text-muted-foreground focus:border-ring focus:ring-2 focus:ring-ring/30 focus:outline-none aria-invalid:border-destructive",
            adornment && "pr-16",
          )}
          {...input}
        />
        {adornment ? <div className="absolute inset-y-0 right-0 flex items-center pr-1.5">{adornment}</div> : null}
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A field's error, as `${id}-error` (what the field's aria-describedby names). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm text-destructive">
      {error}
    </p>
  ) : null;
}
