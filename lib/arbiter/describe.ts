import { formatDuration } from "../format/duration";
import type { ArbiterRecord } from "./types";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The record in parts, each a phrase with its unit, so a screen can lay them out and a test can find each. */
export interface RecordPhrases {
  ruled: string;
  /** null when nothing was ruled. */
  median: string | null;
  /** null when no claim waits. */
  pending: string | null;
  /** null when no claim was voided by a shutdown. */
  voided: string | null;
  shutdowns: string;
  metaPools: string;
}

export function describeRecord(r: ArbiterRecord): RecordPhrases {
  return {
    ruled:
      r.ruled === 0
        ? "no claim ruled yet"
        : `ruled ${plural(r.ruled, "claim", "claims")}: ${r.valid} valid, ${r.invalid} invalid`,
    median:
      r.medianTimeToRuling === null ? null : `median ${formatDuration(r.medianTimeToRuling)} from filing to ruling`,
    pending: r.pending === 0 ? null : `${r.pending} pending`,
    voided: r.voided === 0 ? null : `${plural(r.voided, "claim", "claims")} voided by a shutdown`,
    shutdowns: plural(r.shutdowns, "shutdown", "shutdowns"),
    metaPools: `across ${plural(r.metaPools, "MetaPool", "MetaPools")}`,
  };
}

/** "Ruled 4 claims: 3 valid, 1 invalid · median 2 d 3 h from filing to ruling · 0 shutdowns · across 2 MetaPools". */
export function recordSummary(r: ArbiterRecord): string {
  const p = describeRecord(r);
  const text = [p.ruled, p.median, p.pending, p.voided, p.shutdowns, p.metaPools].filter(Boolean).join(" · ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
