import { UAParser } from "ua-parser-js";

/** "Chrome 156 on Linux" from a User-Agent header; "Unknown device" when there is nothing to go on. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os, device } = UAParser(userAgent);
  const browserName = browser.name ? `${browser.name}${browser.major ? ` ${browser.major}` : ""}` : null;
  const platform = [device.vendor, device.model].filter(Boolean).join(" ") || os.name || null;
  if (browserName && platform) return `${browserName} on ${platform}`;
  return browserName ?? platform ?? "Unknown device";
}
