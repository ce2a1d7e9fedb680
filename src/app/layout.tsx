import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { SiteHeader } from "@/components/site-header";
import { SupportBanner } from "@/components/support-banner";
import "./globals.css";
import { site } from "@/config/site";
import { nonceFromPolicy } from "@/lib/security-headers";
import { THEME_SCRIPT } from "@/lib/theme";
import { readTheme } from "@/server/theme";

export const metadata: Metadata = {
  title: { default: site.name, template: `%s · ${site.name}` },
  description: site.description,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [theme, requestHeaders] = await Promise.all([readTheme(), headers()]);
  return (
    // data-theme is the visitor's choice, rendered by the server (so an explicit choice holds with
    // no JavaScript at all); the script sets the `dark` class from it, or from the system, before
    // first paint. The class is the script's, so the server's render of it is allowed to differ.
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <head>
        <script
          nonce={nonceFromPolicy(requestHeaders.get("content-security-policy"))}
          dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }}
        />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-card focus:px-3 focus:py-2 focus:text-sm"
        >
          Skip to content
        </a>
        <SupportBanner />
        <SiteHeader theme={theme} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-10 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
