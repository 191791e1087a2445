import { describe, expect, it } from "vitest";

import { DAY } from "@/lib/protocol";

import {
  approvalConsequence,
  checkRuling,
  checkShutdown,
  checkTypedName,
  claimTimeoutAt,
  countHolders,
  isClaimOverdue,
  rejectionConsequence,
  type RulingInputs,
} from "./arbiter";

const ARBITER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc" as const;
const OTHER = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC" as const;
const ZERO = "0x0000000000000000000000000000000000000000" as const;
const E18 = 10n ** 18n;

describe("checkRuling", () => {
  const base = { account: ARBITER, arbiter: ARBITER, shutDown: false, claimId: 3n, firstPendingClaimId: 3n };

  it("lets the arbiter rule the first pending claim", () => {
    expect(checkRuling(base)).toEqual({ ok: true });
  });
  it("matches the arbiter whatever the address's letter case", () => {
    expect(checkRuling({ ...base, account: ARBITER.toLowerCase() as `0x${string}` })).toEqual({ ok: true });
  });
  it("asks for the earlier claim first: only the first in filing order is actionable", () => {
    expect(checkRuling({ ...base, claimId: 4n })).toEqual({
      ok: false,
      reason: "Rule #3 first: claims are ruled in filing order.",
    });
  });
  it("refuses anyone but the arbiter", () => {
    expect(checkRuling({ ...base, account: OTHER })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Only"),
    });
  });
  it("asks to connect when no wallet is connected", () => {
    expect(checkRuling({ ...base, account: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Connect"),
    });
  });
  it("refuses after a shutdown", () => {
    expect(checkRuling({ ...base, shutDown: true })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("shut down"),
    });
  });
});

describe("claim timeout", () => {
  it("opens 30 days after filing, to the second", () => {
    expect(claimTimeoutAt(1_000n)).toBe(1_000n + 30n * DAY);
    expect(isClaimOverdue(1_000n, 1_000n + 30n * DAY - 1n)).toBe(false);
    expect(isClaimOverdue(1_000n, 1_000n + 30n * DAY)).toBe(true);
  });
});

describe("checkShutdown", () => {
  const base = {
    account: ARBITER,
    arbiter: ARBITER,
    shutDown: false,
    pendingClaims: 0n,
    firstPendingClaimId: 1n,
    oldestFiledAt: undefined,
    now: 10_000n,
  };

  it("is open to the arbiter while no claim is pending", () => {
    expect(checkShutdown(base)).toEqual({ ok: true, as: "arbiter" });
  });
  it("is closed to others while no claim is pending", () => {
    expect(checkShutdown({ ...base, account: OTHER })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Only the arbiter"),
    });
  });
  it("is closed to the arbiter too while a claim is pending under 30 days, and says when it opens", () => {
    const check = checkShutdown({ ...base, pendingClaims: 1n, oldestFiledAt: 5_000n, now: 5_000n + 30n * DAY - 1n });
    expect(check).toEqual({
      ok: false,
      openAt: 5_000n + 30n * DAY,
      reason: "Claim #1 is pending: rule on it first. Shutdown opens to anyone 30 days after it was filed.",
    });
  });
  it("opens to anyone once the oldest pending claim has waited 30 days", () => {
    const args = { ...base, pendingClaims: 2n, oldestFiledAt: 5_000n, now: 5_000n + 30n * DAY };
    expect(checkShutdown(args)).toEqual({ ok: true, as: "anyone" });
    expect(checkShutdown({ ...args, account: OTHER })).toEqual({ ok: true, as: "anyone" });
  });
  it("waits for the claims to load before deciding", () => {
    expect(checkShutdown({ ...base, pendingClaims: 1n })).toMatchObject({ ok: false });
  });
  it("happens once", () => {
    expect(checkShutdown({ ...base, shutDown: true })).toEqual({
      ok: false,
      reason: "This MetaPool is already shut down.",
    });
  });
  it("asks to connect when disconnected", () => {
    expect(checkShutdown({ ...base, account: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Connect"),
    });
  });
});

describe("checkTypedName", () => {
  it("accepts the exact name", () => {
    expect(checkTypedName("DEX core", "DEX core")).toEqual({ ok: true });
    expect(checkTypedName("Bridges & restaking", "Bridges & restaking")).toEqual({ ok: true });
  });
  it("asks for the name while nothing is typed", () => {
    expect(checkTypedName("", "DEX core")).toEqual({
      ok: false,
      reason: "empty",
      message: "Type “DEX core” to confirm.",
    });
  });
  it("refuses leading or trailing spaces and says so", () => {
    expect(checkTypedName("DEX core ", "DEX core")).toMatchObject({ ok: false, reason: "spaces" });
    expect(checkTypedName(" DEX core", "DEX core")).toMatchObject({ ok: false, reason: "spaces" });
  });
  it("keeps a name's own surrounding spaces significant", () => {
    expect(checkTypedName("Pool", " Pool")).toMatchObject({ ok: false, reason: "spaces" });
    expect(checkTypedName(" Pool", " Pool")).toEqual({ ok: true });
  });
  it("refuses a different letter case and says so", () => {
    expect(checkTypedName("dex core", "DEX core")).toMatchObject({ ok: false, reason: "case" });
    expect(checkTypedName("dex core ", "DEX core")).toMatchObject({ ok: false, reason: "case" });
  });
  it("refuses different inner spacing", () => {
    expect(checkTypedName("DEX  core", "DEX core")).toMatchObject({ ok: false, reason: "different" });
  });
  it("refuses a prefix or another name", () => {
    expect(checkTypedName("DEX", "DEX core")).toMatchObject({ ok: false, reason: "different" });
    expect(checkTypedName("Lending", "DEX core")).toMatchObject({
      ok: false,
      message: "This is not the MetaPool's name: type “DEX core” exactly.",
    });
  });
  it("treats composed and decomposed accents as the same letter", () => {
    expect(checkTypedName("Caf\u0065\u0301", "Caf\u00e9")).toEqual({ ok: true });
  });
});

// SPEC §9 example 1 (C = 1 000, three pools of K = 100, fees 5 % + 5 %), ruled in the same second.
const example1: RulingInputs = {
  capital: 1_000n * E18,
  active: 100n * E18,
  coverSupply: 100n * E18,
  debt: 0n,
  payout: 800n * E18,
  redeemable: 900n * E18,
  bond: 10n * E18,
  totalPending: 0n,
  purchaseDelay: 86_400n,
  arbiterFeeBps: 500n,
  creatorFeeBps: 500n,
  pendingClaims: 1n,
  shareSupply: 1_000n * E18,
};

describe("approvalConsequence", () => {
  it("takes P from capital and pays the holders K + P (SPEC §9 example 1)", () => {
    const a = approvalConsequence(example1);
    expect(a.payout).toBe(800n * E18);
    expect(a.capitalAfter).toBe(200n * E18);
    expect(a.redeemable).toBe(900n * E18);
    expect(a.capitalLossWad).toBe(8n * 10n ** 17n);
    expect(a.premiumCharged).toBe(0n);
    expect(a.bondReturned).toBe(10n * E18);
    expect(a.sharesWiped).toBe(false);
    expect(a.unfreezes).toBe(true);
  });
  it("charges the claim's premium debt out of the redemption and splits it as premium", () => {
    const a = approvalConsequence({ ...example1, debt: 2n * E18, redeemable: 898n * E18 });
    expect(a.premiumCharged).toBe(2n * E18);
    expect(a.arbiterFee).toBe(E18 / 10n);
    expect(a.creatorFee).toBe(E18 / 10n);
    // C − P + the 90 % of the debt that goes to underwriters.
    expect(a.capitalAfter).toBe(200n * E18 + (18n * E18) / 10n);
  });
  it("makes every pending purchase refundable and keeps the freeze while other claims wait", () => {
    const a = approvalConsequence({ ...example1, totalPending: 50n * E18, pendingClaims: 2n });
    expect(a.refundable).toBe(50n * E18);
    expect(a.unfreezes).toBe(false);
  });
  it("flags a wipe of the underwriters' shares when capital falls under 1e-9 of the supply", () => {
    const a = approvalConsequence({ ...example1, payout: 1_000n * E18, redeemable: 1_100n * E18 });
    expect(a.capitalAfter).toBe(0n);
    expect(a.sharesWiped).toBe(true);
    expect(a.capitalLossWad).toBe(E18);
  });
  it("rounds the loss fraction up", () => {
    const a = approvalConsequence({
      ...example1,
      capital: 3n,
      shareSupply: 3n,
      active: 0n,
      payout: 1n,
      redeemable: 1n,
    });
    expect(a.capitalLossWad).toBe(333_333_333_333_333_334n);
  });
});

describe("rejectionConsequence", () => {
  it("sends the bond to capital and leaves the cover whole when no premium is owed", () => {
    const r = rejectionConsequence(example1);
    expect(r.bondToCapital).toBe(10n * E18);
    expect(r.capitalAfter).toBe(1_010n * E18);
    expect(r.activeAfter).toBe(100n * E18);
    expect(r.lapses).toBe(false);
  });
  it("charges the premium debt from K, split as premium", () => {
    const r = rejectionConsequence({ ...example1, debt: 2n * E18 });
    expect(r.premiumCharged).toBe(2n * E18);
    expect(r.activeAfter).toBe(98n * E18);
    expect(r.arbiterFee + r.creatorFee).toBe(E18 / 5n);
    expect(r.capitalAfter).toBe(1_010n * E18 + (18n * E18) / 10n);
  });
  it("restarts the frozen purchases' delay when it ends the freeze, and keeps them frozen while another claim waits", () => {
    const r = rejectionConsequence({ ...example1, totalPending: 50n * E18 });
    expect(r.unfreezes).toBe(true);
    expect(r.frozenPurchases).toBe(50n * E18);
    expect(r.restartDelay).toBe(86_400n);
    expect(rejectionConsequence({ ...example1, totalPending: 50n * E18, pendingClaims: 2n }).unfreezes).toBe(false);
  });
  it("caps the charge at K and reports the lapse it causes", () => {
    const r = rejectionConsequence({ ...example1, debt: 150n * E18 });
    expect(r.premiumCharged).toBe(100n * E18);
    expect(r.activeAfter).toBe(0n);
    expect(r.lapses).toBe(true);
  });
});

describe("countHolders", () => {
  it("counts accounts left with a balance after mints, transfers and burns", () => {
    const a = "0x00000000000000000000000000000000000000aa" as const;
    const b = "0x00000000000000000000000000000000000000BB" as const;
    const c = "0x00000000000000000000000000000000000000cc" as const;
    expect(
      countHolders([
        { from: ZERO, to: a, value: 10n },
        { from: ZERO, to: b, value: 5n },
        { from: a, to: c, value: 4n },
        { from: b.toLowerCase() as `0x${string}`, to: ZERO, value: 5n },
      ]),
    ).toBe(2);
    expect(countHolders([])).toBe(0);
  });
});
