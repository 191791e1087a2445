"use client";

import dynamic from "next/dynamic";

import { useLatestBlock } from "@/hooks/useChainNow";
import { appChain, isLocalChain, rpcUrl } from "@/lib/chain";

// Time travel exists only on the local Anvil chain: its controls and viem's test client are a chunk of their own,
// loaded there after the page and never on a real network.
const TimeTravel = isLocalChain
  ? dynamic(() => import("@/components/dev/TimeTravel").then((m) => m.TimeTravel), { ssr: false })
  : () => null;

// The page's one latest-block read (hooks/queries `latestBlockQuery`): an unreachable RPC shows within seconds
// and clears once it answers again.
function BlockStatus() {
  const { data, isError, isPending } = useLatestBlock();
  if (isError) {
    return (
      <span role="status" className="font-medium text-red-700 dark:text-red-400">
        cannot reach {rpcUrl}
      </span>
    );
  }
  if (isPending) return <span role="status">connecting to {rpcUrl}…</span>;
  return <span role="status">block {data.number.toString()}</span>;
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
