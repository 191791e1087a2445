// The indexer test's random source: a seeded generator, so a failing run can be replayed with its seed.
/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** floor(x × a random fraction in [lo, hi]), at least 1 when x > 0. */
  const part = (x: bigint, lo = 0.05, hi = 1): bigint => {
    if (x === 0n) return 0n;
    const f = BigInt(Math.floor((lo + next() * (hi - lo)) * 1_000_000));
    const y = (x * f) / 1_000_000n;
    return y === 0n ? 1n : y > x ? x : y;
  };
  return { next, int, pick, part };
}
export type Rng = ReturnType<typeof rng>;
