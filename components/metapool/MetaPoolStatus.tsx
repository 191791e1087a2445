import { Badge, type BadgeTone } from "@/components/ui/Badge";
import type { MetaPoolView } from "@/lib/types/metaPool";

/** The one status a MetaPool is in: taking capital and selling cover, frozen by a claim, or shut down. */
export function metaPoolStatus(view: MetaPoolView): { label: string; tone: BadgeTone; detail: string } {
  if (view.shutDown) {
    return {
      label: "Shut down",
      tone: "bad",
      detail:
        "No deposits, purchases or claims; underwriters exit at the share price and seekers withdraw their deposits.",
    };
  }
  if (view.pendingClaims > 0n) {
    const more = view.pendingClaims > 1n ? ` (and ${view.pendingClaims - 1n} more)` : "";
    return {
      label: `Claim #${view.firstPendingClaimId} pending`,
      tone: "warn",
      detail: `Claim #${view.firstPendingClaimId}${more} awaits the arbiter's ruling: deposits, withdrawals and purchases wait until then.`,
    };
  }
  return { label: "Active", tone: "good", detail: "Taking capital and selling cover." };
}

export function MetaPoolStatusBadge({ view }: { view: MetaPoolView }) {
  const status = metaPoolStatus(view);
  return (
    <span data-testid="metapool-status">
      <Badge tone={status.tone}>{status.label}</Badge>
    </span>
  );
}
