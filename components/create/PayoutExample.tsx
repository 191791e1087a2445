import { formatAmount } from "@/lib/format";
import { payout } from "@/lib/protocol";

/**
 * Capped against uncapped in numbers, so the choice means something: 1 000 of cover in a pool with
 * 20 000 of free capital, then after underwriters add 80 000. Premium is charged on the payout, so
 * an uncapped seeker's premium grows with every deposit anyone makes.
 */
export function PayoutExample({
  multiple,
  decimals,
  symbol,
}: {
  /** The multiple entered (0 = uncapped); the comparison uses 3× when uncapped is chosen. */
  multiple: bigint;
  decimals: number;
  symbol: string;
}) {
  const one = 10n ** BigInt(decimals);
  const cover = 1_000n * one;
  const free = 20_000n * one;
  const more = 80_000n * one;
  const cap = multiple === 0n ? 3n : multiple;
  const capped = payout(cover, free, cap);
  const uncapped = payout(cover, free, 0n);
  const cappedLater = payout(cover, free + more, cap);
  const uncappedLater = payout(cover, free + more, 0n);
  const fmt = (v: bigint) => formatAmount(v, decimals, { symbol, maxDecimals: 0 });
  const times = (a: bigint, b: bigint) => `${(Number((a * 10n) / b) / 10).toLocaleString("en-US")}×`;
  return (
    <div className="space-y-2 rounded-md bg-background p-3 text-sm" data-testid="create-payout-example">
      <p>
        Example: {fmt(cover)} of cover in a pool, {fmt(free)} of free capital. Premium is charged on the payout.
      </p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <span className="font-medium">Capped at {cap.toString()}×</span>: a valid claim pays{" "}
          <span className="font-semibold">{fmt(capped)}</span>; the seekers&apos; premium is charged on {fmt(capped)},
          and stays so when underwriters add {fmt(more)} ({fmt(cappedLater)}).
        </li>
        <li>
          <span className="font-medium">Uncapped</span>: a valid claim pays{" "}
          <span className="font-semibold">{fmt(uncapped)}</span>, so the same seekers pay {times(uncapped, capped)} the
          premium. If underwriters add {fmt(more)}, payout and premium grow to {fmt(uncappedLater)} (
          {times(uncappedLater, capped)}) without the seekers doing anything: they scale with all free capital.
        </li>
      </ul>
    </div>
  );
}
