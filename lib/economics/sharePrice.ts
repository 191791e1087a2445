// Relative imports: the indexer's test holds the share price from its snapshots against this replay.
import { eventTime, type MetaPoolLog } from "../history/events";
import { DAY, WAD, YEAR } from "../protocol/constants";

/**
 * The share price over time, from the MetaPool's events, and the APY it realised over a window.
 *
 * A share is worth (C + 1) / (supply + 1) (OpenZeppelin's virtual share and asset, SPEC §4). C moves with
 * every sync (premium), claim ruling, deposit and withdrawal; the supply with deposits (absolute in the
 * event) and burns. A share-epoch close converts every share at C / supply, keeping its value: the price
 * series restarts there, and a realised figure never spans two share epochs.
 */
export interface SharePricePoint {
  /** Unix seconds. */
  t: number;
  capital: bigint;
  supply: bigint;
  shareEpoch: number;
}

const ZERO = "0x0000000000000000000000000000000000000000";

/** One point per event that moved C or the supply (several in one second keep the last). */
export function sharePriceHistory(logs: readonly MetaPoolLog[]): SharePricePoint[] {
  const out: SharePricePoint[] = [];
  let capital = 0n;
  let supply = 0n;
  let shareEpoch = 0;
  let now = 0;
  for (const log of logs) {
    switch (log.eventName) {
      case "Deposited":
        capital = log.args.capital;
        supply = log.args.shareSupply;
        break;
      case "Synced":
      case "WithdrawalCompleted":
      case "Exited":
      case "ClaimResolved":
        capital = log.args.capital;
        break;
      case "ShareEpochClosed":
        capital = log.args.capital;
        // The new epoch's supply is floor(supply × C / supply) = C.
        supply = log.args.capital;
        shareEpoch = Number(log.args.newEpoch);
        break;
      case "Transfer":
        // Burns (completed withdrawals, exits, cancelled requests' burned part) shrink the supply; mints are
        // counted by Deposited's absolute supply.
        if (log.args.to.toLowerCase() !== ZERO || log.args.from.toLowerCase() === ZERO) continue;
        supply = supply > log.args.value ? supply - log.args.value : 0n;
        break;
      default:
        continue;
    }
    now = Math.max(now, Number(eventTime(log)));
    const last = out.at(-1);
    const point = { t: now, capital, supply, shareEpoch };
    if (last && last.t === now) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}

export interface RealisedApy {
  /** Simple yearly rate, WAD (negative after a loss), rounded toward zero. */
  apy: bigint;
  /** Seconds the figure actually spans: shorter than asked when the MetaPool (or its share epoch) is younger. */
  seconds: number;
}

/** Shortest span worth annualising: below a day a single sync's rounding dominates. */
export const MIN_REALISED_SPAN = Number(DAY);

/**
 * The APY the shares realised from `now − days` to `now`: (price_now / price_then − 1) × YEAR / span, with
 * prices compared exactly ((C₁ + 1)(S₀ + 1) against (S₁ + 1)(C₀ + 1)). `current` is the view's C and supply
 * now (projected, so premium accrued since the last event counts). Null when less than a day of shares exists.
 */
export function realisedApy(
  history: readonly SharePricePoint[],
  current: SharePricePoint,
  days: number,
): RealisedApy | null {
  const from = current.t - days * Number(DAY);
  // The price at `from` is the last point at or before it; when the shares are younger than the window (or
  // their epoch restarted or emptied inside it), the first point after that.
  let start: SharePricePoint | undefined;
  for (const p of history) {
    if (p.t > current.t) break;
    if (p.shareEpoch !== current.shareEpoch || p.supply === 0n) {
      start = undefined;
      continue;
    }
    if (start === undefined || p.t <= from) start = p;
  }
  if (!start || current.supply === 0n) return null;
  const t0 = Math.max(start.t, from);
  const seconds = current.t - t0;
  if (seconds < MIN_REALISED_SPAN) return null;
  const then = (current.supply + 1n) * (start.capital + 1n);
  const gain = (current.capital + 1n) * (start.supply + 1n) - then;
  return { apy: (gain * WAD * YEAR) / (then * BigInt(seconds)), seconds };
}
