/** Formatting for the app: every amount, rate, duration, date, address and token symbol goes through here. */
export { formatAmount, type AmountOptions } from "./amount";
export { formatBps, formatPercentWad, formatRateApr } from "./percent";
export { formatCountdown, formatDuration } from "./duration";
export { formatDateTime } from "./dateTime";
export { parseAmount, type ParseAmountError, type ParseAmountResult } from "./parseAmount";
export type { Rounding } from "./decimal";
export { sameAddress, shortAddress } from "./address";
export { coverTokenSymbol } from "./symbol";
export { echoAmount, echoInline, type AmountEcho } from "./echo";
