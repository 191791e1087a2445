"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";

import { appChain, isLocalChain, rpcUrl } from "@/lib/chain";
import { advanceChainTime, anvilTestClient } from "@/lib/devChain";

/**
 * Moves the local chain's clock forward by `seconds` and mines a block (viem's test client on
 * Anvil); every read then refreshes, since premiums, unlocks and countdowns all depend on the
 * chain's time. Only on the local chain: elsewhere the mutation refuses.
 */
export function useTimeTravel() {
  const queryClient = useQueryClient();
  const client = useMemo(() => (isLocalChain ? anvilTestClient(appChain, rpcUrl) : undefined), []);
  return useMutation({
    mutationFn: async ({ seconds }: { label: string; seconds: number }) => {
      if (!client) throw new Error("Time travel needs the local chain.");
      await advanceChainTime(client, seconds);
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
