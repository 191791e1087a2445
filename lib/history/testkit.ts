import type { Hash } from "viem";

import type { MetaPoolEventArgs, MetaPoolEventName, MetaPoolLog } from "./events";

/** A decoded log as fetchMetaPoolLogs returns it, for tests of the derivations. */
export function syntheticLog<N extends MetaPoolEventName>(
  eventName: N,
  args: MetaPoolEventArgs<N>,
  at: { block: bigint; index?: number; time: bigint },
): MetaPoolLog {
  return {
    eventName,
    args,
    blockNumber: at.block,
    logIndex: at.index ?? 0,
    transactionHash: `0x${at.block.toString(16).padStart(64, "0")}` as Hash,
    timestamp: at.time,
  } as MetaPoolLog;
}
