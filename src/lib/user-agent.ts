import Bowser from "bowser";

/**
 * Shorter names for a few browsers, as people call them (and as the sessions page has always
 * shown them): bowser says "Microsoft Edge" and "Samsung Internet for Android".
 */
const BROWSER_NAMES: Record<string, string> = {
  "Microsoft Edge": "Edge",
  "Samsung Internet for Android": "Samsung Internet",
};

function browserName(name: string | undefined, os: string | undefined): string | null {
  if (!name) return null;
  if (name === "Safari" && (os === "iOS" || os === "iPadOS")) return "Mobile Safari";
  return BROWSER_NAMES[name] ?? name;
}

/** "Chrome 156 on Linux", "Mobile Safari 17 on Apple iPhone"; "Unknown device" when there is nothing to go on. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os, platform } = Bowser.parse(userAgent);
  const name = browserName(browser.name, os.name);
  const major = browser.version?.split(".")[0];
  const browserLabel = name ? `${name}${major ? ` ${major}` : ""}` : null;
  // A named device (an iPhone, a Pixel) says more than its OS; otherwise the OS.
  const device = platform.model ? [platform.vendor, platform.model].filter(Boolean).join(" ") : null;
  const platformLabel = device || os.name || null;
  if (browserLabel && platformLabel) return `${browserLabel} on ${platformLabel}`;
  return browserLabel ?? platformLabel ?? "Unknown device";
}
