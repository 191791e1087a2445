import { useId } from "react";

import { niceTicks, scaleTo, seriesStyle, timeTicks } from "@/lib/charts/scale";
import { formatDateTime } from "@/lib/format";

export interface LineSeries {
  label: string;
  /** Sorted by time; each value holds until the next point (values change at events). */
  points: readonly { t: number /* unix s */; y: bigint }[];
}

export interface LineChartProps {
  title: string;
  series: readonly LineSeries[];
  /** Renders a y value with its unit ("1.2K USDC", "3.25 %"). */
  formatY: (y: bigint) => string;
  /** Unix seconds the last values are drawn up to (e.g. now); default the last point. */
  endTime?: number;
  /** Shown instead of the chart when no series has a point. */
  emptyText?: string;
}

const W = 480;
const H = 220;
const M = { top: 12, right: 14, bottom: 44, left: 84 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const HOUR = 3_600;

/** Step path of one series over [t0, t1]: flat until the next point, then a vertical jump. */
function stepPath(
  points: LineSeries["points"],
  x: (t: number) => number,
  y: (v: bigint) => number,
  t1: number,
): string {
  let d = "";
  points.forEach((p, i) => {
    d += i === 0 ? `M${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}` : `H${x(p.t).toFixed(1)}V${y(p.y).toFixed(1)}`;
  });
  return `${d}H${x(t1).toFixed(1)}`;
}

function summary(series: readonly LineSeries[], formatY: (y: bigint) => string): string {
  return series
    .filter((s) => s.points.length > 0)
    .map((s) => {
      const first = s.points[0]!;
      const last = s.points.at(-1)!;
      const max = s.points.reduce((m, p) => (p.y > m ? p.y : m), first.y);
      return `${s.label}: ${formatY(first.y)} on ${formatDateTime(first.t)}, ${formatY(last.y)} on ${formatDateTime(last.t)}, highest ${formatY(max)}.`;
    })
    .join(" ");
}

/**
 * Time series as step lines on one value axis, in plain SVG: scales with its container and is
 * described to screen readers by a text summary of every series.
 */
export function LineChart({
  title,
  series,
  formatY,
  endTime,
  emptyText = "Nothing to show yet: no event has changed these values.",
}: LineChartProps) {
  const id = useId();
  const all = series.flatMap((s) => s.points);

  if (all.length === 0) {
    return (
      <figure className="w-full">
        <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
        <p className="rounded-md border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
          {emptyText}
        </p>
      </figure>
    );
  }

  const t0 = Math.min(...all.map((p) => p.t));
  const lastPoint = Math.max(...all.map((p) => p.t));
  const t1 = Math.max(endTime ?? lastPoint, lastPoint, t0 + HOUR);
  const yTicks = niceTicks(all.reduce((m, p) => (p.y > m ? p.y : m), 0n));
  const top = yTicks.at(-1)! > 0n ? yTicks.at(-1)! : 1n;
  const x = (t: number) => M.left + ((t - t0) / (t1 - t0)) * PLOT_W;
  const y = (v: bigint) => M.top + PLOT_H - scaleTo(v, top, PLOT_H);

  return (
    <figure className="w-full">
      <figcaption className="mb-2 text-sm font-medium" aria-hidden="true">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full overflow-visible text-[13px]"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary(series, formatY)}</desc>

        {yTicks.map((v) => (
          <g key={v.toString()}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="stroke-border" strokeWidth={1} />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="fill-muted">
              {formatY(v)}
            </text>
          </g>
        ))}

        {timeTicks(t0, t1).map((tick) => (
          <g key={tick.t}>
            <line x1={x(tick.t)} x2={x(tick.t)} y1={M.top + PLOT_H} y2={M.top + PLOT_H + 4} className="stroke-muted" />
            <text x={x(tick.t)} y={M.top + PLOT_H + 18} textAnchor="middle" className="fill-muted">
              {tick.label}
            </text>
          </g>
        ))}
        <text x={M.left + PLOT_W / 2} y={H - 4} textAnchor="middle" className="fill-muted">
          Date (UTC)
        </text>

        {series.map((s, i) =>
          s.points.length === 0 ? null : (
            <path
              key={s.label}
              d={stepPath(s.points, x, y, t1)}
              fill="none"
              strokeWidth={2}
              strokeDasharray={seriesStyle(i).dash}
              strokeLinejoin="round"
              className={seriesStyle(i).stroke}
            />
          ),
        )}
      </svg>

      {series.length > 1 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden="true">
          {series.map((s, i) => (
            <li key={s.label} className="flex items-center gap-1.5">
              <span className={`inline-block h-0.5 w-4 ${seriesStyle(i).swatch}`} />
              {s.label}
              {s.points.length > 0 && <span className="text-foreground">{formatY(s.points.at(-1)!.y)}</span>}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

export default LineChart;
