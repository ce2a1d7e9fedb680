"use client";

import { useState, type ComponentProps } from "react";
import { Field } from "./field";

/**
 * A password input whose owner can show what they typed (OWASP ASVS 2.1.12), and which password
 * managers and paste work with as usual. Without JavaScript it is a plain password field.
 */
export function PasswordField(props: Omit<ComponentProps<typeof Field>, "type" | "adornment">) {
  const [visible, setVisible] = useState(false);
  const id = props.id ?? `field-${props.name}`;
  return (
    <Field
      {...props}
      id={id}
      type={visible ? "text" : "password"}
      adornment={
        <button
          type="button"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
          className="rounded px-2 py-1 text-xs font-medium text-muted-foreground hover:bg-accent"
        >
          {visible ? "Hide" : "Show"}
        </button>
      }
    />
  );
}
