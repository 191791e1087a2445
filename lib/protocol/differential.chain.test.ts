/**
 * Differential test: random action sequences run on Anvil and in the TypeScript mirror (lib/protocol), compared to
 * the wei after every step and every time jump: the action's result, metaPoolView (capital, free capital, per pool
 * active, pending, payout, utilisation, rate, premium speed, debt, cover supply, epoch; freeze end and last ruling),
 * feesOwed, previewBuy (capacity C − ΣK, pending ahead ΣR), previewDeposit, maxDeposit, previewWithdrawal of open
 * requests, the effective maturity of every queued purchase, share balances, cover balances and their underlying (open
 * and closed epochs).
 * Block times are set explicitly so the mirror's `now` is the block's timestamp. On a mismatch the failure names
 * the sequence seed and step; rerun one sequence with DIFF_SEED=<seed>.
 */
import type { Address, Hex } from "viem";
import { beforeAll, describe, expect, it } from "vitest";

import { rpcTransportOptions } from "@/lib/reads/transport";
import {
  abis,
  accounts,
  chainContext,
  chainDriver,
  publicClient,
  Reverted,
  type ChainDriver,
} from "@/lib/testing/chain/client";
import { createMetaPool, fund } from "@/lib/testing/chain/metaPools";

import { actionContext } from "./differential/actions/context";
import { compare } from "./differential/compare";
import { errorName, expectEqual, Mismatch, sameError } from "./differential/mismatch";
import {
  applySync,
  ONE,
  POOLS,
  PURCHASE_DELAY,
  WITHDRAWAL_PERIOD,
  type Actors,
  type Model,
} from "./differential/model";
import { pickAction } from "./differential/pickAction";
import { CLAIM_TIMEOUT, DAY, HOUR, newMetaPool, sync, type MetaPoolParams, type Result } from "./index";
import { prng } from "./testkit";

const SEQUENCES = Number(process.env.DIFF_SEQUENCES ?? 30);
const STEPS = Number(process.env.DIFF_STEPS ?? 40);
const ONLY_SEED = process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : undefined;
const BASE_SEED = 0xc0ffee;

describe("TypeScript mirror ≡ contracts, random sequences on Anvil", () => {
  const { rpcUrl, deployment } = chainContext();
  let chain: ChainDriver;
  const reader = publicClient(rpcUrl, rpcTransportOptions);
  const creator = accounts[1]!;
  const arbiter = accounts[2]!;
  const underwriters = [accounts[3]!, accounts[4]!];
  const seekers = [accounts[5]!, accounts[6]!, accounts[7]!];
  const outsider = accounts[8]!;
  const actors: Actors = { creator, arbiter, underwriters, seekers, outsider };
  /** The filer of every claim, by MetaPool and claim id (kept across sequences, as the MetaPools are). */
  const claimFilers = new Map<string, Address>();
  const metaPools: { address: Address; params: MetaPoolParams; createdAt: bigint }[] = [];
  let snapshot: Hex;

  beforeAll(async () => {
    chain = chainDriver(rpcUrl);
    const curve = { baseRate: 2n * 10n ** 16n, slope1: 8n * 10n ** 16n, kink: 8n * 10n ** 17n, slope2: 10n ** 18n };
    for (const payoutMultiple of [0, 4]) {
      const address = await createMetaPool(chain, deployment.metaPoolFactory, creator, {
        asset: deployment.demoUsd,
        arbiter,
        name: `Differential ×${payoutMultiple}`,
        protectionStatement: "Differential test statement.",
        pools: Array.from({ length: POOLS }, (_, i) => ({ name: `D${i}`, description: "" })),
        arbiterFeeBps: 500,
        creatorFeeBps: 300,
        curve,
        payoutMultiple,
        withdrawalPeriod: Number(WITHDRAWAL_PERIOD),
        purchaseDelay: Number(PURCHASE_DELAY),
        claimBond: 50n * ONE,
        minPurchase: ONE,
      });
      const createdAt = (await chain.latestBlock()).timestamp;
      metaPools.push({
        address,
        createdAt,
        params: {
          decimals: 6,
          curve,
          arbiterFeeBps: 500n,
          creatorFeeBps: 300n,
          payoutMultiple: BigInt(payoutMultiple),
          withdrawalPeriod: WITHDRAWAL_PERIOD,
          purchaseDelay: PURCHASE_DELAY,
          claimBond: 50n * ONE,
          minPurchase: ONE,
        },
      });
    }
    for (const account of [...underwriters, ...seekers]) {
      // Pending purchases reserve nothing, so seekers may queue several purchases of the whole capacity each.
      await fund(chain, deployment.demoUsd, account, (seekers.includes(account) ? 30_000_000n : 3_000_000n) * ONE);
      for (const m of metaPools)
        await chain.send(account, deployment.demoUsd, abis.token, "approve", [m.address, 2n ** 256n - 1n]);
    }
    snapshot = await chain.snapshot();
  });

  it(`${SEQUENCES} sequences of ${STEPS} steps agree to the wei after every step and time jump`, async () => {
    const started = Date.now();
    let states = 0;
    let actions = 0;
    let reverts = 0;
    const seeds = ONLY_SEED !== undefined ? [ONLY_SEED] : Array.from({ length: SEQUENCES }, (_, i) => BASE_SEED + i);
    const counts = new Map<string, number>();
    for (const seed of seeds) {
      await chain.revert(snapshot);
      snapshot = await chain.snapshot();
      const result = await runSequence(seed);
      states += result.states;
      actions += result.actions;
      reverts += result.reverts;
      for (const [name, n] of result.counts) counts.set(name, (counts.get(name) ?? 0) + n);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `differential: ${seeds.length} sequences, ${states} states compared (${actions} actions, ${reverts} of them reverting on both sides) in ${seconds.toFixed(1)} s`,
    );
    console.log(
      `succeeded: ${[...counts]
        .filter(([n]) => !n.includes("✗"))
        .map(([n, c]) => `${n} ${c}`)
        .join(", ")}`,
    );
    console.log(
      `reverted on both sides (same error): ${[...counts]
        .filter(([n]) => n.includes("✗"))
        .map(([n, c]) => `${n} ${c}`)
        .join(", ")}`,
    );
    expect(states).toBeGreaterThanOrEqual(ONLY_SEED !== undefined ? 1 : 300);
    // Every kind of step actually succeeded somewhere (a generator that only produced reverts would prove nothing).
    for (const name of [
      "deposit",
      "requestWithdrawal",
      "completeWithdrawal",
      "cancelWithdrawal",
      "buyProtection",
      "withdrawProtection",
      "fileClaim",
      "resolveClaim(valid)",
      "resolveClaim(invalid)",
      "redeemPayout",
      "claimFees",
      "shutdown",
      "exit",
      "timeJump",
      "refundPurchase(frozen)",
      "matured after a restarted delay",
    ]) {
      if (ONLY_SEED === undefined) expect(counts.get(name) ?? 0, name).toBeGreaterThan(0);
    }
  });

  async function runSequence(seed: number) {
    const rng = prng(seed);
    const mp = metaPools[seed % metaPools.length]!;
    const address = mp.address;
    const model: Model = {
      state: newMetaPool(mp.params, POOLS, mp.createdAt),
      shares: new Map(),
      requests: new Map(),
      purchaseReceiver: new Map(),
      boughtMaturesAt: new Map(),
      cover: new Map(),
      bondsOwed: new Map(),
    };
    let now = (await chain.latestBlock()).timestamp;
    let states = 0;
    let actions = 0;
    let reverts = 0;
    const counts = new Map<string, number>();
    const where = (step: number, what: string) => `seed ${seed} (DIFF_SEED=${seed}) step ${step} ${what}`;

    for (let step = 0; step < STEPS; step++) {
      // Time jump: no transaction, the views project.
      if (rng.int(5) === 0) {
        const roll = rng.int(10);
        const dt =
          roll < 4
            ? rng.between(60n, 6n * HOUR)
            : roll < 8
              ? rng.between(HOUR, 3n * DAY)
              : roll < 9
                ? rng.between(7n * DAY, 9n * DAY)
                : CLAIM_TIMEOUT + rng.between(0n, DAY);
        now += dt;
        await chain.setNextTimestamp(now);
        const block = await chain.mineAt(now);
        counts.set("timeJump", (counts.get("timeJump") ?? 0) + 1);
        await compare({ reader, actors }, model, address, now, block, where(step, `after a ${dt} s time jump`));
        states++;
        continue;
      }
      now += rng.between(1n, 900n);
      // Matured purchases mint cover and lapses close epochs: bring the model to `now` first (the action's own sync
      // is then a no-op) so per-holder balances follow.
      const synced = sync(model.state, now);
      const before = { state: model.state, cover: new Map(model.cover) };
      if (synced.ok) {
        const restarted = synced.value.matured.filter(
          (m) => m.at > (model.boughtMaturesAt.get(m.purchaseId) ?? m.at),
        ).length;
        if (restarted > 0)
          counts.set(
            "matured after a restarted delay",
            (counts.get("matured after a restarted delay") ?? 0) + restarted,
          );
        applySync(model, synced.value);
      }
      const action = pickAction(
        actionContext(chain, { rng, model, address, now, actors, claimFilers, step, steps: STEPS }),
      );
      const what = `${action.name} ${action.describe}`;
      await chain.setNextTimestamp(now);
      let chainResult: { ok: true; value: unknown; block: bigint } | { ok: false; error: string; block: bigint };
      try {
        const { result, receipt } = await action.send();
        chainResult = { ok: true, value: result, block: receipt.blockNumber };
      } catch (e) {
        if (!(e instanceof Reverted)) throw e;
        chainResult = { ok: false, error: errorName(e.data), block: (await chain.latestBlock()).number };
      }
      let expected: Result<unknown>;
      if (!synced.ok) expected = synced;
      else {
        expected = action.mirror();
        if (!expected.ok) Object.assign(model, before); // a reverted transaction leaves nothing, its sync included
      }
      actions++;
      if (expected.ok !== chainResult.ok) {
        if (process.env.DIFF_DEBUG) {
          console.log(
            JSON.stringify(
              { state: model.state, cover: [...model.cover], queue: model.state.queue },
              (_, v) => (typeof v === "bigint" ? v.toString() : v),
              1,
            ),
          );
          const v = await reader.readContract({ address, abi: abis.metaPool, functionName: "metaPoolView" });
          console.log(JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x), 1));
        }
        throw new Mismatch(
          `${where(step, what)}: mirror ${expected.ok ? "succeeds" : `reverts ${expected.error.name}`}, chain ${chainResult.ok ? "succeeds" : `reverts ${chainResult.error}`}`,
        );
      }
      if (!expected.ok && !chainResult.ok) {
        reverts++;
        const label = `${action.name} ✗ ${chainResult.error}`;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        if (!sameError(expected.error, chainResult.error)) {
          throw new Mismatch(`${where(step, what)}: mirror reverts ${expected.error.name}, chain ${chainResult.error}`);
        }
      }
      if (expected.ok && chainResult.ok) {
        const label = action.label?.() ?? action.name;
        counts.set(label, (counts.get(label) ?? 0) + 1);
        const want = action.commit!(expected.value);
        const got = action.project ? action.project(chainResult.value) : chainResult.value;
        if (want !== undefined) expectEqual(got, want, `${where(step, what)}: return value`);
      }
      await compare({ reader, actors }, model, address, now, chainResult.block, where(step, what));
      states++;
    }
    return { states, actions, reverts, counts };
  }
});
