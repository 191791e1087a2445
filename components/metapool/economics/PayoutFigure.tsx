import { TermLink } from "@/components/howItWorks/TermLink";
import { PAYOUT_LABEL, PAYOUT_MEANING, type PayoutKind } from "@/lib/economics";

/**
 * Every payout on screen, one way: the same label for the same concept (pool payout now, my share of
 * it, my share after my purchase) and the full amount, never abbreviated, so the figure reads the same
 * in Overview, the pool picker, the quote and "Your protection".
 */
export function PayoutFigure({
  kind,
  value,
  poolId,
  inline = false,
  explain = false,
}: {
  kind: PayoutKind;
  /** The formatted amount (the MetaPool's `fmt`, not compact). */
  value: string;
  poolId: number;
  /** One line ("Pool payout now 400,647.12 dUSD") inside other text, instead of a label over a value. */
  inline?: boolean;
  explain?: boolean;
}) {
  const label = <TermLink term="payout">{PAYOUT_LABEL[kind]}</TermLink>;
  const figure = (
    <span className="tabular-nums" data-testid={`payout-${kind}-${poolId}`}>
      {value}
    </span>
  );
  if (inline) {
    return (
      <span>
        {PAYOUT_LABEL[kind]} <strong className="font-semibold">{figure}</strong>
      </span>
    );
  }
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-semibold">{figure}</dd>
      {explain && <dd className="text-xs text-muted">{PAYOUT_MEANING}</dd>}
    </div>
  );
}
