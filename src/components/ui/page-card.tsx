import type { ReactNode } from "react";
import { Card } from "./card";

/** A page whose content is one card with a heading: sign-in steps, confirmations, link problems. */
export function PageCard({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <Card className={className}>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      {children}
    </Card>
  );
}
