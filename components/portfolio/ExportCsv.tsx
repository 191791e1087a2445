"use client";

import { useState } from "react";

import { readChainNow } from "@/hooks/useChainNow";
import { csvFileName, portfolioCsv } from "@/lib/portfolio/csv";
import type { MetaPoolPortfolio } from "@/lib/portfolio/summary";

/** Downloads every position as CSV through a Blob link (nothing leaves the browser). */
export function ExportCsv({ items, account }: { items: readonly MetaPoolPortfolio[]; account: string }) {
  const [done, setDone] = useState(false);
  const download = () => {
    // The chain's clock at the click (the page renders only when a status changes, not every second).
    const now = readChainNow();
    if (now === undefined) return;
    // A BOM so spreadsheet apps read the UTF-8 names correctly.
    const blob = new Blob(["\uFEFF", portfolioCsv(items, now)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = csvFileName(account, now);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setDone(true);
  };
  return (
    <div className="flex items-center gap-2">
      <button type="button" className="btn-secondary" onClick={download} data-testid="portfolio-export-csv">
        Export CSV
      </button>
      <span role="status" className="text-xs text-muted">
        {done ? "Downloaded: exact amounts, one row per position." : ""}
      </span>
    </div>
  );
}
