import { describe, expect, test } from 'vitest';
import { unwrap } from './errors';
import { convertToAssets, convertToShares, deposit, isShareWipe, previewDeposit, sharesInCurrentEpoch } from './shares';
import { newMetaPool } from './state';
import { ONE, T0, exampleParams, prng } from './testkit';
import { fileAndRule } from './claimFlow.testkit';
import { stateAt } from './testkit';

describe('shares', () => {
  test('virtual share and asset: floor(a × (S + 1) / (C + 1)) and back', () => {
    expect(convertToShares(500n, 1000n, 1000n)).toBe(500n);
    expect(convertToAssets(500n, 1000n, 1000n)).toBe(500n);
    expect(convertToShares(10n, 2n, 1n)).toBe(6n); // 10 × 2 / 3
    expect(convertToAssets(1n, 2n, 1n)).toBe(1n); // 1 × 3 / 2
  });

  test('the first deposit, or any deposit after the supply reached 0, mints 1:1', () => {
    expect(previewDeposit(123n, 0n, 0n)).toBe(123n);
    expect(previewDeposit(123n, 5n, 0n)).toBe(123n); // dust left in C goes to the new holders
    const s = unwrap(deposit(newMetaPool(exampleParams(), 1, T0), 1000n * ONE, T0));
    expect(s.shares).toBe(1000n * ONE);
    expect(s.state).toMatchObject({ capital: 1000n * ONE, shareSupply: 1000n * ONE });
  });

  test('zero amounts and zero-share deposits revert', () => {
    const s = newMetaPool(exampleParams(), 1, T0);
    expect(deposit(s, 0n, T0)).toEqual({ ok: false, error: { name: 'ZeroAmount' } });
    const inflated = { ...s, capital: 10n ** 20n, shareSupply: 1n };
    expect(deposit(inflated, 10n, T0)).toEqual({ ok: false, error: { name: 'ZeroShares', assets: 10n } });
  });

  test('deposits are refused while a claim is pending and after shutdown', () => {
    const s = stateAt(T0, 1000n * ONE, [100n * ONE]);
    const filed = { ...s, claims: [{ id: 4n, poolId: 0, incidentTime: T0, filedAt: T0, bond: ONE }] };
    expect(deposit(filed, ONE, T0)).toEqual({ ok: false, error: { name: 'ClaimPending', claimId: 4n } });
    expect(deposit({ ...s, isShutDown: true }, ONE, T0)).toEqual({ ok: false, error: { name: 'MetaPoolIsShutDown' } });
  });

  test('a first-depositor inflation attack never pays the attacker', () => {
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

  test('a share wipe is a price below 1e-9 of 1:1; old shares convert at floor(s × C / S)', () => {
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
