/** The account's positions: its own query file, apart from hooks/queries.ts (the position history has two sources). */
import { queryOptions, skipToken } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";

import { followingBlocks, onNewBlock } from "@/hooks/refresh";
import { deployment } from "@/lib/contracts";
import { queryKeys } from "@/lib/queryKeys";
import { readAccountPosition } from "@/lib/reads/positions";
import { readPositionHistories } from "@/lib/reads/positionSource";
import type { MetaPoolView } from "@/lib/types/metaPool";

/**
 * The account's position in each of `views` at the chain's `now`: its history from the indexer at `indexer` (null:
 * from the events), every figure from the chain. Keyed under both the account and the MetaPools, so a write to
 * either refreshes it.
 */
export function accountPositionsQuery(
  client: PublicClient | undefined,
  account: Address | undefined,
  views: readonly MetaPoolView[] | undefined,
  now: bigint | undefined,
  indexer: string | null = null,
) {
  return queryOptions({
    queryKey: [
      ...queryKeys.account(account ?? "0x"),
      "positions",
      indexer ?? "events",
      ...(views ?? []).map((v) => v.metaPool.toLowerCase()),
    ],
    ...onNewBlock,
    queryFn:
      client && account && views && now !== undefined
        ? followingBlocks(async () => {
            const source = { indexer, fromBlock: deployment?.startBlock ?? 0n };
            const { histories } = await readPositionHistories(client, views, account, source);
            return Promise.all(views.map((v, i) => readAccountPosition(client, v, account, histories[i]!, now)));
          })
        : skipToken,
  });
}
