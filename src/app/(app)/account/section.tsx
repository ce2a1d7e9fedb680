import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One part of /account: a card with a heading the page can link to (`/account#email`). */
export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
        <div className="mt-4 max-w-md">{children}</div>
      </section>
    </Card>
  );
}

export function Avatar({ name, email, image }: { name: string | null; email: string; image: string | null }) {
  if (image) {
    // A plain <img>: avatars come from the identity provider's host, which next/image would need listed.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={image} alt="" className="h-14 w-14 rounded-full" />;
  }
  const initials = (name ?? email)
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <span
      aria-hidden="true"
      className="flex h-14 w-14 items-center justify-center rounded-full bg-primary text-lg font-semibold text-primary-foreground"
    >
      {initials}
    </span>
  );
}
