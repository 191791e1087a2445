/** Units and fixed limits of the protocol (SPEC §1, §4–§7). */

/** 1e18 = 100 %: rates and utilisation are WAD fractions. */
export const WAD = 10n ** 18n;
/** 10 000 basis points = 100 %: fees. */
export const BPS = 10_000n;

export const MINUTE = 60n;
export const HOUR = 3_600n;
export const DAY = 86_400n;
/** Rates are per year of 365 days. */
export const YEAR = 365n * DAY;

/** A sync processes at most this many due purchases before `SyncRequired`. */
export const MAX_SYNC_ITEMS = 16;
/** A coverage pool epoch (or a share epoch) closes below 1 / LAPSE_DENOMINATOR of its 1:1 value. */
export const LAPSE_DENOMINATOR = 10n ** 9n;
/** A withdrawal request stays open this long after max(unlockAt, last claim ruling). */
export const WITHDRAWAL_WINDOW = 7n * DAY;
/** After a claim has been pending this long, anyone may shut the MetaPool down. */
export const CLAIM_TIMEOUT = 30n * DAY;
export const MAX_POOLS = 16;
