import type { ContractEventArgsFromTopics, ContractEventName, Hash } from "viem";

import { metaPoolAbi, metaPoolExtensionAbi } from "../../abis";

type EventOf<T> = T extends { type: "event" } ? T : never;
type MetaPoolAbiEvent = EventOf<(typeof metaPoolAbi)[number] | (typeof metaPoolExtensionAbi)[number]>;

/**
 * Every event a MetaPool address emits. The core and the extension (reached through the core's
 * fallback) declare the same events; duplicates by name are dropped so getLogs asks for each
 * topic once.
 */
export const metaPoolEventsAbi: readonly MetaPoolAbiEvent[] = [...metaPoolAbi, ...metaPoolExtensionAbi]
  .filter((item): item is MetaPoolAbiEvent => item.type === "event")
  .filter((item, index, all) => all.findIndex((other) => other.name === item.name) === index);

export type MetaPoolEventsAbi = readonly MetaPoolAbiEvent[];
export type MetaPoolEventName = ContractEventName<MetaPoolEventsAbi>;
export type MetaPoolEventArgs<N extends MetaPoolEventName> = ContractEventArgsFromTopics<MetaPoolEventsAbi, N, true>;

/** One decoded MetaPool event with where and when it happened. */
export type MetaPoolLog = {
  [N in MetaPoolEventName]: {
    eventName: N;
    args: MetaPoolEventArgs<N>;
    blockNumber: bigint;
    logIndex: number;
    transactionHash: Hash;
    /** Unix seconds of the block that emitted the event. */
    timestamp: bigint;
  };
}[MetaPoolEventName];

export type MetaPoolLogOf<N extends MetaPoolEventName> = Extract<MetaPoolLog, { eventName: N }>;

/** Chain order: block, then position in the block. */
export function compareLogs(
  a: Pick<MetaPoolLog, "blockNumber" | "logIndex">,
  b: Pick<MetaPoolLog, "blockNumber" | "logIndex">,
): number {
  if (a.blockNumber !== b.blockNumber) return a.blockNumber < b.blockNumber ? -1 : 1;
  return a.logIndex - b.logIndex;
}

/**
 * When the event took effect: a maturity or a sync batch can be earlier than its block (purchases
 * mature at `maturesAt`, a poke batch accrues to its last maturity), so those use their own time.
 */
export function eventTime(log: MetaPoolLog): bigint {
  switch (log.eventName) {
    case "Synced":
      return BigInt(log.args.timestamp);
    case "PurchaseMatured":
      return BigInt(log.args.maturedAt);
    case "CoverEpochOpened":
      return BigInt(log.args.openedAt);
    default:
      return log.timestamp;
  }
}
