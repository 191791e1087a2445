/** What every generated action is and sees: one transaction on Anvil, its mirror outcome and the model update. */
import type { Address } from "viem";

import { abis, type ChainDriver } from "@/lib/testing/chain/client";

import type { Result } from "../../index";
import { ONE, type Actors, type Model, type Rng } from "../model";

export interface Action {
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

/** One step of a sequence: the model (synced to `now`), the MetaPool it acts on and the seeded generator. */
export interface ActionContext {
  rng: Rng;
  model: Model;
  address: Address;
  now: bigint;
  actors: Actors;
  /** The filer of every claim, by MetaPool and claim id: a valid ruling or a shutdown owes the bond back. */
  claimFilers: Map<string, Address>;
  /** The step within the sequence, and how many it has. */
  step: number;
  steps: number;
  send: (from: Address, fn: string, args: unknown[]) => Promise<{ result: unknown; receipt: { blockNumber: bigint } }>;
  pick: <T>(xs: T[]) => T;
  /** Part of `x`: all of it now and then, some amount when x is 0. */
  fraction: (x: bigint) => bigint;
}

export function actionContext(
  chain: ChainDriver,
  step: Omit<ActionContext, "send" | "pick" | "fraction">,
): ActionContext {
  const { rng, address } = step;
  return {
    ...step,
    send: (from, fn, args) => chain.send(from, address, abis.metaPool, fn as never, args as never),
    pick: <T>(xs: T[]): T => xs[rng.int(xs.length)]!,
    fraction: (x) => (x === 0n ? rng.between(1n, 10n * ONE) : rng.int(6) === 0 ? x : rng.between(1n, x)),
  };
}
