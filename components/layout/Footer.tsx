"use client";

import { useBlockNumber } from "wagmi";

import { TimeTravel } from "@/components/dev/TimeTravel";
import { appChain, isLocalChain, rpcUrl } from "@/lib/chain";

// The watcher pushes new blocks but swallows its errors, so the query also re-checks the node
// now and then: an unreachable RPC shows within seconds and clears once it answers again.
const HEALTH_CHECK_MS = 10_000;
const RETRY_WHILE_DOWN_MS = 4_000;

function BlockStatus() {
  const { data, isError, isPending } = useBlockNumber({
    chainId: appChain.id,
    watch: true,
    query: {
      retry: 1,
      refetchInterval: (query) => (query.state.status === "error" ? RETRY_WHILE_DOWN_MS : HEALTH_CHECK_MS),
    },
  });
  if (isError) {
    return (
      <span role="status" className="font-medium text-red-700 dark:text-red-400">
        cannot reach {rpcUrl}
      </span>
    );
  }
  if (isPending) return <span role="status">connecting to {rpcUrl}…</span>;
  return <span role="status">block {data.toString()}</span>;
}

export function Footer() {
  return (
    <footer className="border-t border-border text-xs text-muted">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-2 gap-y-1 px-4 py-3">
        <span>{appChain.name}</span>
        <span aria-hidden="true">·</span>
        <span>chain id {appChain.id}</span>
        <span aria-hidden="true">·</span>
        <BlockStatus />
        {isLocalChain && <span aria-hidden="true">·</span>}
        <TimeTravel />
      </div>
    </footer>
  );
}
