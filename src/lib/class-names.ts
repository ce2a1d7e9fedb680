import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names and lets a later Tailwind class win over an earlier one of the same kind
 * (`cn("px-4", "px-2")` is `"px-2"`), so a caller's `className` overrides a primitive's default.
 * This is shadcn/ui's `cn`; `components.json` points its `utils` alias here.
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
