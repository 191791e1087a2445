/**
 * The page's chain clock read. Its own module (not hooks/queries.ts) so the root layout's footer does not pull the
 * ABIs and log readers into every route's first load.
 */
import { queryOptions, skipToken } from "@tanstack/react-query";
import type { Client } from "viem";
import { getBlock } from "viem/actions";

import { refresh } from "@/hooks/refresh";
import { queryKeys } from "@/lib/queryKeys";

/** The latest block's number and time, under the chain clock's key (every write invalidates it). */
export function latestBlockQuery(client: Client | undefined) {
  return queryOptions({
    queryKey: queryKeys.chainTime(),
    retry: 1,
    refetchInterval: (query) => (query.state.status === "error" ? refresh.blockWhileDown : refresh.block),
    queryFn: client
      ? async () => {
          const block = await getBlock(client, { blockTag: "latest", includeTransactions: false });
          return { number: block.number, timestamp: block.timestamp };
        }
      : skipToken,
  });
}
