/** Seekers' actions: buy protection, take back a frozen purchase, withdraw cover, redeem a closed epoch's payout. */
import {
  buyProtection,
  effectiveMaturity,
  projectTo,
  purchaseCapacity,
  redeemPayout,
  refundFrozenPurchase,
  withdrawProtection,
  type MetaPoolState,
  type Result,
} from "../../index";
import { addCover, coverOf, ONE, POOLS, type coverHolders } from "../model";
import type { Action, ActionContext } from "./context";

export function buyProtectionAction({ rng, model, now, actors, send, pick }: ActionContext): Action {
  const who = pick(actors.seekers);
  const poolId = rng.int(POOLS);
  const capacity = purchaseCapacity(projectTo(model.state, now));
  const roll = rng.int(10);
  const amount =
    roll === 0
      ? rng.between(1n, 2n * ONE)
      : roll < 3 || capacity < ONE
        ? rng.between(ONE, (capacity * 6n) / 5n + 2n * ONE)
        : rng.between(ONE, capacity);
  return {
    name: "buyProtection",
    describe: `pool ${poolId} ${amount} (capacity ${capacity}) for ${who}`,
    send: () => send(who, "buyProtection", [BigInt(poolId), amount, who]),
    mirror: () => buyProtection(model.state, poolId, amount, now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; purchase: { id: bigint; maturesAt: bigint } };
      model.state = r.state;
      model.purchaseReceiver.set(r.purchase.id, who);
      model.boughtMaturesAt.set(r.purchase.id, r.purchase.maturesAt);
      return r.purchase.id;
    },
  };
}

/** A buyer takes back a purchase frozen by a pending claim; due by its effective (possibly restarted) maturity. */
export function refundPurchaseAction(
  { model, now, send, pick }: ActionContext,
  queued: MetaPoolState["queue"],
): Action {
  const entry = pick(queued);
  const buyer = model.purchaseReceiver.get(entry.id)!;
  return {
    name: "refundPurchase",
    describe: `#${entry.id} (bought to mature ${entry.maturesAt}, effective ${effectiveMaturity(model.state, entry)}) by ${buyer}`,
    send: () => send(buyer, "refundPurchase", [entry.id]),
    mirror: () => refundFrozenPurchase(model.state, entry.id, now),
    commit: (v) => {
      const r = v as { state: MetaPoolState; amount: bigint };
      model.state = r.state;
      return r.amount;
    },
    label: () => "refundPurchase(frozen)",
  };
}

export function withdrawProtectionAction(
  { model, now, send, pick, fraction }: ActionContext,
  holders: ReturnType<typeof coverHolders>,
): Action {
  const { poolId, holder, tokens } = pick(holders);
  const amount = fraction(tokens);
  return {
    name: "withdrawProtection",
    describe: `pool ${poolId} ${amount} of ${tokens} by ${holder}`,
    send: () => send(holder, "withdrawProtection", [BigInt(poolId), amount, holder]),
    mirror: () =>
      withdrawProtection(
        model.state,
        poolId,
        amount,
        coverOf(model, poolId, model.state.pools[poolId]!.epoch, holder),
        now,
      ),
    commit: (v) => {
      const r = v as { state: MetaPoolState; assets: bigint };
      const epoch = model.state.pools[poolId]!.epoch;
      addCover(model, poolId, epoch, holder, -amount);
      model.state = r.state;
      return r.assets;
    },
  };
}

export function redeemPayoutAction(
  { rng, model, actors, send, pick }: ActionContext,
  closed: MetaPoolState["closedEpochs"],
): Action {
  const c = pick(closed);
  const holding = actors.seekers.filter((h) => coverOf(model, c.poolId, c.epoch, h) > 0n);
  const holder = holding.length > 0 && rng.int(8) !== 0 ? pick(holding) : pick(actors.seekers);
  return {
    name: "redeemPayout",
    describe: `pool ${c.poolId} epoch ${c.epoch} by ${holder}`,
    send: () => send(holder, "redeemPayout", [BigInt(c.poolId), c.epoch, holder]),
    mirror: () => {
      const tokens = coverOf(model, c.poolId, c.epoch, holder);
      if (tokens === 0n) return { ok: false, error: { name: "NothingToRedeem" } } as unknown as Result<unknown>;
      return { ok: true, value: { tokens, ...redeemPayout(c, tokens) } };
    },
    commit: (v) => {
      const r = v as { tokens: bigint; assets: bigint; closed: typeof c };
      model.state = {
        ...model.state,
        closedEpochs: model.state.closedEpochs.map((x) =>
          x.poolId === c.poolId && x.epoch === c.epoch ? r.closed : x,
        ),
      };
      addCover(model, c.poolId, c.epoch, holder, -r.tokens);
      return r.assets;
    },
  };
}
