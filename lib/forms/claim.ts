import { formatAmount, formatDateTime } from "@/lib/format";

export { evidenceMatches } from "../arbiter/evidence";

/** Longest evidence `fileClaim` accepts, in UTF-8 bytes (Claims.sol `MAX_EVIDENCE`; longer reverts `EvidenceTooLong`). */
export const MAX_EVIDENCE_BYTES = 1024;

const encoder = new TextEncoder();

/** Length as the contract counts it: `bytes(evidence).length`, UTF-8 bytes (an emoji is 4). */
export function evidenceBytes(text: string): number {
  return encoder.encode(text).length;
}

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };

/** Evidence text or link: not blank, at most MAX_EVIDENCE_BYTES bytes once trimmed (what is sent). */
export function checkEvidence(text: string): Check<string> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: "Describe the incident or paste a link to a public report." };
  const bytes = evidenceBytes(trimmed);
  if (bytes > MAX_EVIDENCE_BYTES) {
    return {
      ok: false,
      error: `Evidence is ${bytes} bytes; the contract accepts at most ${MAX_EVIDENCE_BYTES}. Shorten it or link to a longer report.`,
    };
  }
  return { ok: true, value: trimmed };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\s*(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A date and time read as UTC ("2025-11-25 13:05", "2025-11-25T13:05", or with seconds) in unix seconds, or
 * null when it is not a real date and time (month 13, 31 February…).
 */
export function parseUtcDateTime(text: string): bigint | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second = 0] = m
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  const ms = Date.UTC(year!, month! - 1, day!, hour!, minute!, second);
  const d = new Date(ms);
  const real =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month! - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return real ? BigInt(ms / 1000) : null;
}

const two = (n: number) => String(n).padStart(2, "0");

/** Unix seconds as a `datetime-local` value in UTC, to the minute ("2025-11-25T13:05"). */
export function toUtcDateTimeInput(unixSeconds: bigint): string {
  const d = new Date(Number(unixSeconds) * 1000);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** Unix seconds as the claim form writes them, in UTC, to the minute, 24-hour ("2025-11-25 13:05"). */
export function toUtcDateTimeText(unixSeconds: bigint): string {
  return toUtcDateTimeInput(unixSeconds).replace("T", " ");
}

/** The first whole minute at or after `unixSeconds`: the earliest value a minute-precision picker can offer. */
export function ceilToMinute(unixSeconds: bigint): bigint {
  return ((unixSeconds + 59n) / 60n) * 60n;
}

/** The whole minute at or before `unixSeconds`. */
export function floorToMinute(unixSeconds: bigint): bigint {
  return (unixSeconds / 60n) * 60n;
}

/**
 * Incident time (UTC): a real date and time, at or after the current cover epoch opened (earlier
 * incidents are not this epoch's to claim: `IncidentBeforeEpoch`) and not after the chain's now
 * (`IncidentInFuture`). Bounds are named at minute precision, as the picker shows them.
 */
export function checkIncidentTime(
  text: string,
  bounds: { epochOpenedAt: bigint; now: bigint; coverStart?: bigint },
): Check<bigint> {
  if (text.trim() === "") return { ok: false, error: "Enter when the incident happened (UTC)." };
  const value = parseUtcDateTime(text);
  if (value === null) return { ok: false, error: "Enter a date and time, like 2025-11-25 13:05 (UTC)." };
  if (value < bounds.epochOpenedAt) {
    return {
      ok: false,
      error: `The incident must be at or after ${formatDateTime(ceilToMinute(bounds.epochOpenedAt))}, when this pool's current cover began; earlier incidents are not covered by it.`,
    };
  }
  if (bounds.coverStart !== undefined && value < bounds.coverStart) {
    return {
      ok: false,
      error: `Your cover in this pool began at ${formatDateTime(ceilToMinute(bounds.coverStart))}; an incident before then is not one your cover protects.`,
    };
  }
  if (value > bounds.now) {
    return {
      ok: false,
      error: `The incident cannot be in the future: the chain's time is ${formatDateTime(floorToMinute(bounds.now))}.`,
    };
  }
  return { ok: true, value };
}

/** A purchase of the account as the claim form needs it: where its cover went and when it began. */
export interface CoverPurchase {
  poolId: number;
  maturesAt: bigint;
  receiver: string;
  /** Only matured purchases are cover. */
  matured: boolean;
}

/**
 * When the account's own cover in a pool's current epoch began: the earliest maturity of a purchase
 * it received there since the epoch opened. Undefined when its cover came some other way
 * (tokens sent to it): then only the epoch bounds the incident time.
 */
export function coverStartOf(
  purchases: readonly CoverPurchase[],
  poolId: number,
  epochOpenedAt: bigint,
  account: string,
): bigint | undefined {
  let start: bigint | undefined;
  for (const p of purchases) {
    if (!p.matured || p.poolId !== poolId || p.receiver.toLowerCase() !== account.toLowerCase()) continue;
    // Matured before the epoch opened: that cover belonged to an epoch a claim or a lapse closed.
    if (p.maturesAt < epochOpenedAt) continue;
    if (start === undefined || p.maturesAt < start) start = p.maturesAt;
  }
  return start;
}

/** One coverage pool as the claim form sees it. */
export interface ClaimPoolFacts {
  name: string;
  /** Current epoch number. */
  epoch: number;
  /** K_i: active cover; a claim needs K_i > 0 (`NoActiveCover`). */
  active: bigint;
  /** 0 when no claim on the pool is pending (`PoolClaimPending`). */
  pendingClaimId: bigint;
}

/** One cover holding of the account (see `AccountPosition.cover`). */
export interface ClaimHolding {
  poolId: number;
  epoch: number;
  tokens: bigint;
  closed: boolean;
}

export interface ClaimPoolOption {
  poolId: number;
  name: string;
  tokens: bigint;
  /** Why a claim on this pool cannot be filed now; absent when it can. */
  blocked?: string;
}

/**
 * The pools a claim could name: only those where the account holds cover tokens of the current
 * epoch (`NotCoverHolder` otherwise), each with the reason it is blocked, if it is.
 */
export function claimPoolOptions(
  pools: readonly ClaimPoolFacts[],
  holdings: readonly ClaimHolding[],
): ClaimPoolOption[] {
  const options: ClaimPoolOption[] = [];
  pools.forEach((pool, poolId) => {
    const tokens = holdings
      .filter((h) => h.poolId === poolId && !h.closed && h.epoch === pool.epoch)
      .reduce((sum, h) => sum + h.tokens, 0n);
    if (tokens === 0n) return;
    let blocked: string | undefined;
    if (pool.pendingClaimId !== 0n) blocked = `claim #${pool.pendingClaimId} on it is already pending`;
    else if (pool.active === 0n) blocked = "it has no active cover left";
    options.push({ poolId, name: pool.name, tokens, ...(blocked ? { blocked } : {}) });
  });
  return options;
}

/** The chosen pool: one of the options, not blocked. */
export function checkClaimPool(poolId: number | null, options: readonly ClaimPoolOption[]): Check<number> {
  if (options.length === 0)
    return {
      ok: false,
      error: "You hold no cover in this MetaPool's current epochs, so there is nothing to claim on.",
    };
  if (poolId === null) return { ok: false, error: "Choose the coverage pool the incident hit." };
  const option = options.find((o) => o.poolId === poolId);
  if (!option) return { ok: false, error: "You hold no current cover in that pool." };
  if (option.blocked) return { ok: false, error: `You cannot file on ${option.name}: ${option.blocked}.` };
  return { ok: true, value: poolId };
}

/** The bond `fileClaim` takes from the wallet (`config.claimBond`). Undefined balance: disconnected, not checked. */
export function checkBond(
  bond: bigint,
  balance: bigint | undefined,
  asset: { decimals: number; symbol: string },
): Check<bigint> {
  if (balance !== undefined && balance < bond) {
    const fmt = (v: bigint) => formatAmount(v, asset.decimals, { symbol: asset.symbol });
    return { ok: false, error: `Filing takes a bond of ${fmt(bond)}; your wallet holds ${fmt(balance)}.` };
  }
  return { ok: true, value: bond };
}

export interface ClaimInput {
  poolId: number | null;
  incidentTime: string;
  evidence: string;
}

export interface ClaimRules {
  shutDown: boolean;
  pools: readonly ClaimPoolFacts[];
  /** When each pool's current epoch opened (unix seconds), by poolId. */
  epochOpenedAt: readonly bigint[];
  /** When the account's own cover began, by poolId (see `coverStartOf`); undefined where unknown. */
  coverStart?: readonly (bigint | undefined)[];
  holdings: readonly ClaimHolding[];
  /** The chain's clock. */
  now: bigint;
  bond: bigint;
  balance?: bigint;
  asset: { decimals: number; symbol: string };
}

export type ClaimErrors = Partial<Record<"form" | "pool" | "incidentTime" | "evidence" | "bond", string>>;

export type ClaimCheck =
  | { ok: true; poolId: number; incidentTime: bigint; evidence: string }
  | { ok: false; errors: ClaimErrors };

/** Every rule `fileClaim(poolId, incidentTime, evidence)` enforces, each reported next to its field. */
export function checkClaim(input: ClaimInput, rules: ClaimRules): ClaimCheck {
  if (rules.shutDown)
    return {
      ok: false,
      errors: { form: "This MetaPool is shut down: cover is no longer in force and no claim can be filed." },
    };
  const errors: ClaimErrors = {};
  const pool = checkClaimPool(input.poolId, claimPoolOptions(rules.pools, rules.holdings));
  if (!pool.ok) errors.pool = pool.error;
  let incidentTime: bigint | undefined;
  if (pool.ok) {
    const time = checkIncidentTime(input.incidentTime, {
      epochOpenedAt: rules.epochOpenedAt[pool.value] ?? 0n,
      now: rules.now,
      coverStart: rules.coverStart?.[pool.value],
    });
    if (time.ok) incidentTime = time.value;
    else errors.incidentTime = time.error;
  }
  const evidence = checkEvidence(input.evidence);
  if (!evidence.ok) errors.evidence = evidence.error;
  const bond = checkBond(rules.bond, rules.balance, rules.asset);
  if (!bond.ok) errors.bond = bond.error;
  if (pool.ok && incidentTime !== undefined && evidence.ok && bond.ok) {
    return { ok: true, poolId: pool.value, incidentTime, evidence: evidence.value };
  }
  return { ok: false, errors };
}
