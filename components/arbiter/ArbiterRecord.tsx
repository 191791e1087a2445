"use client";

import type { Address } from "viem";

import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";
import { useArbiterRecord } from "@/hooks/useArbiterRecord";
import { describeRecord } from "@/lib/arbiter";

/**
 * The arbiter's track record across every MetaPool naming it, in one line of phrases ("ruled 4 claims: 3 valid,
 * 1 invalid · median 2 d 3 h from filing to ruling · 0 shutdowns · across 2 MetaPools").
 */
export function ArbiterRecord({ arbiter, lead = "Track record" }: { arbiter: Address; lead?: string }) {
  const record = useArbiterRecord(arbiter);
  if (record.isPending) {
    return (
      <p className="text-xs text-muted" role="status">
        Reading the arbiter&apos;s record…
      </p>
    );
  }
  if (record.isError) {
    return (
      <p className="text-xs text-muted">
        The arbiter&apos;s record could not be read:{" "}
        <LazyErrorSentence error={record.error} action="read the arbiter's record" />{" "}
        <button type="button" className="underline" onClick={() => record.refetch()}>
          Retry
        </button>
      </p>
    );
  }
  const p = describeRecord(record.data.record);
  const phrases = [p.ruled, p.median, p.pending, p.voided, p.shutdowns, p.metaPools].filter(Boolean);
  return (
    <p className="text-sm break-words" data-testid="arbiter-record">
      <span className="font-medium">{lead}:</span>{" "}
      {phrases.map((phrase, i) => (
        <span key={i}>
          {i > 0 && <span aria-hidden="true"> · </span>}
          {i > 0 && <span className="sr-only">, </span>}
          <span>{phrase}</span>
        </span>
      ))}
      <span className="block text-xs text-muted">
        {record.data.source === "indexer" ? "Counted by the indexer" : "Counted from the chain's events"}, over every
        MetaPool naming this arbiter.
      </span>
    </p>
  );
}
