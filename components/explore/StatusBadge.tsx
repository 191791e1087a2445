import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { STATUS_LABEL, type MetaPoolStatus } from "@/lib/explore";

const TONE: Record<MetaPoolStatus, BadgeTone> = { active: "good", claimPending: "warn", shutDown: "neutral" };

const MEANING: Record<MetaPoolStatus, string> = {
  active: "Taking deposits and selling cover",
  claimPending: "A claim is waiting for the arbiter: deposits, withdrawals and purchases are frozen until the ruling",
  shutDown: "Shut down: no cover in force, underwriters and seekers can take their money out",
};

/** A MetaPool's state in one word, with what it means on hover; an active one with no capacity left for a minimum purchase says "Full". */
export function StatusBadge({ status, full = false }: { status: MetaPoolStatus; full?: boolean }) {
  if (status === "active" && full) {
    return (
      <span title="Selling no more cover: free capital is below the minimum purchase until underwriters deposit or cover is withdrawn">
        <Badge tone="warn">Full</Badge>
      </span>
    );
  }
  return (
    <span title={MEANING[status]}>
      <Badge tone={TONE[status]}>{STATUS_LABEL[status]}</Badge>
    </span>
  );
}
