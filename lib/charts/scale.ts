/** Axis maths shared by the charts: tick values in bigint, positions in SVG units. */

const STEPS = [1n, 2n, 5n, 10n] as const;

/**
 * Round tick values from 0 to at least `max` (about `count` steps of 1, 2 or 5 × 10^k), computed
 * in bigint so amounts of any size keep their exact values. Only [0] when nothing is above 0.
 */
export function niceTicks(max: bigint, count = 4): bigint[] {
  if (max <= 0n) return [0n];
  const raw = (max + BigInt(count) - 1n) / BigInt(count);
  let magnitude = 1n;
  while (magnitude * 10n <= raw) magnitude *= 10n;
  const step = STEPS.map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks = [0n];
  while (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

/** `value / top` of `length` (a pixel offset): the one place a bigint becomes a coordinate. */
export function scaleTo(value: bigint, top: bigint, length: number): number {
  if (top <= 0n) return 0;
  const clamped = value < 0n ? 0n : value > top ? top : value;
  return (Number((clamped * 1_000_000n) / top) / 1_000_000) * length;
}

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const TIME_STEPS = [
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
  91 * DAY,
  365 * DAY,
];

export interface TimeTick {
  t: number;
  label: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const two = (n: number) => String(n).padStart(2, "0");

/** Short UTC label of a tick: the day for day steps and at midnight, the time of day otherwise. */
function tickLabel(t: number, step: number): string {
  const d = new Date(t * 1000);
  if (step >= 365 * DAY) return String(d.getUTCFullYear());
  if (step >= DAY || t % DAY === 0) return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** At most `maxTicks` ticks on round UTC times within [t0, t1] (unix seconds). */
export function timeTicks(t0: number, t1: number, maxTicks = 5): TimeTick[] {
  const span = Math.max(t1 - t0, 1);
  const step =
    TIME_STEPS.find((s) => span / s <= maxTicks - 1) ?? Math.ceil(span / (maxTicks - 1) / (365 * DAY)) * 365 * DAY;
  const ticks: TimeTick[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) ticks.push({ t, label: tickLabel(t, step) });
  return ticks;
}

/** Stroke and swatch colours, legible on both themes; dashes tell series apart beyond colour. */
export const SERIES_STYLES = [
  { stroke: "stroke-green-600 dark:stroke-green-400", swatch: "bg-green-600 dark:bg-green-400", dash: undefined },
  { stroke: "stroke-sky-600 dark:stroke-sky-400", swatch: "bg-sky-600 dark:bg-sky-400", dash: "6 3" },
  { stroke: "stroke-amber-600 dark:stroke-amber-400", swatch: "bg-amber-600 dark:bg-amber-400", dash: "2 3" },
  { stroke: "stroke-violet-600 dark:stroke-violet-400", swatch: "bg-violet-600 dark:bg-violet-400", dash: "8 3 2 3" },
  { stroke: "stroke-rose-600 dark:stroke-rose-400", swatch: "bg-rose-600 dark:bg-rose-400", dash: undefined },
  { stroke: "stroke-teal-600 dark:stroke-teal-400", swatch: "bg-teal-600 dark:bg-teal-400", dash: "6 3" },
] as const;

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
