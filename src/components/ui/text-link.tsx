import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/class-names";

/** An inline link in running text. */
export function TextLink({ className = "", ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn("font-medium text-primary underline", className)} {...props} />;
}
