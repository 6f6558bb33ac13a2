"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies the page's address (the whole search lives in it) for a colleague. */
export function CopyLinkButton() {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("yes");
    } catch {
      // No clipboard permission (an http:// page, a locked-down browser): the address bar still works.
      setCopied("failed");
    }
  };
  return (
    <span className="flex items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy}>
        Copy link
      </Button>
      <span aria-live="polite" className="text-xs text-slate-500">
        {copied === "yes" ? "Link copied." : copied === "failed" ? "Copy the address bar instead." : ""}
      </span>
    </span>
  );
}
