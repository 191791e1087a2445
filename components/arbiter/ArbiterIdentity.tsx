"use client";

import type { Address } from "viem";

import { CopyAddress } from "@/components/metapool/CopyAddress";
import { Badge } from "@/components/ui/Badge";
import { useEnsName } from "@/hooks/useEnsName";

/**
 * Who an arbiter is: its ENS name where the chain has one (mainnet), the short address with a copy button, and the
 * creator's own sentence about it when the texts have one, said to be the creator's word.
 */
export function ArbiterIdentity({
  address,
  label,
  isYou = false,
}: {
  address: Address;
  /** The creator's sentence naming the arbiter (lib/arbiter `arbiterLabel`), null when there is none. */
  label?: string | null;
  isYou?: boolean;
}) {
  const ens = useEnsName(address);
  return (
    <div className="min-w-0 space-y-1" data-testid="arbiter-identity">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {ens && (
          <span className="font-medium break-all" data-testid="arbiter-ens">
            {ens}
          </span>
        )}
        {isYou && <Badge tone="good">you</Badge>}
        <CopyAddress address={address} label="arbiter" short />
      </div>
      {label && (
        <p className="text-xs break-words text-muted" data-testid="arbiter-label">
          &ldquo;{label}&rdquo; <span className="italic">as described by the creator</span>
        </p>
      )}
    </div>
  );
}
