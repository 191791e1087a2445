import { describe, expect, test } from "vitest";

import { fileClaim } from "./claim";
import { fileAndRule } from "./claimFlow.testkit";
import { DAY } from "./constants";
import { unwrap } from "./errors";
import { buyProtection } from "./protection";
import {
  convertToAssets,
  convertToShares,
  deposit,
  isShareWipe,
  maxDeposit,
  previewDeposit,
  sharesInCurrentEpoch,
} from "./shares";
import { newMetaPool } from "./state";
import { poke } from "./sync";
import { exampleParams, ONE, prng, stateAt, T0, ZERO_CURVE } from "./testkit";

describe("shares", () => {
  test("virtual share and asset: floor(a × (S + 1) / (C + 1)) and back", () => {
    expect(convertToShares(500n, 1000n, 1000n)).toBe(500n);
    expect(convertToAssets(500n, 1000n, 1000n)).toBe(500n);
    expect(convertToShares(10n, 2n, 1n)).toBe(6n); // 10 × 2 / 3
    expect(convertToAssets(1n, 2n, 1n)).toBe(1n); // 1 × 3 / 2
  });

  test("the first deposit mints 1:1; after the supply reached 0 a deposit also takes what was left in C, at a price of exactly 1", () => {
    expect(previewDeposit(123n, 0n, 0n)).toBe(123n);
    // 5 wei left in C: the depositor gets 128 shares for the 128 wei now in C, not 123 shares priced above 1.
    expect(previewDeposit(123n, 5n, 0n)).toBe(128n);
    expect(convertToShares(123n, 5n, 0n)).toBe(123n); // ERC-4626's conversion itself stays 1:1
    const dust = { ...newMetaPool(exampleParams(), 1, T0), capital: 5n };
    const after = unwrap(deposit(dust, 1n, T0));
    expect(after.shares).toBe(6n);
    expect(after.state).toMatchObject({ capital: 6n, shareSupply: 6n });
    // The next depositor pays 1 wei per share: nothing lost to a price above 1.
    expect(previewDeposit(10n, after.state.capital, after.state.shareSupply)).toBe(10n);
    const s = unwrap(deposit(newMetaPool(exampleParams(), 1, T0), 1000n * ONE, T0));
    expect(s.shares).toBe(1000n * ONE);
    expect(s.state).toMatchObject({ capital: 1000n * ONE, shareSupply: 1000n * ONE });
  });

  test("zero amounts and zero-share deposits revert", () => {
    const s = newMetaPool(exampleParams(), 1, T0);
    expect(deposit(s, 0n, T0)).toEqual({ ok: false, error: { name: "ZeroAmount" } });
    const inflated = { ...s, capital: 10n ** 20n, shareSupply: 1n };
    expect(deposit(inflated, 10n, T0)).toEqual({ ok: false, error: { name: "ZeroShares", assets: 10n } });
  });

  test("deposits are refused while a claim is pending and after shutdown", () => {
    const s = stateAt(T0, 1000n * ONE, [100n * ONE]);
    const filed = { ...s, claims: [{ id: 4n, poolId: 0, incidentTime: T0, filedAt: T0, bond: ONE }] };
    expect(deposit(filed, ONE, T0)).toEqual({ ok: false, error: { name: "ClaimPending", claimId: 4n } });
    expect(deposit({ ...s, isShutDown: true }, ONE, T0)).toEqual({ ok: false, error: { name: "MetaPoolIsShutDown" } });
  });

  test("maxDeposit is 0 whenever deposit would revert for everyone: shut down, a claim pending, more than 16 purchases due", () => {
    const params = exampleParams({ curve: ZERO_CURVE });
    const s = stateAt(T0, 1000n * ONE, [100n * ONE], params);
    const room = (1n << 128n) - 1n - 1000n * ONE;
    expect(maxDeposit(s, T0)).toBe(room);
    expect(maxDeposit({ ...s, isShutDown: true }, T0)).toBe(0n);
    const filed = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 })).state;
    expect(maxDeposit(filed, T0)).toBe(0n);
    // 17 purchases due at once: deposit's sync would revert SyncRequired(1).
    let queued = s;
    for (let k = 0; k < 17; k++) queued = unwrap(buyProtection(queued, 0, ONE, T0)).state;
    expect(maxDeposit(queued, T0 + DAY - 1n)).toBe(room);
    expect(maxDeposit(queued, T0 + DAY)).toBe(0n);
    expect(deposit(queued, ONE, T0 + DAY)).toEqual({ ok: false, error: { name: "SyncRequired", remaining: 1 } });
    // Sixteen due is fine.
    const sixteen = unwrap(poke(queued, T0 + DAY, 1)).state;
    expect(maxDeposit(sixteen, T0 + DAY)).toBe(room);
    expect(deposit(sixteen, ONE, T0 + DAY).ok).toBe(true);
  });

  test("a first-depositor inflation attack never pays the attacker", () => {
    const rand = prng(4626);
    for (let k = 0; k < 500; k++) {
      const seed = rand.between(1n, 10n ** 6n);
      const inflate = rand.between(0n, 10n ** 24n);
      const victim = rand.between(1n, 10n ** 24n);
      // The attacker mints `seed` shares 1:1 and then lifts C by `inflate` (at its own cost).
      let capital = seed + inflate;
      let supply = seed;
      const minted = previewDeposit(victim, capital, supply);
      if (minted === 0n) continue; // the victim's deposit reverts; nothing lost
      capital += victim;
      supply += minted;
      const attackerValue = convertToAssets(seed, capital, supply);
      expect(attackerValue).toBeLessThanOrEqual(seed + inflate);
      expect(convertToAssets(minted, capital, supply)).toBeLessThanOrEqual(victim);
    }
  });

  test("a share wipe is a price below 1e-9 of 1:1; old shares convert at floor(s × C / S)", () => {
    expect(isShareWipe(0n, 1n)).toBe(true);
    expect(isShareWipe(1n, 10n ** 9n)).toBe(false);
    expect(isShareWipe(1n, 10n ** 9n + 1n)).toBe(true);
    expect(isShareWipe(0n, 0n)).toBe(false);
    // payoutMultiple 2, C = 2K + 7 wei: the claim leaves 7 wei behind 1000e18 shares.
    const s = stateAt(T0, 1000n * ONE + 7n, [500n * ONE], exampleParams({ payoutMultiple: 2n }));
    const { state, ruling } = fileAndRule(s, 0, true, T0, T0);
    expect(ruling.shareWipe).toBe(true);
    expect(state.capital).toBe(7n);
    expect(state.shareSupply).toBe(7n);
    expect(sharesInCurrentEpoch(state, 1000n * ONE + 7n, 0n)).toBe(7n);
    expect(sharesInCurrentEpoch(state, 500n * ONE, 0n)).toBe(3n); // floor(3.4999…)
  });
});
