"use client";

import { PositionAction } from "@/components/portfolio/PositionAction";
import { useRedeemPayout, useRefundPurchase, useWithdrawProtection } from "@/hooks/actions/protect";
import { useCompleteWithdrawal, useExit } from "@/hooks/actions/underwrite";
import type { WriteTarget } from "@/hooks/actions/write";
import type { MetaPoolPortfolio, ProtectionRow, RequestRow } from "@/lib/portfolio/summary";

/** The portfolio's one-click actions: each owns its hook, the row says what it pays. */
export function CompleteRequestAction({ target, r }: { target: WriteTarget; r: RequestRow }) {
  const flow = useCompleteWithdrawal(target, "row");
  return <PositionAction flow={flow} args={[r.id, r.shares, r.assets]} testId={`complete-request-${r.id}`} />;
}

export function RefundAction({ target, x, id }: { target: WriteTarget; x: ProtectionRow; id: bigint }) {
  const flow = useRefundPurchase(target, "row");
  return <PositionAction flow={flow} args={[id, x.poolName, x.claimableNow]} />;
}

export function RedeemAction({ target, x, epoch }: { target: WriteTarget; x: ProtectionRow; epoch: number }) {
  const flow = useRedeemPayout(target, "row");
  return <PositionAction flow={flow} args={[x.poolId, epoch, x.poolName, x.claimableNow]} />;
}

export function WithdrawCoverAction({ target, x }: { target: WriteTarget; x: ProtectionRow }) {
  const flow = useWithdrawProtection(target, "row");
  return <PositionAction flow={flow} args={[x.poolId, x.poolName, x.quantity, x.claimableNow, x.quantityUnit]} />;
}

/** After a shutdown: every share outside requests, redeemed at once for what it is worth. */
export function ExitAction({ target, m }: { target: WriteTarget; m: MetaPoolPortfolio }) {
  const flow = useExit(target);
  return <PositionAction flow={flow} args={[m.shares, m.exitNow]} testId={`exit-${m.metaPool}`} />;
}
