"use client";

import type { Address } from "viem";

import { CopyAddress } from "@/components/metapool/CopyAddress";
import { useKnownArbiterStatement } from "@/hooks/useArbiterRecord";
import { useEnsName } from "@/hooks/useEnsName";
import { arbiterShortName } from "@/lib/arbiter";
import { appChain } from "@/lib/chain";

/**
 * Explore's arbiter column: its ENS name (Ethereum mainnet only), else the creator's sentence about it when already
 * read, else its short address; the address is always there to copy or open in the chain's explorer, and "you" is
 * highlighted. Nothing here is requested on another chain (the label comes from the cache only).
 */
export function ArbiterName({ address, metaPool, isYou }: { address: Address; metaPool: Address; isYou: boolean }) {
  const ens = useEnsName(address);
  const statement = useKnownArbiterStatement(address, metaPool);
  const name = arbiterShortName(address, { ens, statement });
  const explorer = appChain.blockExplorers?.default;
  return (
    <div className="min-w-0 max-w-[14rem] space-y-1 text-xs" data-testid="row-arbiter" data-kind={name.kind}>
      {isYou && <span className="font-semibold text-green-800 dark:text-green-300">you</span>}
      {name.kind !== "address" && (
        <span
          className={`block break-words ${name.kind === "ens" ? "font-medium" : "text-muted italic"}`}
          title={name.kind === "label" ? "As described by the creator" : undefined}
        >
          {name.text}
        </span>
      )}
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <CopyAddress address={address} label="arbiter" short />
        {explorer && (
          <a
            href={`${explorer.url}/address/${address}`}
            target="_blank"
            rel="noreferrer"
            className="underline underline-offset-2"
          >
            {explorer.name}
            <span className="sr-only"> (the arbiter&apos;s address, opens in a new tab)</span>
          </a>
        )}
      </span>
    </div>
  );
}
