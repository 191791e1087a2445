import { describe, expect, test } from "vitest";

import { WAD, YEAR } from "./constants";
import { accrueOwed, chargePremium, isLapsed, premiumDue, premiumSpeed, splitPremium } from "./premium";

describe("premium", () => {
  test("speed is r × P, and 0 without cover", () => {
    expect(premiumSpeed(3n, 800n, 100n)).toBe(2400n);
    expect(premiumSpeed(3n, 800n, 0n)).toBe(0n);
  });

  test("accrual rounds each step up; the due amount rounds the accumulator up", () => {
    expect(accrueOwed(0n, 1n, 1n)).toBe(1n); // 1 / YEAR → 1
    expect(accrueOwed(5n, YEAR, 3n)).toBe(8n);
    expect(premiumDue(1n)).toBe(1n);
    expect(premiumDue(WAD)).toBe(1n);
    expect(premiumDue(WAD + 1n)).toBe(2n);
    expect(premiumDue(0n)).toBe(0n);
  });

  test("charges only the increase over what was charged", () => {
    expect(chargePremium(5n * WAD, 3n, 100n)).toEqual({ amount: 2n, forgiven: 0n, charged: 5n });
    expect(chargePremium(3n * WAD, 3n, 100n)).toEqual({ amount: 0n, forgiven: 0n, charged: 3n });
  });

  test("premium beyond K is forgiven and the charged total still advances", () => {
    expect(chargePremium(10n * WAD, 2n, 5n)).toEqual({ amount: 5n, forgiven: 3n, charged: 10n });
  });

  test("a charged total ahead of the due amount (debt settled by a withdrawal) charges nothing", () => {
    expect(chargePremium(3n * WAD, 4n, 100n)).toEqual({ amount: 0n, forgiven: 0n, charged: 4n });
  });

  test("fees round down; the remainder goes to C", () => {
    expect(splitPremium(19n, 500n, 500n)).toEqual({ arbiter: 0n, creator: 0n, capital: 19n });
    expect(splitPremium(20n, 500n, 500n)).toEqual({ arbiter: 1n, creator: 1n, capital: 18n });
    expect(splitPremium(1000n, 2500n, 2500n)).toEqual({ arbiter: 250n, creator: 250n, capital: 500n });
  });

  test("lapse below 1e-9 of the 1:1 value per token, or at 0, only while tokens exist", () => {
    expect(isLapsed(1n, 10n ** 9n)).toBe(false);
    expect(isLapsed(0n, 1n)).toBe(true);
    expect(isLapsed(999n, 10n ** 12n)).toBe(true);
    expect(isLapsed(1000n, 10n ** 12n)).toBe(false);
    expect(isLapsed(0n, 0n)).toBe(false);
  });
});
