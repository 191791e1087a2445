import { MAX_SYNC_ITEMS } from "./constants";
import { fail, ok, type Result } from "./errors";
import { max, min, mulDivDown, saturatingSub } from "./math";
import { chargePool } from "./poolLedger";
import { premiumSpeeds } from "./poolView";
import { accrueOwed } from "./premium";
import { cloneState, pendingClaimOn, poolAt, type ClosedEpoch, type MetaPoolState, type QueuedPurchase } from "./state";
import { totalActive } from "./utilisation";

/** A purchase turned into cover (or refunded, in part or whole, for lack of capital). */
export interface MaturedPurchase {
  purchaseId: bigint;
  poolId: number;
  /** When it matured: its effective maturity (maturesAt, or a restarted delay's end for a purchase frozen by a claim). */
  at: bigint;
  accepted: bigint;
  /** The unaccepted rest, now refundable. */
  refund: bigint;
  tokens: bigint;
  /** The epoch the tokens belong to. */
  epoch: bigint;
  openedEpoch: boolean;
}

export interface SyncOutcome {
  state: MetaPoolState;
  matured: MaturedPurchase[];
  lapsed: ClosedEpoch[];
  /** Premium taken from each pool's K during this sync. */
  charged: bigint[];
  /** Premium due beyond K, per pool, forgiven during this sync. */
  forgiven: bigint[];
  /** Queue entries processed (refunded ones included). */
  processed: number;
  /** Due entries left for a later poke. */
  remaining: number;
}

/**
 * When a queued purchase matures (SPEC §5, revision 4): max(maturesAt, freezeEndedAt + purchaseDelay).
 * A purchase frozen by a claim restarts its delay when the freeze ends, so cover bought around an
 * incident cannot mature between a rejected (perhaps sham) claim and the honest one that follows.
 * Buying is refused while a claim is pending, so every purchase queued when a freeze ends was
 * frozen by it and later ones are untouched; the result is monotone in maturesAt (the queue stays sorted).
 */
export function effectiveMaturity(state: MetaPoolState, entry: Pick<QueuedPurchase, "maturesAt">): bigint {
  return max(entry.maturesAt, state.freezeEndedAt + state.params.purchaseDelay);
}

/** Queue entries due at `now`; none while a claim is pending or after shutdown (frozen). */
export function dueCount(state: MetaPoolState, now: bigint): number {
  if (state.claims.length > 0 || state.isShutDown) return 0;
  let n = 0;
  while (n < state.queue.length && effectiveMaturity(state, state.queue[n]!) <= now) n++;
  return n;
}

/**
 * SPEC §6 sync, as every state-changing call runs it first: fix speeds, mature due purchases
 * in queue order (at most 16, else `SyncRequired(due − 16)`), then accrue to `now`.
 */
export function sync(state: MetaPoolState, now: bigint): Result<SyncOutcome> {
  const due = dueCount(state, now);
  if (due > MAX_SYNC_ITEMS) return fail({ name: "SyncRequired", remaining: due - MAX_SYNC_ITEMS });
  return ok(run(state, now, due));
}

/**
 * `poke(maxItems)`, 1 ≤ maxItems ≤ 16: processes up to `maxItems` due entries. A batch that leaves
 * entries due ends at the last processed maturity time; one that clears the backlog accrues to
 * `now` like sync. `remaining` in the outcome is what is still due.
 */
export function poke(state: MetaPoolState, now: bigint, maxItems: number): Result<SyncOutcome> {
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > MAX_SYNC_ITEMS)
    return fail({ name: "InvalidMaxItems", maxItems });
  return ok(run(state, now, Math.min(dueCount(state, now), maxItems)));
}

/** The state as views see it at `now`: every due purchase processed, no SyncRequired. */
export function projectTo(state: MetaPoolState, now: bigint): MetaPoolState {
  return run(state, now, dueCount(state, now)).state;
}

function run(state: MetaPoolState, now: bigint, items: number): SyncOutcome {
  if (now < state.lastSyncAt) throw new RangeError(`sync at ${now} before last sync ${state.lastSyncAt}`);
  const s = cloneState(state);
  const due = dueCount(s, now);
  const out: SyncOutcome = {
    state: s,
    matured: [],
    lapsed: [],
    charged: s.pools.map(() => 0n),
    forgiven: s.pools.map(() => 0n),
    processed: 0,
    remaining: due - items,
  };
  let speeds = premiumSpeeds(s);
  let lastProcessedAt = s.lastSyncAt;
  for (let k = 0; k < items; k++) {
    const entry = s.queue.shift()!;
    const at = max(effectiveMaturity(s, entry), s.lastSyncAt);
    lastProcessedAt = at;
    out.processed++;
    if (entry.refunded) continue;
    accrueAll(s, speeds, at, out);
    out.matured.push(mature(s, entry, at));
    speeds = premiumSpeeds(s);
  }
  accrueAll(s, speeds, out.remaining > 0 ? lastProcessedAt : now, out);
  return out;
}

/**
 * Accrues every pool from lastSyncAt to `to` at the fixed `speeds`. A pool with a pending claim
 * accrues but is not charged; a pool that lapses gets speed 0 for the rest of the sync.
 */
function accrueAll(s: MetaPoolState, speeds: bigint[], to: bigint, out: SyncOutcome): void {
  const dt = to - s.lastSyncAt;
  if (dt > 0n) {
    s.pools.forEach((pool, i) => {
      const speed = speeds[i]!;
      if (speed === 0n) return;
      pool.owedWad = accrueOwed(pool.owedWad, speed, dt);
      if (pendingClaimOn(s, i)) return;
      const charge = chargePool(s, i);
      out.charged[i]! += charge.amount;
      out.forgiven[i]! += charge.forgiven;
      if (charge.lapsed) {
        out.lapsed.push(charge.lapsed);
        speeds[i] = 0n;
      }
    });
  }
  s.lastSyncAt = to;
}

const MAX_UINT128 = (1n << 128n) - 1n;

/** Turns a due purchase into cover up to the free capital: min(amount, C − Σ K). */
function mature(s: MetaPoolState, entry: QueuedPurchase, at: bigint): MaturedPurchase {
  const pool = poolAt(s, entry.poolId);
  pool.pending -= entry.amount;
  let accepted = min(entry.amount, saturatingSub(s.capital, totalActive(s.pools)));
  // A pool without tokens has no open epoch (emptied epochs close), so this mint opens one.
  const opens = pool.supply === 0n;
  // Tokens round down; 1:1 when the epoch opens.
  let tokens = opens ? accepted : mulDivDown(accepted, pool.supply, pool.active);
  // Never take a deposit into cover for zero tokens, or for more than a uint128 supply holds: refund it instead.
  if (tokens === 0n || pool.supply + tokens > MAX_UINT128) {
    accepted = 0n;
    tokens = 0n;
  }
  const refund = entry.amount - accepted;
  s.refundsOwed += refund;
  if (accepted > 0n) {
    if (opens) {
      pool.epochOpenedAt = at;
      pool.owedWad = 0n;
      pool.charged = 0n;
    }
    pool.active += accepted;
    pool.supply += tokens;
  } else {
    tokens = 0n;
  }
  return {
    purchaseId: entry.id,
    poolId: entry.poolId,
    at,
    accepted,
    refund,
    tokens,
    epoch: pool.epoch,
    openedEpoch: opens && accepted > 0n,
  };
}
