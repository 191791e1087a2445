import { describe, expect, it } from "vitest";

import {
  ceilToMinute,
  checkBond,
  checkClaim,
  checkClaimPool,
  checkEvidence,
  checkIncidentTime,
  claimPoolOptions,
  coverStartOf,
  evidenceBytes,
  floorToMinute,
  MAX_EVIDENCE_BYTES,
  parseUtcDateTime,
  toUtcDateTimeInput,
  toUtcDateTimeText,
} from "./claim";

// 2025-11-25T13:05:42Z
const T = 1_764_075_942n;
const usd = { decimals: 6, symbol: "dUSD" };

describe("evidence", () => {
  it("mirrors the contract's 1 024-byte limit", () => {
    expect(MAX_EVIDENCE_BYTES).toBe(1024);
  });
  it("counts UTF-8 bytes as the contract does", () => {
    expect(evidenceBytes("abc")).toBe(3);
    expect(evidenceBytes("é")).toBe(2);
    expect(evidenceBytes("🔥")).toBe(4);
  });
  it("refuses blank evidence", () => {
    expect(checkEvidence("   \n")).toEqual({
      ok: false,
      error: "Describe the incident or paste a link to a public report.",
    });
  });
  it("trims what it sends", () => {
    expect(checkEvidence("  https://example.org/post-mortem \n")).toEqual({
      ok: true,
      value: "https://example.org/post-mortem",
    });
  });
  it("accepts exactly the limit and refuses one byte more", () => {
    expect(checkEvidence("a".repeat(1024))).toMatchObject({ ok: true });
    expect(checkEvidence("a".repeat(1025))).toEqual({
      ok: false,
      error: "Evidence is 1025 bytes; the contract accepts at most 1024. Shorten it or link to a longer report.",
    });
  });
  it("counts multi-byte characters against the limit", () => {
    expect(checkEvidence("é".repeat(513))).toMatchObject({ ok: false });
    expect(checkEvidence("é".repeat(512))).toMatchObject({ ok: true });
  });
});

describe("UTC date and time", () => {
  it("parses a datetime-local value as UTC", () => {
    expect(parseUtcDateTime("2025-11-25T13:05")).toBe(1_764_075_900n);
    expect(parseUtcDateTime("2025-11-25T13:05:42")).toBe(T);
  });
  it.each([
    "",
    "2025-11-25",
    "2025-13-01T00:00",
    "2025-02-31T10:00",
    "2025-11-25T24:00",
    "25/11/2025 13:05",
    "2025-11-25T13:60",
  ])("refuses %j", (text) => {
    expect(parseUtcDateTime(text)).toBeNull();
  });
  it("renders unix seconds as a UTC datetime-local value to the minute", () => {
    expect(toUtcDateTimeInput(T)).toBe("2025-11-25T13:05");
    expect(parseUtcDateTime(toUtcDateTimeInput(T))).toBe(floorToMinute(T));
  });
  it("writes and reads the form's 24-hour text, with a space or a T", () => {
    expect(toUtcDateTimeText(T)).toBe("2025-11-25 13:05");
    expect(parseUtcDateTime("2025-11-25 13:05")).toBe(1_764_075_900n);
  });
  it("rounds to whole minutes both ways", () => {
    expect(ceilToMinute(T)).toBe(1_764_075_960n);
    expect(ceilToMinute(1_764_075_900n)).toBe(1_764_075_900n);
    expect(floorToMinute(T)).toBe(1_764_075_900n);
  });
});

describe("checkIncidentTime", () => {
  const bounds = { epochOpenedAt: T - 3_600n, now: T };
  it("asks for a time when empty", () => {
    expect(checkIncidentTime(" ", bounds)).toEqual({ ok: false, error: "Enter when the incident happened (UTC)." });
  });
  it("refuses what is not a date and time", () => {
    expect(checkIncidentTime("yesterday", bounds)).toEqual({
      ok: false,
      error: "Enter a date and time, like 2025-11-25 13:05 (UTC).",
    });
  });
  it("refuses an incident before the epoch opened, naming the first pickable minute", () => {
    const r = checkIncidentTime("2025-11-25T12:05", bounds); // opened 12:05:42
    expect(r).toEqual({
      ok: false,
      error:
        "The incident must be at or after 25 Nov 2025, 12:06 UTC, when this pool's current cover began; earlier incidents are not covered by it.",
    });
  });
  it("accepts the opening second itself and now itself", () => {
    expect(checkIncidentTime("2025-11-25T12:05:42", bounds)).toEqual({ ok: true, value: T - 3_600n });
    expect(checkIncidentTime("2025-11-25T13:05:42", bounds)).toEqual({ ok: true, value: T });
  });
  it("starts at the account's own cover, not the epoch, when it is known", () => {
    const mine = { ...bounds, coverStart: T - 600n }; // cover began 12:55:42
    expect(checkIncidentTime("2025-11-25T12:30", mine)).toEqual({
      ok: false,
      error:
        "Your cover in this pool began at 25 Nov 2025, 12:56 UTC; an incident before then is not one your cover protects.",
    });
    expect(checkIncidentTime("2025-11-25T12:56", mine).ok).toBe(true);
  });
  it("refuses the future by the chain's clock", () => {
    expect(checkIncidentTime("2025-11-25T13:06", bounds)).toEqual({
      ok: false,
      error: "The incident cannot be in the future: the chain's time is 25 Nov 2025, 13:05 UTC.",
    });
  });
});

const pools = [
  { name: "Aave v3", epoch: 0, active: 100n, pendingClaimId: 0n },
  { name: "Curve", epoch: 2, active: 100n, pendingClaimId: 4n },
  { name: "Spark", epoch: 1, active: 0n, pendingClaimId: 0n },
  { name: "Morpho", epoch: 0, active: 50n, pendingClaimId: 0n },
];
const holdings = [
  { poolId: 0, epoch: 0, tokens: 10n, closed: false },
  { poolId: 1, epoch: 2, tokens: 5n, closed: false },
  { poolId: 1, epoch: 1, tokens: 9n, closed: true }, // an old epoch: no claim rights
  { poolId: 2, epoch: 1, tokens: 3n, closed: false },
  { poolId: 3, epoch: 0, tokens: 0n, closed: false },
];

describe("claimPoolOptions", () => {
  it("lists only pools where the account holds current-epoch cover, with what blocks each", () => {
    expect(claimPoolOptions(pools, holdings)).toEqual([
      { poolId: 0, name: "Aave v3", tokens: 10n },
      { poolId: 1, name: "Curve", tokens: 5n, blocked: "claim #4 on it is already pending" },
      { poolId: 2, name: "Spark", tokens: 3n, blocked: "it has no active cover left" },
    ]);
  });
  it("ignores closed-epoch tokens", () => {
    expect(claimPoolOptions(pools, [{ poolId: 0, epoch: 0, tokens: 10n, closed: true }])).toEqual([]);
  });
});

describe("checkClaimPool", () => {
  const options = claimPoolOptions(pools, holdings);
  it("says when there is nothing to claim on", () => {
    expect(checkClaimPool(null, [])).toMatchObject({ ok: false, error: expect.stringMatching(/^You hold no cover/) });
  });
  it("asks for a pool", () => {
    expect(checkClaimPool(null, options)).toEqual({ ok: false, error: "Choose the coverage pool the incident hit." });
  });
  it("refuses a pool without current cover", () => {
    expect(checkClaimPool(3, options)).toEqual({ ok: false, error: "You hold no current cover in that pool." });
  });
  it("refuses a blocked pool with its reason", () => {
    expect(checkClaimPool(1, options)).toEqual({
      ok: false,
      error: "You cannot file on Curve: claim #4 on it is already pending.",
    });
  });
  it("accepts an eligible pool", () => {
    expect(checkClaimPool(0, options)).toEqual({ ok: true, value: 0 });
  });
});

describe("checkBond", () => {
  it("refuses when the wallet holds less than the bond", () => {
    expect(checkBond(100_000_000n, 99_999_999n, usd)).toEqual({
      ok: false,
      error: "Filing takes a bond of 100.00 dUSD; your wallet holds 99.99 dUSD.",
    });
  });
  it("accepts exactly the bond, and skips the check while disconnected", () => {
    expect(checkBond(100_000_000n, 100_000_000n, usd)).toEqual({ ok: true, value: 100_000_000n });
    expect(checkBond(100_000_000n, undefined, usd)).toEqual({ ok: true, value: 100_000_000n });
  });
});

describe("checkClaim", () => {
  const rules = {
    shutDown: false,
    pools,
    epochOpenedAt: [T - 86_400n, T - 86_400n, T - 86_400n, T - 86_400n],
    holdings,
    now: T,
    bond: 100_000_000n,
    balance: 500_000_000n,
    asset: usd,
  };
  const input = { poolId: 0, incidentTime: "2025-11-25T10:00", evidence: " exploit tx 0xabc " };
  it("accepts a valid claim with every value ready to send", () => {
    expect(checkClaim(input, rules)).toEqual({
      ok: true,
      poolId: 0,
      incidentTime: 1_764_064_800n,
      evidence: "exploit tx 0xabc",
    });
  });
  it("refuses everything after shutdown", () => {
    expect(checkClaim(input, { ...rules, shutDown: true })).toEqual({
      ok: false,
      errors: { form: "This MetaPool is shut down: cover is no longer in force and no claim can be filed." },
    });
  });
  it("reports each wrong field next to it", () => {
    const r = checkClaim({ poolId: 0, incidentTime: "2025-11-26T00:00", evidence: "" }, { ...rules, balance: 0n });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(["bond", "evidence", "incidentTime"]);
  });
  it("checks the incident against the chosen pool's epoch opening", () => {
    const r = checkClaim({ ...input, incidentTime: "2025-11-24T13:00" }, rules);
    expect(!r.ok && r.errors.incidentTime).toMatch(/^The incident must be at or after 24 Nov 2025, 13:06 UTC/);
  });
  it("leaves the time unchecked until a pool is chosen", () => {
    const r = checkClaim({ ...input, poolId: null }, rules);
    expect(!r.ok && r.errors).toEqual({ pool: "Choose the coverage pool the incident hit." });
  });
});

describe("coverStartOf", () => {
  const me = "0x00000000000000000000000000000000000000aA";
  const opened = 1_000n;
  it("is the earliest maturity of a matured purchase the account received in the pool since the epoch opened", () => {
    const purchases = [
      { poolId: 0, maturesAt: 5_000n, receiver: me.toLowerCase(), matured: true },
      { poolId: 0, maturesAt: 3_000n, receiver: me, matured: true },
      { poolId: 0, maturesAt: 2_000n, receiver: me, matured: false }, // still pending: not cover
      { poolId: 1, maturesAt: 1_500n, receiver: me, matured: true }, // another pool
      { poolId: 0, maturesAt: 1_200n, receiver: "0x00000000000000000000000000000000000000bb", matured: true }, // someone else's
    ];
    expect(coverStartOf(purchases, 0, opened, me)).toBe(3_000n);
    // Matured before the epoch opened: cover of a closed epoch.
    expect(coverStartOf([{ poolId: 0, maturesAt: 500n, receiver: me, matured: true }], 0, opened, me)).toBeUndefined();
  });
  it("is unknown when the cover came by transfer", () => {
    expect(coverStartOf([], 0, opened, me)).toBeUndefined();
  });
});
