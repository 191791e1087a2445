"use client";

import { useState } from "react";
import type { Address } from "viem";

import { shortAddress } from "@/lib/format";

/** An address in full (wrapping on phones), or `short` with the full one on hover, and a copy button that says when it copied. */
export function CopyAddress({ address, label, short = false }: { address: Address; label: string; short?: boolean }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-2">
      <code className="break-all font-mono text-sm" title={short ? address : undefined}>
        {short ? shortAddress(address) : address}
      </code>
      <button
        type="button"
        className="btn-secondary px-2 py-0.5 text-xs"
        onClick={copy}
        aria-label={`Copy ${label} address`}
      >
        Copy
      </button>
      <span aria-live="polite" className="text-xs text-muted">
        {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed: select the address instead" : ""}
      </span>
    </span>
  );
}
