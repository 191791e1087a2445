/** Creating MetaPools through the factory in the chain suites. */
import { decodeEventLog, type Address } from "viem";

import { metaPoolFactoryAbi } from "@/abis";

import { abis, type ChainDriver } from "./client";

export const WAD = 10n ** 18n;
export const pct = (x: bigint) => x * 10n ** 16n;

export interface CreateOptions {
  asset: Address;
  arbiter: Address;
  name: string;
  protectionStatement: string;
  pools: { name: string; description: string }[];
  arbiterFeeBps?: number;
  creatorFeeBps?: number;
  curve?: { baseRate: bigint; slope1: bigint; kink: bigint; slope2: bigint };
  payoutMultiple?: number;
  withdrawalPeriod?: number;
  purchaseDelay?: number;
  claimBond: bigint;
  minPurchase: bigint;
}

/** createMetaPool from `creator`; returns the clone's address (from the factory's event). */
export async function createMetaPool(
  chain: ChainDriver,
  factory: Address,
  creator: Address,
  o: CreateOptions,
): Promise<Address> {
  const params = {
    asset: o.asset,
    arbiter: o.arbiter,
    name: o.name,
    protectionStatement: o.protectionStatement,
    pools: o.pools,
    arbiterFeeBps: o.arbiterFeeBps ?? 500,
    creatorFeeBps: o.creatorFeeBps ?? 500,
    curve: o.curve ?? { baseRate: pct(2n), slope1: pct(8n), kink: pct(80n), slope2: pct(100n) },
    payoutMultiple: o.payoutMultiple ?? 0,
    withdrawalPeriod: o.withdrawalPeriod ?? 3 * 86_400,
    purchaseDelay: o.purchaseDelay ?? 3_600,
    claimBond: o.claimBond,
    minPurchase: o.minPurchase,
  };
  const { result, receipt } = await chain.send(creator, factory, abis.factory, "createMetaPool", [params]);
  const created = receipt.logs
    .filter((log) => log.address.toLowerCase() === factory.toLowerCase())
    .map((log) => decodeEventLog({ abi: metaPoolFactoryAbi, ...log, strict: false }))
    .find((e) => e.eventName === "MetaPoolCreated");
  if (!created || created.args.metaPool !== result) throw new Error(`no MetaPoolCreated event for ${result}`);
  return result;
}

/** Faucets `amount` base units of the demo `token` to `account` (in FAUCET_LIMIT-sized calls) and approves `spender`. */
export async function fund(
  chain: ChainDriver,
  token: Address,
  account: Address,
  amount: bigint,
  spender?: Address,
): Promise<void> {
  const decimals = await chain.client.readContract({ address: token, abi: abis.token, functionName: "decimals" });
  const limit =
    (await chain.client.readContract({ address: token, abi: abis.token, functionName: "FAUCET_LIMIT" })) *
    10n ** BigInt(decimals);
  for (let left = amount; left > 0n; left -= left < limit ? left : limit) {
    await chain.send(account, token, abis.token, "faucet", [left < limit ? left : limit]);
  }
  if (spender) await chain.send(account, token, abis.token, "approve", [spender, (1n << 256n) - 1n]);
}
