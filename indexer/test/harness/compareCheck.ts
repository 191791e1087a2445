// What every part of the indexer-vs-chain comparison shares: the reads at one block and the `same` check that
// counts what it compares and records each mismatch.
import type { Address } from "viem";

import { cloneAbi, type Market } from "./market";
import type { Indexer } from "./ponder";

export type Row = Record<string, unknown>;

export interface Check {
  market: Market;
  client: Market["chain"]["client"];
  db: Indexer["db"];
  block: bigint;
  /** Every test account: their balances are compared even when nothing was indexed for them. */
  actors: Address[];
  mismatches: string[];
  /** Compares an indexed value with the chain's (addresses case-insensitively, numbers as bigints). */
  same: (label: string, indexed: unknown, chain: unknown) => void;
  /** A MetaPool view at the compared block. */
  read: <T>(address: Address, functionName: string, args?: unknown[]) => Promise<T>;
  /** How many values `same` compared. */
  checked: () => number;
}

const norm = (v: unknown): unknown => {
  if (typeof v === "string" && /^0x[0-9a-fA-F]*$/.test(v)) return v.toLowerCase();
  if (typeof v === "number") return BigInt(v);
  return v;
};

export function check(market: Market, indexer: Indexer, block: bigint): Check {
  const { client, accounts } = market.chain;
  const mismatches: string[] = [];
  let checked = 0;
  const same = (label: string, indexed: unknown, chain: unknown) => {
    checked++;
    const [a, b] = [norm(indexed ?? null), norm(chain ?? null)];
    if (a !== b && JSON.stringify(a, big) !== JSON.stringify(b, big))
      mismatches.push(`${label}: indexed ${show(indexed)}, chain ${show(chain)}`);
  };
  const read = <T>(address: Address, functionName: string, args: unknown[] = []) =>
    client.readContract({
      address,
      abi: cloneAbi,
      functionName: functionName as "capital",
      args: args as [],
      blockNumber: block,
    }) as Promise<T>;
  return {
    market,
    client,
    db: indexer.db,
    block,
    actors: accounts.map((a) => a.address),
    mismatches,
    same,
    read,
    checked: () => checked,
  };
}

function big(_key: string, value: unknown) {
  return typeof value === "bigint" ? value.toString() : value;
}
function show(value: unknown) {
  return typeof value === "bigint" ? value.toString() : JSON.stringify(value, big);
}
