import { memo, useId } from "react";

import { niceTicks, scaleTo } from "@/lib/charts/scale";
import { formatPercentWad, formatRateApr } from "@/lib/format";
import type { FundingCurve } from "@/lib/protocol";

export interface CurvePoint {
  label: string;
  /** WAD. */
  utilisation: bigint;
  /** WAD per year. */
  rate: bigint;
}

export interface FundingCurveChartProps {
  /** WAD per year; 0 < kink < 1e18. */
  curve: FundingCurve;
  /** Each pool's current place on the curve. */
  points?: readonly CurvePoint[];
  /** Height in SVG units (width 480); default 220. */
  height?: number;
}

const WAD = 10n ** 18n;
const W = 480;
const M = { top: 16, right: 18, bottom: 44, left: 64 };
const UTIL_TICKS = [0n, WAD / 4n, WAD / 2n, (3n * WAD) / 4n, WAD];

function describe(curve: FundingCurve, points: readonly CurvePoint[]): string {
  const { baseRate, slope1, kink, slope2 } = curve;
  const text = `The rate starts at ${formatRateApr(baseRate)} with nothing used, rises to ${formatRateApr(baseRate + slope1)} at the kink of ${formatPercentWad(kink)} utilisation, then more steeply to ${formatRateApr(baseRate + slope1 + slope2)} at 100 %.`;
  const where = points.map(
    (p) => `${p.label}: ${formatPercentWad(p.utilisation)} utilisation, ${formatRateApr(p.rate)}.`,
  );
  return [text, ...where].join(" ");
}

/**
 * The kinked funding curve (SPEC §6): yearly rate against utilisation, the kink marked and each
 * pool's current point labelled. Three straight segments, so it redraws cheaply while a form edits
 * the curve.
 */
function FundingCurveChartView({ curve, points = [], height = 220 }: FundingCurveChartProps) {
  const id = useId();
  const plotW = W - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const { baseRate, slope1, kink, slope2 } = curve;
  const maxRate = points.reduce((m, p) => (p.rate > m ? p.rate : m), baseRate + slope1 + slope2);
  // Rates are WAD; ticks on whole percent steps keep labels short.
  const rateTicks = niceTicks(maxRate > 0n ? maxRate : WAD / 100n);
  const top = rateTicks.at(-1)!;
  const x = (u: bigint) => M.left + scaleTo(u, WAD, plotW);
  const y = (r: bigint) => M.top + plotH - scaleTo(r, top, plotH);
  const line = [
    [0n, baseRate],
    [kink, baseRate + slope1],
    [WAD, baseRate + slope1 + slope2],
  ] as const;

  return (
    <svg
      viewBox={`0 0 ${W} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full overflow-visible text-[13px]"
    >
      <title id={`${id}-title`}>Funding rate against utilisation</title>
      <desc id={`${id}-desc`}>{describe(curve, points)}</desc>

      {rateTicks.map((r) => (
        <g key={r.toString()}>
          <line x1={M.left} x2={W - M.right} y1={y(r)} y2={y(r)} className="stroke-border" />
          <text x={M.left - 6} y={y(r)} dy="0.32em" textAnchor="end" className="fill-muted">
            {formatPercentWad(r, 1)}
          </text>
        </g>
      ))}
      {UTIL_TICKS.map((u) => (
        <text key={u.toString()} x={x(u)} y={M.top + plotH + 18} textAnchor="middle" className="fill-muted">
          {formatPercentWad(u, 0)}
        </text>
      ))}
      <text x={M.left + plotW / 2} y={height - 4} textAnchor="middle" className="fill-muted">
        Utilisation (%)
      </text>
      <text transform={`translate(12 ${M.top + plotH / 2}) rotate(-90)`} textAnchor="middle" className="fill-muted">
        Funding rate (% APR)
      </text>

      <line x1={x(kink)} x2={x(kink)} y1={M.top} y2={M.top + plotH} strokeDasharray="4 3" className="stroke-muted" />
      <text x={x(kink)} y={M.top - 4} textAnchor="middle" className="fill-muted">
        kink {formatPercentWad(kink)}
      </text>

      <polyline
        points={line.map(([u, r]) => `${x(u).toFixed(1)},${y(r).toFixed(1)}`).join(" ")}
        fill="none"
        strokeWidth={2.5}
        strokeLinejoin="round"
        className="stroke-green-600 dark:stroke-green-400"
      />

      {points.map((p, i) => {
        const px = x(p.utilisation);
        const py = y(p.rate);
        // Labels near the right edge grow leftwards; neighbours step upwards so they overlap less.
        const end = px > M.left + plotW * 0.7;
        return (
          <g key={`${p.label}-${i}`}>
            <circle cx={px} cy={py} r={4} className="fill-sky-600 stroke-surface dark:fill-sky-400" strokeWidth={1.5} />
            <text
              x={px + (end ? -7 : 7)}
              y={py - 7 - (i % 3) * 14}
              textAnchor={end ? "end" : "start"}
              className="fill-foreground"
            >
              {p.label} {formatPercentWad(p.rate, 2)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function samePoints(a: readonly CurvePoint[] = [], b: readonly CurvePoint[] = []): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.label === b[i]!.label && p.utilisation === b[i]!.utilisation && p.rate === b[i]!.rate)
  );
}

/** Skips the redraw when a form re-renders with equal numbers in new objects. */
export const FundingCurveChart = memo(
  FundingCurveChartView,
  (prev, next) =>
    prev.height === next.height &&
    prev.curve.baseRate === next.curve.baseRate &&
    prev.curve.slope1 === next.curve.slope1 &&
    prev.curve.kink === next.curve.kink &&
    prev.curve.slope2 === next.curve.slope2 &&
    samePoints(prev.points, next.points),
);

export default FundingCurveChart;
