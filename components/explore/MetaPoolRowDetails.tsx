"use client";

import { useId, useState, type ReactNode } from "react";
import type { Address } from "viem";

import { ArbiterIdentity } from "@/components/arbiter/ArbiterIdentity";
import { ArbiterRecord } from "@/components/arbiter/ArbiterRecord";
import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";
import { Skeleton } from "@/components/ui/States";
import { useMetaPool } from "@/hooks/useMetaPool";
import { arbiterLabel } from "@/lib/arbiter";

interface RowIdentity {
  address: Address;
  name: string;
  arbiter: Address;
  /** The connected account is the arbiter. */
  arbiterIsYou: boolean;
}

/**
 * What a MetaPool covers and who rules on it: the protection statement (from the factory's creation event, read
 * only once opened) and the arbiter with its track record.
 */
export function MetaPoolRowDetails({ row, id }: { row: RowIdentity; id: string }) {
  const metaPool = useMetaPool(row.address);
  const statement = metaPool.data?.params.protectionStatement;
  return (
    <div id={id} className="grid gap-4 text-sm md:grid-cols-[3fr_2fr]" data-testid="metapool-row-details">
      <div className="min-w-0 space-y-1">
        <h4 className="text-xs font-medium text-muted">Protection statement: what counts as a valid claim</h4>
        {metaPool.isPending ? (
          <div role="status" aria-label="Loading the protection statement" className="space-y-2">
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : metaPool.isError ? (
          <p className="text-muted">
            The statement could not be read:{" "}
            <LazyErrorSentence error={metaPool.error} action="read the protection statement" />
          </p>
        ) : (
          <blockquote
            className="max-h-60 overflow-y-auto rounded-md border border-border bg-background p-2 break-words whitespace-pre-wrap"
            data-testid="row-statement"
          >
            {statement}
          </blockquote>
        )}
      </div>
      <div className="min-w-0 space-y-2">
        <h4 className="text-xs font-medium text-muted">Arbiter: rules on every claim alone</h4>
        <ArbiterIdentity
          address={row.arbiter}
          label={statement ? arbiterLabel(statement) : null}
          isYou={row.arbiterIsYou}
        />
        <ArbiterRecord arbiter={row.arbiter} />
      </div>
    </div>
  );
}

/** The disclosure button: keyboard reachable, says whether it is open and what it opens. */
function DetailsToggle({
  open,
  onToggle,
  controls,
  name,
}: {
  open: boolean;
  onToggle: () => void;
  controls: string;
  name: string;
}) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="inline-flex items-center gap-1 text-xs text-muted underline-offset-2 hover:text-foreground hover:underline focus-visible:outline-2 focus-visible:outline-green-600"
      data-testid="row-details-toggle"
    >
      <span aria-hidden="true">{open ? "▾" : "▸"}</span>
      {open ? "Hide" : "What it covers, who rules"}
      <span className="sr-only"> for {name}</span>
    </button>
  );
}

/** The card layout's disclosure: the button, then the details inside the card. */
export function MetaPoolCardDetails({ row }: { row: RowIdentity }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="space-y-3 border-t border-border pt-2">
      <DetailsToggle open={open} onToggle={() => setOpen(!open)} controls={id} name={row.name} />
      {open && <MetaPoolRowDetails row={row} id={id} />}
    </div>
  );
}

/**
 * The table layout's disclosure: the row (its first cell gets the button through `children`), then, when open, a
 * full-width row with the details.
 */
export function ExpandableTableRow({
  row,
  columns,
  className,
  children,
}: {
  row: RowIdentity;
  columns: number;
  className?: string;
  children: (toggle: ReactNode) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = <DetailsToggle open={open} onToggle={() => setOpen(!open)} controls={id} name={row.name} />;
  return (
    <>
      <tr className={className} data-testid="metapool-row">
        {children(toggle)}
      </tr>
      {open && (
        <tr className="border-b border-border bg-green-600/5">
          <td colSpan={columns} className="px-3 py-3">
            <MetaPoolRowDetails row={row} id={id} />
          </td>
        </tr>
      )}
    </>
  );
}
