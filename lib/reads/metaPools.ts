import type { Address, Client } from "viem";
import { getBlockNumber, getChainId, getContractEvents, readContract } from "viem/actions";

import { metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";
import { deploymentFor } from "@/lib/deployment";
import { NotCreatedByFactoryError } from "@/lib/errors/notAMetaPool";
import type { MetaPoolDetails, MetaPoolView } from "@/lib/types/metaPool";

import { readLogsInRanges, type BlockRange } from "./logs";
import { RPC_BATCH_SIZE } from "./transport";

type CreationParams = MetaPoolDetails["params"];

/** Creation parameters never change: each MetaPool's `MetaPoolCreated` is read once per session, by chain and factory. */
const creations = new Map<string, Promise<CreationParams | undefined>>();

/** Where a MetaPool was created, if something (the indexer) knows: null or a failure means "not known". */
export type CreationBlockHint = () => Promise<bigint | null>;

function creationEvents(client: Client, factory: Address, metaPool: Address, range: BlockRange) {
  return getContractEvents(client, {
    address: factory,
    abi: metaPoolFactoryAbi,
    eventName: "MetaPoolCreated",
    args: { metaPool },
    strict: true,
    ...range,
  });
}

type CreationLog = Awaited<ReturnType<typeof creationEvents>>[number];

function creationIn(logs: readonly CreationLog[], metaPool: Address): CreationParams | undefined {
  return logs.find((log) => log.args.metaPool.toLowerCase() === metaPool.toLowerCase())?.args.params;
}

/** The hinted block alone, when it is a block in [fromBlock, head]; undefined when the hint is unknown or misses. */
async function readAtHint(
  client: Client,
  factory: Address,
  metaPool: Address,
  fromBlock: bigint,
  hint: CreationBlockHint,
): Promise<CreationParams | undefined> {
  const block = await hint().catch(() => null);
  if (block === null || block < fromBlock) return undefined;
  return creationIn(await creationEvents(client, factory, metaPool, { fromBlock: block, toBlock: block }), metaPool);
}

function readCreation(
  client: Client,
  chainId: number,
  factory: Address,
  metaPool: Address,
  fromBlock: bigint,
  hint: CreationBlockHint | undefined,
): Promise<CreationParams | undefined> {
  const key = `${chainId}:${factory.toLowerCase()}:${metaPool.toLowerCase()}:${fromBlock}`;
  const known = creations.get(key);
  if (known) return known;
  const read = (async () => {
    // The log is still the factory's, read from the chain: a wrong hint costs the scan below, never a wrong text.
    const atHint = hint && (await readAtHint(client, factory, metaPool, fromBlock, hint));
    if (atHint) return atHint;
    const toBlock = await getBlockNumber(client, { cacheTime: 0 });
    const logs = await readLogsInRanges(
      (range) => creationEvents(client, factory, metaPool, range),
      fromBlock,
      toBlock,
    );
    return creationIn(logs, metaPool);
  })();
  creations.set(key, read);
  // Only a found creation is final: a failed read, or an address the factory has not created (yet), is read again.
  read.then(
    (params) => params ?? creations.delete(key),
    () => creations.delete(key),
  );
  return read;
}

/**
 * One page of the explore list: the factory's count and `limit` MetaPools from `offset`, each with its aggregate
 * view. Two round trips over a batching transport: the count and the page's addresses in one batch, then every
 * `metaPoolView()` of the page in a second one (a MetaPool answers the extension's ABI through its fallback).
 */
export async function readMetaPoolPage(
  client: Client,
  factory: Address,
  offset: bigint,
  limit: bigint,
): Promise<{ total: bigint; metaPools: MetaPoolView[] }> {
  if (offset < 0n || limit < 0n) throw new RangeError(`offset and limit must be ≥ 0, got ${offset}, ${limit}`);
  if (limit > BigInt(RPC_BATCH_SIZE)) throw new RangeError(`limit ${limit} exceeds one RPC batch (${RPC_BATCH_SIZE})`);
  const read = { address: factory, abi: metaPoolFactoryAbi } as const;
  const [total, addresses] = await Promise.all([
    readContract(client, { ...read, functionName: "metaPoolCount" }),
    limit === 0n
      ? Promise.resolve([] as readonly Address[])
      : readContract(client, { ...read, functionName: "metaPools", args: [offset, limit] }),
  ]);
  const metaPools = await Promise.all(
    addresses.map((address) =>
      readContract(client, { address, abi: metaPoolExtensionAbi, functionName: "metaPoolView" }),
    ),
  );
  return { total, metaPools };
}

/**
 * One MetaPool's page: its view and the creation parameters from the factory's `MetaPoolCreated` event (the pool
 * stores only hashes of the long texts), read once: a refresh reads only the view. Both requests go out together.
 * `factory` and `fromBlock` default to the deployment of the client's chain; only the factory's own log is trusted
 * (anyone can emit a look-alike event). `creationBlock`, when given, is tried first: one getLogs over that block
 * instead of the factory's whole log in ranges (on a hosted RPC, hundreds of requests a year after deployment).
 * `onView` gets the view as soon as it arrives, before the creation log: the page starts its asset's read with it.
 */
export async function readMetaPool(
  client: Client,
  address: Address,
  options: {
    factory?: Address;
    fromBlock?: bigint;
    creationBlock?: CreationBlockHint;
    onView?: (view: MetaPoolView) => void;
  } = {},
): Promise<MetaPoolDetails> {
  const chainId = client.chain?.id ?? (await getChainId(client));
  const deployment = deploymentFor(chainId);
  const factory = options.factory ?? deployment?.metaPoolFactory;
  if (!factory) throw new Error(`Canopy is not deployed on chain ${chainId}: no MetaPool factory to check against`);
  const fromBlock = options.fromBlock ?? (factory === deployment?.metaPoolFactory ? deployment.startBlock : 0n);
  const [view, params] = await Promise.all([
    readContract(client, { address, abi: metaPoolExtensionAbi, functionName: "metaPoolView" }).then((v) => {
      options.onView?.(v);
      return v;
    }),
    readCreation(client, chainId, factory, address, fromBlock, options.creationBlock),
  ]);
  if (!params) throw new NotCreatedByFactoryError({ address, fromBlock });
  return { view, params };
}
