// An arbiter's history, from the indexer or, without one, from the chain's events. Relative imports: the indexer's
// test reads the chain through this same function to hold its endpoint against it.
import type { Address, Client } from "viem";
import { getBlock, getContractEvents } from "viem/actions";

import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import { historyFromEvents } from "../arbiter/fromEvents";
import { historyFromJson } from "../arbiter/json";
import type { ArbiterHistory } from "../arbiter/types";

/** The chain the fallback reads: any viem Client (its actions are imported one by one, not carried by the client). */
export type ArbiterClient = Client;

/** Some nodes (Anvil, recent geth) put the block time on each log; otherwise the block is read once. */
function logTime(log: object): bigint | undefined {
  const value = (log as { blockTimestamp?: unknown }).blockTimestamp;
  if (typeof value === "bigint") return value;
  if (typeof value === "string" && value !== "") return BigInt(value);
  if (typeof value === "number") return BigInt(value);
  return undefined;
}

/**
 * The chain fallback: the factory's `MetaPoolCreated` naming the arbiter (an indexed argument, so one filtered
 * scan), then one scan per event over those MetaPools, from the factory's first block. Only the factory's own logs
 * name MetaPools, so a look-alike contract cannot add to the record.
 */
export async function readArbiterHistoryFromChain(
  client: ArbiterClient,
  arbiter: Address,
  { factory, fromBlock }: { factory: Address; fromBlock: bigint },
): Promise<ArbiterHistory> {
  const created = await getContractEvents(client, {
    address: factory,
    abi: metaPoolFactoryAbi,
    eventName: "MetaPoolCreated",
    args: { arbiter },
    fromBlock,
    strict: true,
  });
  const address = created.map((l) => l.args.metaPool);
  const scan = <N extends "ClaimFiled" | "ClaimResolved" | "ClaimVoided" | "MetaPoolShutDown">(eventName: N) =>
    address.length === 0
      ? Promise.resolve([])
      : getContractEvents(client, { address, abi: metaPoolExtensionAbi, eventName, fromBlock, strict: true });
  const [filed, resolved, voided, shutDown] = await Promise.all([
    scan("ClaimFiled"),
    scan("ClaimResolved"),
    scan("ClaimVoided"),
    scan("MetaPoolShutDown"),
  ]);
  const times = new Map<bigint, bigint>();
  for (const log of [...filed, ...resolved, ...voided]) {
    const time = logTime(log);
    if (time !== undefined) times.set(log.blockNumber, time);
  }
  const missing = [...new Set([...filed, ...resolved, ...voided].map((l) => l.blockNumber))].filter(
    (block) => !times.has(block),
  );
  const blocks = await Promise.all(missing.map((blockNumber) => getBlock(client, { blockNumber })));
  for (const block of blocks) times.set(block.number, block.timestamp);
  const at = (l: { blockNumber: bigint }) => times.get(l.blockNumber)!;

  return historyFromEvents(arbiter, {
    created: created.map((l) => ({
      metaPool: l.args.metaPool,
      name: l.args.params.name,
      protectionStatement: l.args.params.protectionStatement,
    })),
    filed: filed.map((l) => ({ metaPool: l.address, claimId: l.args.claimId, time: at(l) })),
    resolved: resolved.map((l) => ({ metaPool: l.address, claimId: l.args.claimId, valid: l.args.valid, time: at(l) })),
    voided: voided.map((l) => ({ metaPool: l.address, claimId: l.args.claimId, time: at(l) })),
    shutDown: shutDown.map((l) => ({ metaPool: l.address, time: BigInt(l.args.timestamp) })),
  });
}

/** The indexer's `/canopy/arbiter/:address`: the same rows, one request. */
export async function readArbiterHistoryFromIndexer(
  indexerUrl: string,
  arbiter: Address,
  fetchImpl: typeof fetch = fetch,
): Promise<ArbiterHistory> {
  const res = await fetchImpl(`${indexerUrl}/canopy/arbiter/${arbiter}`);
  if (!res.ok) throw new Error(`the indexer answered ${res.status} for arbiter ${arbiter}`);
  return historyFromJson(await res.json());
}

export interface ArbiterSources {
  /** The indexer's base URL; null reads the chain. */
  indexerUrl: string | null;
  /** The chain and the factory to scan from; absent when the app has no deployment here. */
  chain?: { client: ArbiterClient; factory: Address; fromBlock: bigint };
}

/** The indexer when one is configured, the chain when not or when the indexer does not answer. */
export async function readArbiterHistory(
  sources: ArbiterSources,
  arbiter: Address,
  fetchImpl: typeof fetch = fetch,
): Promise<{ history: ArbiterHistory; source: "indexer" | "chain" }> {
  if (sources.indexerUrl) {
    try {
      return {
        history: await readArbiterHistoryFromIndexer(sources.indexerUrl, arbiter, fetchImpl),
        source: "indexer",
      };
    } catch (error) {
      if (!sources.chain) throw error;
    }
  }
  if (!sources.chain) throw new Error("no indexer and no MetaPool factory on this chain to read an arbiter's record");
  const { client, ...scan } = sources.chain;
  return { history: await readArbiterHistoryFromChain(client, arbiter, scan), source: "chain" };
}
