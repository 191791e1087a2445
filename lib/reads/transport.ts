import type { HttpTransportConfig } from "viem";

/**
 * Options of the app's HTTP transport (lib/wagmi.ts passes them to `http(rpcUrl, rpcTransportOptions)`), shared
 * with the chain tests so they measure exactly what the app sends.
 *
 * `batch`: calls made in the same tick are merged into one JSON-RPC batch, one HTTP request. The explore page
 * reads a page of MetaPools as two such batches (see `readMetaPoolPage`). 1 000 calls a batch is viem's default,
 * stated here so a page size can be checked against it.
 */
export const RPC_BATCH_SIZE = 1_000;

export const rpcTransportOptions = {
  batch: { batchSize: RPC_BATCH_SIZE, wait: 0 },
} as const satisfies HttpTransportConfig;
