import { formatAmount, type AmountOptions } from "./amount";

/**
 * An amount the user typed, echoed back: shown like every other amount in the app ("16,627.22
 * dUSD", rounded down), with the exact figure kept aside for the one place it matters (the line that
 * says what is sent or paid), so the echo never hides digits the transaction carries.
 */
export interface AmountEcho {
  /** As every amount is shown: 2 decimals from one unit up, rounded down. */
  text: string;
  /** Every decimal the amount has ("16,627.22395 dUSD"); undefined when `text` already shows them all. */
  exact?: string;
}

export function echoAmount(value: bigint, decimals: number, options: Pick<AmountOptions, "symbol"> = {}): AmountEcho {
  const text = formatAmount(value, decimals, options);
  const full = formatAmount(value, decimals, { ...options, maxDecimals: decimals });
  return full === text ? { text } : { text, exact: full };
}

/**
 * The echo in one phrase, for a line that states an amount rather than previews a transaction (a review of
 * parameters): "16,627.22 dUSD (exactly 16,627.22395 dUSD)", or just "400.00 dUSD" when nothing is hidden.
 */
export function echoInline(value: bigint, decimals: number, options: Pick<AmountOptions, "symbol"> = {}): string {
  const { text, exact } = echoAmount(value, decimals, options);
  return exact ? `${text} (exactly ${exact})` : text;
}
