import { DAY, HOUR, WAD } from "@/lib/protocol/constants";

/** The bounds of contracts/src/lib/ParamsValidation.sol (SPEC §2) and the result type every check returns. */

// ParamsValidation.sol constants.
export const MAX_POOLS = 16;
export const MAX_NAME_BYTES = 64;
export const MAX_STATEMENT_BYTES = 4096;
export const MAX_DESCRIPTION_BYTES = 280;
export const MAX_TOTAL_FEE_BPS = 5000n;
export const MAX_CURVE_SUM = 10n * WAD;
export const MAX_PAYOUT_MULTIPLE = 10_000n;
export const MIN_DECIMALS = 6;
export const MAX_DECIMALS = 18;
export const MIN_WITHDRAWAL_PERIOD = HOUR;
export const MAX_WITHDRAWAL_PERIOD = 365n * DAY;
export const MIN_PURCHASE_DELAY = HOUR;
export const MAX_PURCHASE_DELAY = 30n * DAY;
export const MAX_UINT128 = (1n << 128n) - 1n;

export type Check<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Check<T> => ({ ok: true, value });
export const fail = <T>(error: string): Check<T> => ({ ok: false, error });

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
