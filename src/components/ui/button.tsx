import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/class-names";

type Variant = "primary" | "secondary";

const variants: Record<Variant, string> = {
  primary: "bg-primary text-primary-foreground hover:bg-primary/90 disabled:opacity-60",
  secondary: "border border-input bg-card text-foreground hover:bg-accent",
};

export function buttonClass(variant: Variant = "primary", extra = ""): string {
  return cn(
    "inline-flex w-full items-center justify-center gap-2 rounded-md px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed",
    variants[variant],
    extra,
  );
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
