/**
 * The differential test's generator: one random action per step, weighted towards actions that can succeed (fees
 * owed, shares held, capacity, closed epochs to redeem), with claims filed while purchases wait and ruled on often.
 */
import { claimFeesAction, fileClaimAction, resolveClaimAction, shutdownAction } from "./actions/claims";
import type { Action, ActionContext } from "./actions/context";
import {
  buyProtectionAction,
  redeemPayoutAction,
  refundPurchaseAction,
  withdrawProtectionAction,
} from "./actions/protection";
import {
  cancelWithdrawalAction,
  completeWithdrawalAction,
  depositAction,
  exitAction,
  requestWithdrawalAction,
} from "./actions/underwriting";
import { coverHolders, owedTo } from "./model";

export function pickAction(ctx: ActionContext): Action {
  const { rng, model, actors } = ctx;
  const s = () => model.state;
  let choice = rng.int(100);
  // Revision 4's restart needs claims filed while purchases wait: file one now and then when some do.
  // Rulings come often enough that frozen purchases restart and later mature.
  if (
    s().claims.length === 0 &&
    s().queue.some((e) => !e.refunded) &&
    coverHolders(model, actors.seekers).length > 0 &&
    rng.int(5) === 0
  )
    choice = 66;
  else if (s().claims.length > 0 && rng.int(4) === 0) choice = 72;

  // Payouts of closed epochs are rare (valid rulings, lapses): redeem them often once they exist.
  const redeemFirst = s().closedEpochs.some((c) => c.supply > 0n) && rng.int(5) === 0;
  if (choice < 14 && !redeemFirst) return depositAction(ctx);
  if (!redeemFirst && choice < 24) return requestWithdrawalAction(ctx);
  const openRequests = [...model.requests].filter(([, r]) => r.request.shares > 0n);
  if (!redeemFirst && choice < 34 && openRequests.length > 0) return completeWithdrawalAction(ctx, openRequests);
  if (!redeemFirst && choice < 39 && openRequests.length > 0) return cancelWithdrawalAction(ctx, openRequests);
  if (!redeemFirst && choice < 56) return buyProtectionAction(ctx);
  const queued = s().queue.filter((e) => !e.refunded);
  if (!redeemFirst && choice >= 56 && choice < 60 && queued.length > 0 && (s().claims.length > 0 || rng.int(4) === 0))
    return refundPurchaseAction(ctx, queued);
  const holders = coverHolders(model, actors.seekers);
  if (!redeemFirst && choice < 66 && holders.length > 0) return withdrawProtectionAction(ctx, holders);
  if (!redeemFirst && choice < 72 && holders.length > 0) return fileClaimAction(ctx, holders);
  if (!redeemFirst && choice < 82 && s().claims.length > 0) return resolveClaimAction(ctx);
  const closed = s().closedEpochs.filter((c) => c.supply > 0n);
  if ((choice < 88 || redeemFirst) && closed.length > 0) return redeemPayoutAction(ctx, closed);
  if (choice < 93) {
    const owed = [actors.arbiter, actors.creator, ...actors.seekers].filter((a) => owedTo(model, actors, a) > 0n);
    // Nothing owed to anyone: mostly do something else (a NoFees revert is checked now and then).
    if (owed.length === 0 && rng.int(5) !== 0) return pickAction(ctx);
    return claimFeesAction(ctx, owed);
  }
  if (s().isShutDown) return exitAction(ctx);
  const byArbiter = s().claims.length === 0 || rng.int(2) === 0;
  // Shutdown ends a sequence's interesting life: keep it rare and late.
  if (rng.int(4) !== 0 || ctx.step < ctx.steps / 2) return pickAction(ctx);
  return shutdownAction(ctx, byArbiter);
}
