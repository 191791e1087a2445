import { formatAmount, formatPercentWad, formatRateApr } from "@/lib/format";
import type { PayoutExample } from "@/lib/howItWorks/payoutExample";

const W = 480;
const H = 262;
const X0 = 16;
const BAR_W = W - 2 * X0;
const BAR_H = 30;

const FILL = {
  A: "fill-amber-400",
  B: "fill-sky-400",
  C: "fill-violet-400",
  free: "fill-green-300",
} as const;

interface Segment {
  key: string;
  amount: bigint;
  fill: string;
  label: string;
}

/** Segments laid end to end, widths proportional to their amounts (bigint → SVG units). */
function layout(segments: readonly Segment[], start: number, scale: bigint) {
  let x = start;
  return segments.map((s) => {
    const width = (Number((s.amount * 1_000_000n) / scale) / 1_000_000) * BAR_W;
    const placed = { ...s, x, width };
    x += width;
    return placed;
  });
}

function Bar({ segments, y }: { segments: ReturnType<typeof layout>; y: number }) {
  return (
    <g>
      {segments.map((s) => (
        <g key={s.key}>
          <rect x={s.x} y={y} width={s.width} height={BAR_H} className={`${s.fill} stroke-surface`} strokeWidth={1.5} />
          <text x={s.x + s.width / 2} y={y + BAR_H / 2} dy="0.35em" textAnchor="middle" className="fill-gray-900">
            {s.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * SPEC §9 example 1 as a picture: one pot of capital backs three pools; a valid claim on A takes
 * A's backing and all the free capital; B and C stay exactly backed; A's holders get their
 * deposits back plus the payout. Every number comes from `payoutExample()`.
 */
export function PayoutPicture({ example }: { example: PayoutExample }) {
  const { decimals, symbol, capital, active, free, payout, capitalAfter, redeemable } = example;
  const amount = (x: bigint) => formatAmount(x, decimals, { symbol });
  const short = (x: bigint) => formatAmount(x, decimals);
  const [kA, kB, kC] = [active[0]!, active[1]!, active[2]!];

  // Before: A's backing and the free capital side by side, so the payout is one span.
  const before = layout(
    [
      { key: "A", amount: kA, fill: FILL.A, label: "A" },
      { key: "free", amount: free, fill: FILL.free, label: `free ${short(free)}` },
      { key: "B", amount: kB, fill: FILL.B, label: "B" },
      { key: "C", amount: kC, fill: FILL.C, label: "C" },
    ],
    X0,
    capital,
  );
  const payoutEnd = before[1]!.x + before[1]!.width;
  const after = layout(before.slice(2), payoutEnd, capital);
  const holders = layout(
    [
      { key: "deposits", amount: kA, fill: FILL.A, label: "A" },
      { key: "payout", amount: payout, fill: FILL.free, label: `payout ${short(payout)}` },
    ],
    X0,
    capital,
  );

  const title = `A valid claim on pool A pays ${amount(payout)}`;
  const desc =
    `Before the claim, ${amount(capital)} of capital backs pools A, B and C, each with ${amount(kA)} of cover, ` +
    `leaving ${amount(free)} free. A valid claim on A takes A's ${amount(kA)} of backing plus all ${amount(free)} of free capital: ` +
    `a payout of ${amount(payout)}. Capital falls to ${amount(capitalAfter)}, exactly the cover of B and C. ` +
    `A's cover holders redeem their ${amount(kA)} of deposits plus the payout: ${amount(redeemable)}.`;

  return (
    <figure className="space-y-3">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby="payout-picture-title payout-picture-desc"
        className="h-auto w-full text-[13px]"
      >
        <title id="payout-picture-title">{title}</title>
        <desc id="payout-picture-desc">{desc}</desc>

        <text x={X0} y={16} className="fill-foreground font-semibold">
          Before: capital {amount(capital)}
        </text>
        <Bar segments={before} y={24} />
        {/* The payout: A's backing plus the free capital. */}
        <path
          d={`M${X0},${24 + BAR_H + 6}v6H${payoutEnd}v-6`}
          fill="none"
          className="stroke-foreground"
          strokeWidth={1.5}
        />
        <text x={(X0 + payoutEnd) / 2} y={24 + BAR_H + 26} textAnchor="middle" className="fill-foreground">
          valid claim on A pays {short(kA)} + {short(free)} = {amount(payout)}
        </text>

        <text x={X0} y={122} className="fill-foreground font-semibold">
          After: capital {amount(capitalAfter)}, still backing B and C
        </text>
        <rect
          x={X0}
          y={130}
          width={payoutEnd - X0}
          height={BAR_H}
          fill="none"
          strokeDasharray="4 3"
          className="stroke-muted"
        />
        <text x={(X0 + payoutEnd) / 2} y={130 + BAR_H / 2} dy="0.35em" textAnchor="middle" className="fill-muted">
          paid out
        </text>
        <Bar segments={after} y={130} />

        <text x={X0} y={198} className="fill-foreground font-semibold">
          Pool A&apos;s cover holders redeem {amount(redeemable)}
        </text>
        <Bar segments={holders} y={206} />
        <text x={X0} y={206 + BAR_H + 16} className="fill-muted">
          their own deposits ({amount(kA)}) plus the payout
        </text>
      </svg>
      <figcaption className="text-sm text-muted">
        A worked example, computed with the protocol&apos;s own math: each pool uses{" "}
        {formatPercentWad(example.utilisation)} of the capital open to it and pays {formatRateApr(example.rate)} on its
        payout of {amount(payout)}, about {amount(example.yearlyPremium)} a year out of its {amount(kA)} of deposits.
      </figcaption>
    </figure>
  );
}
