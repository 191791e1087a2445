/** The account's positions: its own query file, apart from hooks/queries.ts (the position history has two sources). */
import { queryOptions, skipToken } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";

import { followingBlocks, onNewBlock } from "@/hooks/refresh";
import { deployment } from "@/lib/contracts";
import { queryKeys } from "@/lib/queryKeys";
import { readAccountPosition } from "@/lib/reads/positions";
import type { MetaPoolView } from "@/lib/types/metaPool";

const eventsFrom = () => deployment?.startBlock ?? 0n;

/**
 * The account's position in each of `views` at the chain's `now`. Keyed under both the account
 * and the MetaPools, so a write to either refreshes it.
 */
export function accountPositionsQuery(
  client: PublicClient | undefined,
  account: Address | undefined,
  views: readonly MetaPoolView[] | undefined,
  now: bigint | undefined,
) {
  return queryOptions({
    queryKey: [
      ...queryKeys.account(account ?? "0x"),
      "positions",
      ...(views ?? []).map((v) => v.metaPool.toLowerCase()),
    ],
    ...onNewBlock,
    queryFn:
      client && account && views && now !== undefined
        ? followingBlocks(() =>
            Promise.all(views.map((v) => readAccountPosition(client, v, account, eventsFrom(), now))),
          )
        : skipToken,
  });
}
