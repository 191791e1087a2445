"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";

import { ensNameQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";

/** The address's ENS name when the app runs on Ethereum mainnet; always undefined elsewhere (nothing is asked). */
export function useEnsName(address: Address | undefined) {
  const client = useClient({ chainId: appChain.id });
  return useQuery(ensNameQuery(client, address)).data ?? undefined;
}
