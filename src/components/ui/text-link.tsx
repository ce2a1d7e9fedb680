import Link from "next/link";
import type { ComponentProps } from "react";

/** An inline link in running text. */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link className={`font-medium text-brand-700 underline dark:text-brand-100 ${className}`} {...props} />;
}
