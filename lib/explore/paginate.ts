export const PAGE_SIZE = 10;

export interface Page<T> {
  items: T[];
  /** 1-based page actually shown: the requested one clamped to 1..pageCount. */
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions of the first and last item shown (0 and 0 when empty). */
  from: number;
  to: number;
}

export function paginate<T>(items: readonly T[], requested: number, size = PAGE_SIZE): Page<T> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = items.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Number.isInteger(requested) ? Math.min(Math.max(1, requested), pageCount) : 1;
  const start = (page - 1) * size;
  const shown = items.slice(start, start + size);
  return { items: shown, page, pageCount, total, from: total === 0 ? 0 : start + 1, to: start + shown.length };
}

/**
 * The page numbers to offer around the current one, with `null` for a gap: 1 … 4 5 6 … 12. Always the first and
 * the last page, the current one and `around` on each side.
 */
export function pageNumbers(page: number, pageCount: number, around = 1): (number | null)[] {
  const wanted = new Set<number>([1, pageCount]);
  for (let p = page - around; p <= page + around; p++) if (p >= 1 && p <= pageCount) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const prev = out.at(-1);
    if (typeof prev === "number" && p - prev === 2) out.push(p - 1);
    else if (typeof prev === "number" && p - prev > 2) out.push(null);
    out.push(p);
  }
  return out;
}
