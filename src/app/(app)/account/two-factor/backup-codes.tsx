"use client";

import { useState } from "react";
import { site } from "@/config/site";

/**
 * Backup codes, shown once: as text (works without JavaScript), with Copy and a .txt download.
 * The download is a data: URL built here; nothing leaves the browser.
 */
export function BackupCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `${site.name} backup codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <p className="text-sm font-medium text-amber-900 dark:text-amber-100">
        Save these backup codes now: this is the only time they are shown. Each one signs you in once if your
        authenticator app is out of reach.
      </p>
      <ul aria-label="Backup codes" className="grid grid-cols-2 gap-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex gap-3 text-sm">
        <button
          type="button"
          className="font-medium text-primary underline"
          onClick={() => {
            void navigator.clipboard.writeText(text).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <a
          className="font-medium text-primary underline"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download={`${site.slug}-backup-codes.txt`}
        >
          Download .txt
        </a>
      </div>
    </div>
  );
}
