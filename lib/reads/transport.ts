import type { Chain, ClientConfig, HttpTransportConfig } from "viem";

/**
 * How the app's reads are batched on a chain (lib/wagmi.ts builds its client from `readBatching`; the chain tests
 * measure the same options).
 *
 * - `multicall`: on a chain whose viem definition names a Multicall3 (Ethereum, Base, Arbitrum, Optimism and their
 *   testnets), the calls of one tick become one `aggregate3` eth_call; JSON-RPC batching stays off, because hosted
 *   RPCs cap batches (or bill each call in them) and answer an oversized one with an error.
 * - `json-rpc`: on Anvil (no Multicall3 at a known address on a fresh node), the calls of one tick go out as one
 *   JSON-RPC batch, one HTTP request. The explore page reads a page of MetaPools as two such batches.
 */
export type ReadBatching = "multicall" | "json-rpc";

/** Calls in one JSON-RPC batch: viem's default, stated so a page size can be checked against it. */
export const RPC_BATCH_SIZE = 1_000;

/** Calldata bytes in one multicall (viem splits above it): viem's default, small enough for any provider's eth_call. */
export const MULTICALL_BATCH_BYTES = 1_024;

/** JSON-RPC batching, as on Anvil: also what the chain suites use to count requests. */
export const rpcTransportOptions = {
  batch: { batchSize: RPC_BATCH_SIZE, wait: 0 },
} as const satisfies HttpTransportConfig;

export function readBatchingFor(chain: Pick<Chain, "contracts">): ReadBatching {
  return chain.contracts?.multicall3 ? "multicall" : "json-rpc";
}

/** The client's `batch` and the HTTP transport's options for `chain`. */
export function readBatching(chain: Pick<Chain, "contracts">): {
  kind: ReadBatching;
  batch: NonNullable<ClientConfig["batch"]>;
  transport: HttpTransportConfig;
} {
  const kind = readBatchingFor(chain);
  return kind === "multicall"
    ? { kind, batch: { multicall: { batchSize: MULTICALL_BATCH_BYTES, wait: 0 } }, transport: { batch: false } }
    : { kind, batch: { multicall: false }, transport: rpcTransportOptions };
}
