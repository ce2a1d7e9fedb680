import type { ReactNode } from "react";
import { Card } from "./card";
import { cn } from "@/lib/class-names";

/**
 * One thing the user owns in a list (a session, a remembered device, a passkey): what it is, a
 * line of details, then what they can do with it, beside it or, for more than a button, below it.
 */
export function ListItem({
  title,
  details,
  children,
  actionsBelow = false,
}: {
  title: ReactNode;
  details: ReactNode;
  children: ReactNode;
  actionsBelow?: boolean;
}) {
  return (
    <li>
      <Card className="!p-4 sm:!p-5">
        <div
          className={actionsBelow ? "space-y-4" : "flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between"}
        >
          <div className="text-sm">
            <p className="font-semibold">{title}</p>
            <p className="text-muted-foreground">{details}</p>
          </div>
          {children}
        </div>
      </Card>
    </li>
  );
}

const BADGE_TONES = {
  neutral: "bg-muted text-muted-foreground",
  success: "bg-green-100 text-green-800 dark:bg-green-900 dark:text-green-100",
  danger: "bg-red-100 text-red-800 dark:bg-red-900 dark:text-red-100",
} as const;

/** A short label after a list item's title ("This device", "Synced"). */
export function Badge({ tone = "neutral", children }: { tone?: keyof typeof BADGE_TONES; children: ReactNode }) {
  return <span className={cn("ml-2 rounded px-1.5 py-0.5 text-xs font-medium", BADGE_TONES[tone])}>{children}</span>;
}
