import type { ReactNode } from "react";
import { cn } from "@/lib/class-names";

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn("rounded-xl border border-border bg-card p-6 text-card-foreground shadow-sm sm:p-8", className)}>
      {children}
    </div>
  );
}
