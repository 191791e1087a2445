// `metaPoolView()`'s answer decoded by its fixed layout: viem's generic decoder took ~1.3 ms per view (16 pools of 13
// fields, strings, checksummed addresses), ~0.45 s of main thread for a Portfolio of 246 MetaPools before anything
// showed. Same output as viem's, held by lib/abi/metaPoolView.test.ts against viem's encoder.
import {
  bytesToString,
  checksumAddress,
  hexToBytes,
  toFunctionSelector,
  trim,
  type Address,
  type Client,
  type Hex,
} from "viem";
import { call, readContract } from "viem/actions";

import { metaPoolExtensionAbi } from "../../abis";
import type { MetaPoolView } from "../types/metaPool";

/** A cursor over the answer's 32-byte words (hex, no 0x): word `i` of the block at byte offset `base`. */
function words(data: Hex) {
  const hex = data.slice(2);
  const at = (byte: number) => {
    if (byte + 32 > hex.length / 2) throw new RangeError(`metaPoolView answer too short for byte ${byte}`);
    return hex.slice(byte * 2, byte * 2 + 64);
  };
  const big = (byte: number) => BigInt(`0x${at(byte)}`);
  return {
    big,
    /** A uint of at most 48 bits, as viem returns it: a number. */
    small: (byte: number) => Number(big(byte)),
    offset: (byte: number) => Number(big(byte)),
    address: (byte: number) => checksumAddress(`0x${at(byte).slice(24)}`),
    bytes32: (byte: number) => `0x${at(byte)}` as Hex,
    bool: (byte: number) => big(byte) !== 0n,
    /** A string whose offset word is at `byte`, relative to its tuple's start `base`. */
    string(base: number, byte: number) {
      const start = base + Number(big(byte));
      const length = Number(big(start));
      if (length === 0) return "";
      if (start + 32 + length > hex.length / 2) throw new RangeError("metaPoolView string past the answer's end");
      return bytesToString(trim(hexToBytes(`0x${hex.slice((start + 32) * 2, (start + 32 + length) * 2)}`)));
    },
  };
}

/** Decodes `metaPoolView()`'s return data as viem's `decodeFunctionResult` would (same values, same types). */
export function decodeMetaPoolView(data: Hex): MetaPoolView {
  const w = words(data);
  const v = w.offset(0);
  const word = (base: number, i: number) => base + 32 * i;
  const c = v + w.offset(word(v, 1));
  const config = {
    asset: w.address(word(c, 0)),
    decimals: w.small(word(c, 1)),
    arbiter: w.address(word(c, 2)),
    creator: w.address(word(c, 3)),
    name: w.string(c, word(c, 4)),
    protectionStatementHash: w.bytes32(word(c, 5)),
    arbiterFeeBps: w.small(word(c, 6)),
    creatorFeeBps: w.small(word(c, 7)),
    curve: {
      baseRate: w.big(word(c, 8)),
      slope1: w.big(word(c, 9)),
      kink: w.big(word(c, 10)),
      slope2: w.big(word(c, 11)),
    },
    payoutMultiple: w.small(word(c, 12)),
    withdrawalPeriod: w.small(word(c, 13)),
    purchaseDelay: w.small(word(c, 14)),
    claimBond: w.big(word(c, 15)),
    minPurchase: w.big(word(c, 16)),
    poolCount: w.small(word(c, 17)),
  };
  const list = v + w.offset(word(v, 17));
  const count = w.offset(list);
  const items = list + 32;
  const pools = Array.from({ length: count }, (_, i) => {
    const p = items + w.offset(word(items, i));
    return {
      name: w.string(p, word(p, 0)),
      token: w.address(word(p, 1)),
      epoch: w.small(word(p, 2)),
      epochOpenedAt: w.small(word(p, 3)),
      active: w.big(word(p, 4)),
      pending: w.big(word(p, 5)),
      coverSupply: w.big(word(p, 6)),
      payout: w.big(word(p, 7)),
      utilisation: w.big(word(p, 8)),
      rate: w.big(word(p, 9)),
      premiumSpeed: w.big(word(p, 10)),
      debt: w.big(word(p, 11)),
      pendingClaimId: w.big(word(p, 12)),
    };
  });
  return {
    metaPool: w.address(word(v, 0)),
    config,
    capital: w.big(word(v, 2)),
    freeCapital: w.big(word(v, 3)),
    totalActive: w.big(word(v, 4)),
    totalPending: w.big(word(v, 5)),
    shareSupply: w.big(word(v, 6)),
    shareEpoch: w.small(word(v, 7)),
    shutDown: w.bool(word(v, 8)),
    pendingClaims: w.big(word(v, 9)),
    firstPendingClaimId: w.big(word(v, 10)),
    queueLength: w.big(word(v, 11)),
    dueUnprocessed: w.big(word(v, 12)),
    feesOwedTotal: w.big(word(v, 13)),
    lastSyncAt: w.small(word(v, 14)),
    lastRulingAt: w.small(word(v, 15)),
    freezeEndedAt: w.small(word(v, 16)),
    pools,
  };
}

const METAPOOL_VIEW = toFunctionSelector("metaPoolView()");

/**
 * `metaPoolView()` of `address`, decoded by decodeMetaPoolView; a revert, an empty or malformed answer is read again
 * through viem's readContract, whose error names the contract's reason.
 */
export async function readMetaPoolView(client: Client, address: Address): Promise<MetaPoolView> {
  try {
    const { data } = await call(client, { to: address, data: METAPOOL_VIEW });
    if (data && data.length > 2) return decodeMetaPoolView(data);
  } catch {
    // viem's read below says what went wrong.
  }
  return readContract(client, { address, abi: metaPoolExtensionAbi, functionName: "metaPoolView" });
}
