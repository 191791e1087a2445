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
import { decodeErrorResult, type Address, type Hex } from "viem";
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

import {
  buyProtection,
  cancelWithdrawal,
  CLAIM_TIMEOUT,
  completeWithdrawal,
  convertToAssets,
  DAY,
  deposit,
  effectiveMaturity,
  exit,
  fileClaim,
  freeCapital,
  fundingRate,
  HOUR,
  maxDeposit,
  min,
  mulDivDown,
  newMetaPool,
  payout as payoutOf,
  pendingClaimOn,
  poolView,
  premiumDebt,
  premiumSpeeds,
  previewDeposit,
  projectTo,
  purchaseCapacity,
  redeemPayout,
  refundFrozenPurchase,
  requestWithdrawal,
  resolveClaim,
  sharesInCurrentEpoch,
  shutdown,
  sync,
  totalActive,
  totalPending,
  underlyingOf,
  utilisation,
  withdrawProtection,
  type MetaPoolParams,
  type MetaPoolState,
  type ProtocolError,
  type Result,
  type WithdrawalRequest,
} from "./index";
import { prng } from "./testkit";

const SEQUENCES = Number(process.env.DIFF_SEQUENCES ?? 30);
const STEPS = Number(process.env.DIFF_STEPS ?? 40);
const ONLY_SEED = process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : undefined;
const BASE_SEED = 0xc0ffee;

const ONE = 10n ** 6n; // dUSD
const POOLS = 3;
const WITHDRAWAL_PERIOD = DAY;
const PURCHASE_DELAY = 2n * HOUR;

type Rng = ReturnType<typeof prng>;
const key = (...parts: (string | number | bigint)[]) => parts.join(":");

class Mismatch extends Error {}

/** Everything the mirror does not hold per account: share and cover balances, requests, bonds owed back. */
interface Model {
  state: MetaPoolState;
  shares: Map<Address, { amount: bigint; epoch: bigint }>;
  requests: Map<bigint, { owner: Address; request: WithdrawalRequest }>;
  purchaseReceiver: Map<bigint, Address>;
  /** maturesAt each purchase was bought with (a claim freeze may restart it later). */
  boughtMaturesAt: Map<bigint, bigint>;
  /** cover token balances by pool:epoch:holder */
  cover: Map<string, bigint>;
  bondsOwed: Map<Address, bigint>;
}

describe("TypeScript mirror ≡ contracts, random sequences on Anvil", () => {
  const { rpcUrl, deployment } = chainContext();
  let chain: ChainDriver;
  const reader = publicClient(rpcUrl, rpcTransportOptions);
  const creator = accounts[1]!;
  const arbiter = accounts[2]!;
  const underwriters = [accounts[3]!, accounts[4]!];
  const seekers = [accounts[5]!, accounts[6]!, accounts[7]!];
  const outsider = accounts[8]!;
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
    currentStep = 0;
    const where = (step: number, what: string) => `seed ${seed} (DIFF_SEED=${seed}) step ${step} ${what}`;

    for (let step = 0; step < STEPS; step++) {
      currentStep = step;
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
        await compare(model, address, now, block, where(step, `after a ${dt} s time jump`));
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
      const action = pickAction(rng, model, address, now);
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
      await compare(model, address, now, chainResult.block, where(step, what));
      states++;
    }
    return { states, actions, reverts, counts };
  }

  interface Action {
    name: string;
    describe: string;
    send: () => Promise<{ result: unknown; receipt: { blockNumber: bigint } }>;
    /** The mirror's outcome on the model (synced to now); must not mutate the model. */
    mirror: () => Result<unknown>;
    /** Applies a successful mirror outcome to the model; returns the expected return value (undefined: none). */
    commit?: (value: unknown) => unknown;
    project?: (chainValue: unknown) => unknown;
    label?: () => string;
  }

  function pickAction(rng: Rng, model: Model, address: Address, now: bigint): Action {
    const s = () => model.state;
    const send = (from: Address, fn: string, args: unknown[]) =>
      chain.send(from, address, abis.metaPool, fn as never, args as never);
    let choice = rng.int(100);
    // Revision 4's restart needs claims filed while purchases wait: file one now and then when some do.
    // Rulings come often enough that frozen purchases restart and later mature.
    if (
      s().claims.length === 0 &&
      s().queue.some((e) => !e.refunded) &&
      coverHolders(model).length > 0 &&
      rng.int(5) === 0
    )
      choice = 66;
    else if (s().claims.length > 0 && rng.int(4) === 0) choice = 72;
    const pick = <T>(xs: T[]): T => xs[rng.int(xs.length)]!;
    const fraction = (x: bigint) => (x === 0n ? rng.between(1n, 10n * ONE) : rng.int(6) === 0 ? x : rng.between(1n, x));

    // Payouts of closed epochs are rare (valid rulings, lapses): redeem them often once they exist.
    const redeemFirst = s().closedEpochs.some((c) => c.supply > 0n) && rng.int(5) === 0;
    if (choice < 14 && !redeemFirst) {
      const who = pick(underwriters);
      const assets = rng.int(8) === 0 ? rng.between(1n, 1000n) : rng.between(1_000n, 400_000n) * ONE;
      return {
        name: "deposit",
        describe: `${assets} by ${who}`,
        send: () => send(who, "deposit", [assets, who]),
        mirror: () => deposit(s(), assets, now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; shares: bigint };
          model.state = r.state;
          addShares(model, who, r.shares);
          return r.shares;
        },
      };
    }
    if (!redeemFirst && choice < 24) {
      const holding = underwriters.filter((u) => shareBalance(model, u) > 0n);
      const who = holding.length > 0 && rng.int(8) !== 0 ? pick(holding) : pick(underwriters);
      const balance = shareBalance(model, who);
      const shares = fraction(balance);
      let request: WithdrawalRequest | undefined;
      return {
        name: "requestWithdrawal",
        describe: `${shares} of ${balance} by ${who}`,
        send: () => send(who, "requestWithdrawal", [shares]),
        mirror: () => requestWithdrawal(s(), shares, shareBalance(model, who), now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; request: WithdrawalRequest };
          model.state = r.state;
          addShares(model, who, -shares);
          request = r.request;
          return undefined;
        },
        project: (id) => {
          model.requests.set(id as bigint, { owner: who, request: request! });
          return undefined;
        },
      };
    }
    const openRequests = [...model.requests].filter(([, r]) => r.request.shares > 0n);
    if (!redeemFirst && choice < 34 && openRequests.length > 0) {
      const [id, { owner, request }] = pick(openRequests);
      const current = sharesInCurrentEpoch(s(), request.shares, request.shareEpoch);
      const shares = fraction(current);
      return {
        name: "completeWithdrawal",
        describe: `#${id} ${shares} of ${current}`,
        send: () => send(owner, "completeWithdrawal", [id, shares, owner]),
        mirror: () => completeWithdrawal(s(), request, shares, now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; assets: bigint; request: WithdrawalRequest };
          model.state = r.state;
          model.requests.set(id, { owner, request: r.request });
          return r.assets;
        },
      };
    }
    if (!redeemFirst && choice < 39 && openRequests.length > 0) {
      const [id, { owner, request }] = pick(openRequests);
      return {
        name: "cancelWithdrawal",
        describe: `#${id}`,
        send: () => send(owner, "cancelWithdrawal", [id]),
        mirror: () => cancelWithdrawal(s(), request, now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; returned: bigint };
          model.state = r.state;
          model.requests.delete(id);
          addShares(model, owner, r.returned);
          return r.returned;
        },
      };
    }
    if (!redeemFirst && choice < 56) {
      const who = pick(seekers);
      const poolId = rng.int(POOLS);
      const capacity = purchaseCapacity(projectTo(s(), now));
      const roll = rng.int(10);
      const amount =
        roll === 0
          ? rng.between(1n, 2n * ONE)
          : roll < 3 || capacity < ONE
            ? rng.between(ONE, (capacity * 6n) / 5n + 2n * ONE)
            : rng.between(ONE, capacity);
      return {
        name: "buyProtection",
        describe: `pool ${poolId} ${amount} (capacity ${capacity}) for ${who}`,
        send: () => send(who, "buyProtection", [BigInt(poolId), amount, who]),
        mirror: () => buyProtection(s(), poolId, amount, now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; purchase: { id: bigint; maturesAt: bigint } };
          model.state = r.state;
          model.purchaseReceiver.set(r.purchase.id, who);
          model.boughtMaturesAt.set(r.purchase.id, r.purchase.maturesAt);
          return r.purchase.id;
        },
      };
    }
    // A buyer takes back a purchase frozen by a pending claim; due by its effective (possibly restarted) maturity.
    const queued = s().queue.filter((e) => !e.refunded);
    if (
      !redeemFirst &&
      choice >= 56 &&
      choice < 60 &&
      queued.length > 0 &&
      (s().claims.length > 0 || rng.int(4) === 0)
    ) {
      const entry = pick(queued);
      const buyer = model.purchaseReceiver.get(entry.id)!;
      return {
        name: "refundPurchase",
        describe: `#${entry.id} (bought to mature ${entry.maturesAt}, effective ${effectiveMaturity(s(), entry)}) by ${buyer}`,
        send: () => send(buyer, "refundPurchase", [entry.id]),
        mirror: () => refundFrozenPurchase(s(), entry.id, now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; amount: bigint };
          model.state = r.state;
          return r.amount;
        },
        label: () => "refundPurchase(frozen)",
      };
    }
    const holders = coverHolders(model);
    if (!redeemFirst && choice < 66 && holders.length > 0) {
      const { poolId, holder, tokens } = pick(holders);
      const amount = fraction(tokens);
      return {
        name: "withdrawProtection",
        describe: `pool ${poolId} ${amount} of ${tokens} by ${holder}`,
        send: () => send(holder, "withdrawProtection", [BigInt(poolId), amount, holder]),
        mirror: () =>
          withdrawProtection(s(), poolId, amount, coverOf(model, poolId, s().pools[poolId]!.epoch, holder), now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; assets: bigint };
          const epoch = s().pools[poolId]!.epoch;
          addCover(model, poolId, epoch, holder, -amount);
          model.state = r.state;
          return r.assets;
        },
      };
    }
    if (!redeemFirst && choice < 72 && holders.length > 0) {
      const { poolId, holder } = pick(holders);
      const opened = projectTo(s(), now).pools[poolId]!.epochOpenedAt;
      const incidentTime = rng.int(8) === 0 ? now + 10n : opened + rng.below(now - opened + 1n);
      let filer = holder;
      if (rng.int(10) === 0) filer = outsider;
      return {
        name: "fileClaim",
        describe: `pool ${poolId} incident ${incidentTime} by ${filer}`,
        send: () => send(filer, "fileClaim", [BigInt(poolId), incidentTime, "evidence"]),
        mirror: () =>
          fileClaim(s(), {
            poolId,
            incidentTime,
            filerTokens: coverOf(model, poolId, s().pools[poolId]!.epoch, filer),
            now,
          }),
        commit: (v) => {
          const r = v as { state: MetaPoolState; claim: { id: bigint } };
          model.state = r.state;
          claimFilers.set(key(addressKey(address), r.claim.id), filer);
          return r.claim.id;
        },
      };
    }
    if (!redeemFirst && choice < 82 && s().claims.length > 0) {
      const claim = s().claims[0]!;
      // Mostly rejected: an invalid ruling ends the freeze and restarts the frozen purchases' delay.
      const valid = rng.int(3) === 0;
      return {
        name: "resolveClaim",
        describe: `#${claim.id} ${valid ? "valid" : "invalid"}`,
        send: () => send(arbiter, "resolveClaim", [claim.id, valid]),
        mirror: () => resolveClaim(s(), { claimId: claim.id, valid, now }),
        commit: (v) => {
          const r = v as { state: MetaPoolState };
          model.state = r.state;
          if (valid) owe(model, claimFilers.get(key(addressKey(address), claim.id))!, claim.bond);
          return undefined;
        },
        label: () => `resolveClaim(${valid ? "valid" : "invalid"})`,
      };
    }
    const closed = s().closedEpochs.filter((c) => c.supply > 0n);
    if ((choice < 88 || redeemFirst) && closed.length > 0) {
      const c = pick(closed);
      const holding = seekers.filter((h) => coverOf(model, c.poolId, c.epoch, h) > 0n);
      const holder = holding.length > 0 && rng.int(8) !== 0 ? pick(holding) : pick(seekers);
      return {
        name: "redeemPayout",
        describe: `pool ${c.poolId} epoch ${c.epoch} by ${holder}`,
        send: () => send(holder, "redeemPayout", [BigInt(c.poolId), c.epoch, holder]),
        mirror: () => {
          const tokens = coverOf(model, c.poolId, c.epoch, holder);
          if (tokens === 0n) return { ok: false, error: { name: "NothingToRedeem" } } as unknown as Result<unknown>;
          return { ok: true, value: { tokens, ...redeemPayout(c, tokens) } };
        },
        commit: (v) => {
          const r = v as { tokens: bigint; assets: bigint; closed: typeof c };
          model.state = {
            ...model.state,
            closedEpochs: model.state.closedEpochs.map((x) =>
              x.poolId === c.poolId && x.epoch === c.epoch ? r.closed : x,
            ),
          };
          addCover(model, c.poolId, c.epoch, holder, -r.tokens);
          return r.assets;
        },
      };
    }
    if (choice < 93) {
      const owed = [arbiter, creator, ...seekers].filter((a) => owedTo(model, a) > 0n);
      // Nothing owed to anyone: mostly do something else (a NoFees revert is checked now and then).
      if (owed.length === 0 && rng.int(5) !== 0) return pickAction(rng, model, address, now);
      const who = owed.length > 0 && rng.int(5) !== 0 ? pick(owed) : pick([arbiter, creator, ...seekers]);
      return {
        name: "claimFees",
        describe: `by ${who}`,
        send: () => send(who, "claimFees", [who]),
        mirror: () => {
          const amount = owedTo(model, who);
          return amount === 0n
            ? ({ ok: false, error: { name: "NoFees" } } as unknown as Result<unknown>)
            : { ok: true, value: amount };
        },
        commit: (v) => {
          model.state = {
            ...model.state,
            fees: {
              arbiter: who === arbiter ? 0n : model.state.fees.arbiter,
              creator: who === creator ? 0n : model.state.fees.creator,
            },
          };
          model.bondsOwed.delete(who);
          return v;
        },
      };
    }
    if (s().isShutDown) {
      const holding = underwriters.filter((u) => shareBalance(model, u) > 0n);
      const who = holding.length > 0 && rng.int(8) !== 0 ? pick(holding) : pick(underwriters);
      const balance = shareBalance(model, who);
      const shares = fraction(balance);
      return {
        name: "exit",
        describe: `${shares} of ${balance} by ${who}`,
        send: () => send(who, "exit", [shares, who]),
        mirror: () => exit(s(), shares, shareBalance(model, who), now),
        commit: (v) => {
          const r = v as { state: MetaPoolState; assets: bigint };
          model.state = r.state;
          addShares(model, who, -shares);
          return r.assets;
        },
      };
    }
    const byArbiter = s().claims.length === 0 || rng.int(2) === 0;
    const caller = byArbiter ? arbiter : outsider;
    // Shutdown ends a sequence's interesting life: keep it rare and late.
    if (rng.int(4) !== 0 || stepOf() < STEPS / 2) return pickAction(rng, model, address, now);
    return {
      name: "shutdown",
      describe: `by ${byArbiter ? "the arbiter" : "an outsider"}`,
      send: () => send(caller, "shutdown", []),
      mirror: () => shutdown(s(), { byArbiter, now }),
      commit: (v) => {
        const r = v as { state: MetaPoolState; voided: { id: bigint; bond: bigint }[] };
        model.state = r.state;
        for (const c of r.voided) owe(model, claimFilers.get(key(addressKey(address), c.id))!, c.bond);
        return undefined;
      },
    };
  }

  const claimFilers = new Map<string, Address>();
  let currentStep = 0;
  const stepOf = () => currentStep;
  const addressKey = (a: Address) => a.toLowerCase();

  // ----- model bookkeeping -----

  function applySync(
    model: Model,
    outcome: { state: MetaPoolState; matured: { purchaseId: bigint; poolId: number; tokens: bigint; epoch: bigint }[] },
  ) {
    model.state = outcome.state;
    for (const m of outcome.matured) {
      if (m.tokens > 0n) addCover(model, m.poolId, m.epoch, model.purchaseReceiver.get(m.purchaseId)!, m.tokens);
    }
  }

  function shareBalance(model: Model, who: Address): bigint {
    const b = model.shares.get(who);
    return b ? sharesInCurrentEpoch(model.state, b.amount, b.epoch) : 0n;
  }

  function addShares(model: Model, who: Address, delta: bigint) {
    model.shares.set(who, { amount: shareBalance(model, who) + delta, epoch: model.state.shareEpoch });
  }

  function coverOf(model: Model, poolId: number, epoch: bigint, holder: Address): bigint {
    return model.cover.get(key(poolId, epoch, holder)) ?? 0n;
  }

  function addCover(model: Model, poolId: number, epoch: bigint, holder: Address, delta: bigint) {
    model.cover.set(key(poolId, epoch, holder), coverOf(model, poolId, epoch, holder) + delta);
  }

  function coverHolders(model: Model) {
    const out: { poolId: number; holder: Address; tokens: bigint }[] = [];
    model.state.pools.forEach((pool, poolId) => {
      for (const holder of seekers) {
        const tokens = coverOf(model, poolId, pool.epoch, holder);
        if (tokens > 0n) out.push({ poolId, holder, tokens });
      }
    });
    return out;
  }

  function owe(model: Model, who: Address, amount: bigint) {
    model.bondsOwed.set(who, (model.bondsOwed.get(who) ?? 0n) + amount);
  }

  function owedTo(model: Model, who: Address, state: MetaPoolState = model.state): bigint {
    return (
      (model.bondsOwed.get(who) ?? 0n) +
      (who === arbiter ? state.fees.arbiter : 0n) +
      (who === creator ? state.fees.creator : 0n)
    );
  }

  // ----- comparison -----

  /** The premium speeds a view at `now` reports: fixed by the projecting sync after its last maturity (SPEC §6). */
  function projectedSpeeds(state: MetaPoolState, now: bigint, projected: MetaPoolState): bigint[] {
    let fixedFrom = state;
    const due =
      state.claims.length === 0 && !state.isShutDown
        ? state.queue.filter((q) => effectiveMaturity(state, q) <= now)
        : [];
    if (due.length > 0)
      fixedFrom = projectTo(
        state,
        due.reduce((t, q) => (effectiveMaturity(state, q) > t ? effectiveMaturity(state, q) : t), 0n),
      );
    // A pool whose epoch closed since the speeds were fixed pays nothing for the rest of that sync.
    return premiumSpeeds(fixedFrom).map((speed, i) =>
      projected.pools[i]!.epoch !== fixedFrom.pools[i]!.epoch ? 0n : speed,
    );
  }

  async function compare(model: Model, address: Address, now: bigint, blockNumber: bigint, where: string) {
    const p = projectTo(model.state, now);
    const at = { blockNumber } as const;
    const read = (functionName: string, args: unknown[] = []) =>
      reader.readContract({
        address,
        abi: abis.metaPool,
        functionName: functionName as never,
        args: args as never,
        ...at,
      }) as Promise<unknown>;
    const openRequests = [...model.requests].filter(
      ([, r]) => sharesInCurrentEpoch(p, r.request.shares, r.request.shareEpoch) > 0n,
    );
    const buyPool = Number(now % BigInt(POOLS));
    const buyAmount = (now % 997n) * ONE + 1n;
    const coverKeys = [...model.cover].filter(([, v]) => v > 0n).map(([k]) => k.split(":"));
    const depositAmount = (now % 991n) * ONE + (now % 7n);
    const queued = p.queue.filter((e) => !e.refunded);
    const [block, view, fees, buy, withdraws, underlying, shareBalances, depositPreview, depositMax, purchases] =
      await Promise.all([
        reader.getBlock(at),
        read("metaPoolView") as Promise<{
          capital: bigint;
          freeCapital: bigint;
          totalActive: bigint;
          totalPending: bigint;
          shareSupply: bigint;
          shutDown: boolean;
          pendingClaims: bigint;
          lastRulingAt: number;
          freezeEndedAt: number;
          pools: readonly {
            epoch: number;
            active: bigint;
            pending: bigint;
            coverSupply: bigint;
            payout: bigint;
            utilisation: bigint;
            rate: bigint;
            premiumSpeed: bigint;
            debt: bigint;
            epochOpenedAt: number;
          }[];
        }>,
        Promise.all([arbiter, creator, ...seekers].map((a) => read("feesOwed", [a]) as Promise<bigint>)),
        read("previewBuy", [BigInt(buyPool), buyAmount]) as Promise<{
          capacity: bigint;
          pendingAhead: bigint;
          maturesAt: number;
          rateNow: bigint;
          rateAfter: bigint;
          payoutAfter: bigint;
          premiumSpeedAfter: bigint;
        }>,
        Promise.all(
          openRequests.map(
            ([id]) =>
              read("previewWithdrawal", [id]) as Promise<{
                shares: bigint;
                assets: bigint;
                assetsAtRequest: bigint;
                sharesIfCancelled: bigint;
                unlockAt: number;
              }>,
          ),
        ),
        Promise.all(
          coverKeys.map(
            ([pool, epoch, holder]) =>
              read("coverUnderlying", [
                BigInt(pool!),
                BigInt(epoch!),
                model.cover.get(key(pool!, epoch!, holder!))!,
              ]) as Promise<bigint>,
          ),
        ),
        Promise.all(underwriters.map((u) => read("balanceOf", [u]) as Promise<bigint>)),
        read("previewDeposit", [depositAmount]) as Promise<bigint>,
        read("maxDeposit", [underwriters[0]!]) as Promise<bigint>,
        Promise.all(
          queued.map((e) => read("purchase", [e.id]) as Promise<{ maturesAt: number; status: number; amount: bigint }>),
        ),
      ]);
    const eq = (got: unknown, want: unknown, what: string) => expectEqual(got, want, `${where}: ${what}`);
    eq(block.timestamp, now, "block time");
    const free = p.isShutDown ? 0n : freeCapital(p.capital, p.pools);
    eq(view.capital, p.capital, "capital");
    eq(view.freeCapital, free, "freeCapital");
    eq(view.totalActive, totalActive(p.pools), "totalActive");
    eq(view.totalPending, totalPending(p.pools), "totalPending");
    eq(view.shareSupply, p.shareSupply, "shareSupply");
    eq(view.shutDown, p.isShutDown, "shutDown");
    eq(view.pendingClaims, BigInt(p.claims.length), "pendingClaims");
    eq(BigInt(view.lastRulingAt), p.lastRulingAt, "lastRulingAt");
    eq(BigInt(view.freezeEndedAt), p.freezeEndedAt, "freezeEndedAt");
    // previewDeposit mints what deposit would (assets + C into an empty share supply); maxDeposit is 0 whenever
    // deposit reverts for everyone (shut down, a claim pending, more than 16 purchases due).
    eq(depositPreview, previewDeposit(depositAmount, p.capital, p.shareSupply), `previewDeposit(${depositAmount})`);
    eq(depositMax, maxDeposit(model.state, now), "maxDeposit");
    // Every purchase still queued reports its effective maturity: max(maturesAt, freezeEndedAt + purchaseDelay).
    queued.forEach((e, k) => {
      eq(BigInt(purchases[k]!.maturesAt), effectiveMaturity(p, e), `purchase(${e.id}).maturesAt`);
      eq(purchases[k]!.amount, e.amount, `purchase(${e.id}).amount`);
    });
    const speeds = projectedSpeeds(model.state, now, p);
    p.pools.forEach((pool, i) => {
      const v = view.pools[i]!;
      const pv = poolView(p, i);
      const u = utilisation(pool.active, free);
      eq(BigInt(v.epoch), pool.epoch, `pool ${i} epoch`);
      eq(v.active, pool.active, `pool ${i} active`);
      eq(v.pending, pool.pending, `pool ${i} pending`);
      eq(v.coverSupply, pool.supply, `pool ${i} coverSupply`);
      eq(v.utilisation, u, `pool ${i} utilisation`);
      eq(v.rate, p.isShutDown ? 0n : fundingRate(p.params.curve, u), `pool ${i} rate`);
      // The view shows 0 for a pool without tokens (a valid claim would take nothing, SPEC §7).
      eq(v.payout, pool.supply === 0n ? 0n : pv.payout, `pool ${i} payout`);
      eq(v.premiumSpeed, speeds[i], `pool ${i} premiumSpeed`);
      eq(v.debt, pendingClaimOn(p, i) ? premiumDebt(pool) : 0n, `pool ${i} debt`);
      if (pool.epochOpenedAt !== 0n) eq(BigInt(v.epochOpenedAt), pool.epochOpenedAt, `pool ${i} epochOpenedAt`);
    });
    [arbiter, creator, ...seekers].forEach((a, k) => eq(fees[k], owedTo(model, a, p), `feesOwed(${a})`));
    // previewBuy, by the contract's formula over the mirror's primitives: pending purchases reserve nothing.
    {
      const pool = p.pools[buyPool]!;
      eq(buy.capacity, p.isShutDown || p.claims.length > 0 ? 0n : purchaseCapacity(p), "previewBuy capacity (C − ΣK)");
      eq(buy.pendingAhead, totalPending(p.pools), "previewBuy pendingAhead (ΣR)");
      eq(BigInt(buy.maturesAt), now + p.params.purchaseDelay, "previewBuy maturesAt");
      const rateOf = (a: bigint, f: bigint) => (p.isShutDown ? 0n : fundingRate(p.params.curve, utilisation(a, f)));
      const accepted = min(buyAmount, free);
      eq(buy.rateNow, rateOf(pool.active, free), "previewBuy rateNow");
      eq(buy.rateAfter, rateOf(pool.active + accepted, free - accepted), "previewBuy rateAfter");
      const payoutAfter = payoutOf(pool.active + accepted, free - accepted, p.params.payoutMultiple);
      eq(buy.payoutAfter, payoutAfter, "previewBuy payoutAfter");
      eq(
        buy.premiumSpeedAfter,
        rateOf(pool.active + accepted, free - accepted) * payoutAfter,
        "previewBuy premiumSpeedAfter",
      );
    }
    openRequests.forEach(([id, { request }], k) => {
      const q = withdraws[k]!;
      const shares = sharesInCurrentEpoch(p, request.shares, request.shareEpoch);
      eq(q.shares, shares, `previewWithdrawal(${id}) shares`);
      eq(q.assetsAtRequest, request.assetsAtRequest, `previewWithdrawal(${id}) assetsAtRequest`);
      eq(
        q.assets,
        min(request.assetsAtRequest, convertToAssets(shares, p.capital, p.shareSupply)),
        `previewWithdrawal(${id}) assets`,
      );
      eq(BigInt(q.unlockAt), request.unlockAt, `previewWithdrawal(${id}) unlockAt`);
    });
    coverKeys.forEach(([pool, epoch, holder], k) => {
      const poolId = Number(pool);
      const tokens = model.cover.get(key(pool!, epoch!, holder!))!;
      const e = BigInt(epoch!);
      let want: bigint;
      if (e === p.pools[poolId]!.epoch) want = tokens > p.pools[poolId]!.supply ? 0n : underlyingOf(p, poolId, tokens);
      else {
        const c = p.closedEpochs.find((x) => x.poolId === poolId && x.epoch === e);
        want = !c || c.supply === 0n ? 0n : mulDivDown(tokens, c.remaining, c.supply);
      }
      eq(underlying[k], want, `coverUnderlying(pool ${poolId}, epoch ${e}) of ${holder}`);
    });
    underwriters.forEach((u, k) => {
      const b = model.shares.get(u);
      eq(shareBalances[k], b ? sharesInCurrentEpoch(p, b.amount, b.epoch) : 0n, `share balance of ${u}`);
    });
  }
});

function expectEqual(got: unknown, want: unknown, what: string) {
  const norm = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  if (norm(got) !== norm(want)) throw new Mismatch(`${what}: chain ${norm(got)}, mirror ${norm(want)}`);
}

function errorName(data: Hex | undefined): string {
  if (!data || data === "0x") return "unknown";
  try {
    return decodeErrorResult({ abi: abis.metaPool, data }).errorName;
  } catch {
    try {
      return decodeErrorResult({ abi: abis.token, data }).errorName;
    } catch {
      return `undecoded ${data.slice(0, 10)}`;
    }
  }
}

/** The mirror's error names are the contract's; the mirror has no NotArbiter for an outsider's early shutdown. */
function sameError(mirror: ProtocolError | { name: string }, chain: string): boolean {
  return mirror.name === chain;
}
