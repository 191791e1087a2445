/** Hand-written property tests over a seeded PRNG (deterministic; no extra dependencies). */
import { describe, expect, test } from "vitest";

import { fileClaim, premiumDebt, resolveClaim } from "./claim";
import { DAY, HOUR, WAD, YEAR } from "./constants";
import { unwrap, type Result } from "./errors";
import { fundingRate } from "./fundingRate";
import { mulDivDown } from "./math";
import { poolView } from "./poolView";
import { accrueOwed, chargePremium } from "./premium";
import { buyProtection, purchaseCapacity, refundFrozenPurchase, withdrawProtection } from "./protection";
import { convertToAssets, deposit, previewDeposit, sharesInCurrentEpoch } from "./shares";
import { shutdown } from "./shutdown";
import type { MetaPoolState } from "./state";
import { effectiveMaturity, poke, sync } from "./sync";
import { EXAMPLE_CURVE, exampleParams, ONE, prng, stateAt, T0 } from "./testkit";
import { totalActive, totalPending, utilisation } from "./utilisation";
import { cancelWithdrawal, completeWithdrawal, requestWithdrawal, type WithdrawalRequest } from "./withdrawal";

const RUNS = 300;

describe("property: accrual does not depend on how often sync runs (fixed speed)", () => {
  test("one step or many pieces charge the same to within 1 wei, never less", () => {
    const rand = prng(1);
    for (let run = 0; run < RUNS; run++) {
      const speed = rand.between(0n, 10n * WAD * 10n ** 30n);
      const active = rand.between(0n, 10n ** 30n);
      const start = rand.between(0n, WAD * 10n);
      const total = rand.between(0n, 2n * YEAR);
      const single = chargePremium(accrueOwed(start, speed, total), 0n, active);

      let owed = start;
      let charged = 0n;
      let k = active;
      let taken = 0n;
      let left = total;
      const pieces = rand.int(50) + 1;
      for (let p = 0; p < pieces && left > 0n; p++) {
        const dt = p === pieces - 1 ? left : rand.between(0n, left);
        left -= dt;
        owed = accrueOwed(owed, speed, dt);
        const c = chargePremium(owed, charged, k);
        k -= c.amount;
        charged = c.charged;
        taken += c.amount;
      }
      owed = accrueOwed(owed, speed, left);
      const last = chargePremium(owed, charged, k);
      taken += last.amount;
      expect(taken).toBeGreaterThanOrEqual(single.amount);
      expect(taken - single.amount).toBeLessThanOrEqual(1n);
    }
  });

  test("through sync: a pool frozen by its own claim accrues the same debt whatever the sync schedule", () => {
    const rand = prng(2);
    for (let run = 0; run < 40; run++) {
      const capital = rand.between(ONE, 10n ** 9n * ONE);
      const s = stateAt(T0, capital, [rand.between(ONE / 100n, capital)]);
      const filed = unwrap(fileClaim(s, { poolId: 0, incidentTime: T0, filerTokens: ONE, now: T0 })).state;
      const end = T0 + rand.between(1n, 30n * DAY);
      const once = premiumDebt(unwrap(sync(filed, end)).state.pools[0]!);
      let x = filed;
      let t = T0;
      while (t < end) {
        t += rand.between(1n, 3n * DAY);
        if (t > end) t = end;
        x = unwrap(sync(x, t)).state;
      }
      const many = premiumDebt(x.pools[0]!);
      expect(many - once).toBeGreaterThanOrEqual(0n);
      expect(many - once).toBeLessThanOrEqual(1n);
    }
  });
});

describe("property: payout with payoutMultiple 0", () => {
  test("P_i = C − Σ_{j≠i} K_j, and a valid claim leaves exactly the other pools’ cover", () => {
    const rand = prng(3);
    for (let run = 0; run < 60; run++) {
      const capital = rand.between(ONE, 10n ** 6n * ONE);
      const n = rand.int(16) + 1;
      let room = capital;
      const active = Array.from({ length: n }, () => {
        const k = rand.int(3) === 0 ? 0n : rand.between(0n, room / 2n);
        room -= k;
        return k;
      });
      const s = stateAt(T0, capital, active);
      const sum = active.reduce((a, b) => a + b, 0n);
      // A pool without cover tokens would pay nothing (SPEC §7), as the contract's view shows.
      s.pools.forEach((p, i) => expect(poolView(s, i).payout).toBe(p.supply > 0n ? capital - (sum - active[i]!) : 0n));
      const i = active.findIndex((k) => k >= ONE / 100n);
      if (i < 0) continue;
      const filed = unwrap(fileClaim(s, { poolId: i, incidentTime: T0, filerTokens: 1n, now: T0 }));
      const ruled = unwrap(resolveClaim(filed.state, { claimId: filed.claim.id, valid: true, now: T0 })).state;
      expect(ruled.capital).toBe(sum - active[i]!);
    }
  });
});

describe("property: rounding never favours the user", () => {
  test("shares minted and redeemed round down", () => {
    const rand = prng(4);
    for (let run = 0; run < RUNS * 3; run++) {
      const capital = rand.between(0n, 10n ** 30n);
      const supply = rand.between(0n, 10n ** 30n);
      const assets = rand.between(1n, 10n ** 30n);
      const shares = previewDeposit(assets, capital, supply);
      expect(convertToAssets(shares, capital + assets, supply + shares)).toBeLessThanOrEqual(assets);
    }
  });

  test("cover tokens minted at supply / K are never worth more than the deposit", () => {
    const rand = prng(5);
    for (let run = 0; run < RUNS * 3; run++) {
      const k = rand.between(1n, 10n ** 30n);
      const supply = rand.between(k, 10n ** 31n); // premium only ever lowers K below the supply
      const accepted = rand.between(1n, 10n ** 30n);
      const tokens = mulDivDown(accepted, supply, k);
      expect(mulDivDown(tokens, k + accepted, supply + tokens)).toBeLessThanOrEqual(accepted);
    }
  });

  test("premium, utilisation and rates round up", () => {
    const rand = prng(6);
    for (let run = 0; run < RUNS * 3; run++) {
      const speed = rand.between(0n, 10n ** 40n);
      const dt = rand.between(0n, YEAR);
      const due = chargePremium(accrueOwed(0n, speed, dt), 0n, 10n ** 50n).amount;
      expect(due * YEAR * WAD).toBeGreaterThanOrEqual(speed * dt);
      const k = rand.between(0n, 10n ** 30n);
      const f = rand.between(0n, 10n ** 30n);
      const u = utilisation(k, f);
      expect(u * (k + f)).toBeGreaterThanOrEqual(k * WAD);
      const r = fundingRate(EXAMPLE_CURVE, u) - EXAMPLE_CURVE.baseRate;
      if (u <= EXAMPLE_CURVE.kink) expect(r * EXAMPLE_CURVE.kink).toBeGreaterThanOrEqual(EXAMPLE_CURVE.slope1 * u);
    }
  });

  test("random sequences of actions keep the books exact and every pool fully backed", () => {
    for (let seed = 10; seed < 22; seed++) simulate(seed, 120);
  });
});

/** Pokes 16 at a time until a sync goes through. */
function catchUp(state: MetaPoolState, now: bigint): MetaPoolState {
  let s = state;
  for (;;) {
    const r = sync(s, now);
    if (r.ok) return r.value.state;
    s = unwrap(poke(s, now, 16)).state;
  }
}

interface Position {
  shares: bigint;
  epoch: bigint;
}

/** Random actions against one MetaPool; checks solvency (exact) and full backing after each. */
function simulate(seed: number, steps: number): void {
  const rand = prng(seed);
  const params = exampleParams({
    payoutMultiple: BigInt(rand.int(4)),
    withdrawalPeriod: HOUR * BigInt(rand.int(48) + 1),
  });
  let s = stateAt(T0, 1000n * ONE, [100n * ONE, 0n, 50n * ONE], params);
  let balance = s.capital + totalActive(s.pools); // what the MetaPool holds
  const positions: Position[] = [{ shares: s.shareSupply, epoch: 0n }];
  const requests: WithdrawalRequest[] = [];
  let now = T0;

  const apply = <T extends { state: MetaPoolState }>(r: Result<T>, flow: (v: T) => bigint): T | undefined => {
    if (!r.ok) {
      if (r.error.name === "SyncRequired") s = catchUp(s, now);
      return undefined;
    }
    s = r.value.state;
    balance += flow(r.value);
    return r.value;
  };

  for (let step = 0; step < steps; step++) {
    now += rand.between(0n, 2n * DAY);
    const pool = rand.int(s.pools.length);
    switch (rand.int(10)) {
      case 0: {
        const amount = rand.between(1n, 500n * ONE);
        const out = apply(deposit(s, amount, now), () => amount);
        if (out) positions.push({ shares: out.shares, epoch: s.shareEpoch });
        break;
      }
      case 1:
      case 2: {
        const cap = purchaseCapacity(s);
        if (cap < ONE / 100n) break;
        const amount = rand.between(ONE / 100n, cap);
        apply(buyProtection(s, pool, amount, now), () => amount);
        break;
      }
      case 3: {
        const p = positions[rand.int(positions.length)];
        if (!p) break;
        const held = sharesInCurrentEpoch(s, p.shares, p.epoch);
        if (held === 0n) break;
        const out = apply(requestWithdrawal(s, rand.between(1n, held), held, now), () => 0n);
        if (out) {
          p.shares = held - out.request.shares;
          p.epoch = s.shareEpoch;
          requests.push(out.request);
        }
        break;
      }
      case 4: {
        const i = rand.int(requests.length + 1);
        const r = requests[i];
        if (!r || r.shares === 0n) break;
        if (rand.int(3) === 0) {
          const out = apply(cancelWithdrawal(s, r, now), () => 0n);
          if (out) {
            positions.push({ shares: out.returned, epoch: s.shareEpoch });
            requests.splice(i, 1);
          }
        } else {
          const out = apply(completeWithdrawal(s, r, rand.between(1n, r.shares), now), (v) => -v.assets);
          if (out) requests[i] = out.request;
        }
        break;
      }
      case 5: {
        const supply = s.pools[pool]!.supply;
        if (supply === 0n) break;
        apply(withdrawProtection(s, pool, rand.between(1n, supply), supply, now), (v) => -v.assets);
        break;
      }
      case 6: {
        const bond = params.claimBond;
        const p = s.pools[pool]!;
        apply(fileClaim(s, { poolId: pool, incidentTime: p.epochOpenedAt, filerTokens: p.supply, now }), () => bond);
        break;
      }
      case 7: {
        const claim = s.claims[0];
        if (!claim) break;
        const valid = rand.int(2) === 0;
        apply(resolveClaim(s, { claimId: claim.id, valid, now }), () => (valid ? -claim.bond : 0n));
        break;
      }
      case 8: {
        const entry = s.queue.find((e) => !e.refunded && effectiveMaturity(s, e) <= now);
        if (entry) apply(refundFrozenPurchase(s, entry.id, now), (v) => -v.amount);
        break;
      }
      default: {
        if (rand.int(40) === 0) {
          apply(shutdown(s, { byArbiter: true, now }), (v) => -v.voided.reduce((a, c) => a + c.bond, 0n));
        } else {
          s = catchUp(s, now);
        }
      }
    }

    const bonds = s.claims.reduce((a, c) => a + c.bond, 0n);
    const closed = s.closedEpochs.reduce((a, e) => a + e.remaining, 0n);
    const owed =
      s.capital +
      totalActive(s.pools) +
      totalPending(s.pools) +
      s.fees.arbiter +
      s.fees.creator +
      bonds +
      s.refundsOwed +
      closed;
    expect(balance, `seed ${seed} step ${step}`).toBe(owed);
    if (!s.isShutDown) expect(totalActive(s.pools)).toBeLessThanOrEqual(s.capital);
    for (const p of s.pools) {
      if (p.supply === 0n) expect(p.active).toBe(0n);
    }
  }
}
