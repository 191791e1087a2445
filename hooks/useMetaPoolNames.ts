"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useClient } from "wagmi";

import { metaPoolsNamedQuery } from "@/hooks/indexerQueries";
import { metaPoolNamesQuery } from "@/hooks/queries";
import { useIndexerStatus } from "@/hooks/useIndexerStatus";
import { useDebounced } from "@/hooks/useLiveQuote";
import { appChain } from "@/lib/chain";
import type { ExistingName } from "@/lib/forms/createMetaPool";
import { nameKey } from "@/lib/indexer";
import { lastFetchFailed } from "@/lib/queryState";

/**
 * The MetaPools already called `name` (the create wizard warns about a name in use), asked only while `enabled`
 * (the name step shows). With the indexer: one small request per settled name. Without it, or when it fails: every
 * MetaPool's name from the chain, read once when the step first needs them, never on a timer.
 */
export function useMetaPoolNames(name: string, enabled: boolean): readonly ExistingName[] {
  const { listsFrom } = useIndexerStatus();
  const client = useClient({ chainId: appChain.id });
  const settled = useDebounced(name);
  const indexed = useQuery(metaPoolsNamedQuery(listsFrom, settled, enabled && listsFrom !== null));
  const fromIndexer = listsFrom !== null && !lastFetchFailed(indexed);
  const chain = useQuery(metaPoolNamesQuery(client, enabled && !fromIndexer));
  const names = fromIndexer ? indexed.data : chain.data;
  return useMemo(() => {
    const key = nameKey(name);
    // Only the names the typed text matches: a settled answer for an older text says nothing about this one.
    return (names ?? []).filter((m) => key !== "" && nameKey(m.name) === key);
  }, [names, name]);
}
