"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";

import { appChain, isLocalChain } from "@/lib/chain";
import { advanceTime, latestTimestamp } from "@/lib/devChain";
import { describeError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

const JUMPS = [
  { label: "1 hour", seconds: 3_600 },
  { label: "1 day", seconds: 86_400 },
  { label: "1 week", seconds: 604_800 },
] as const;

type Jump = (typeof JUMPS)[number];

// Like the footer's block status: re-read now and then so blocks mined by transactions show too.
const REFRESH_MS = 10_000;

function TimeTravelControls() {
  const client = usePublicClient({ chainId: appChain.id });
  const queryClient = useQueryClient();

  const chainTime = useQuery({
    queryKey: ["devChain", "latestTimestamp", appChain.id],
    queryFn: () => latestTimestamp(client!),
    enabled: Boolean(client),
    refetchInterval: REFRESH_MS,
  });

  const travel = useMutation({
    mutationFn: (jump: Jump) => advanceTime(client!, jump.seconds),
    // Every read depends on the chain's time (premiums, unlocks, countdowns), so all refresh.
    onSuccess: () => queryClient.invalidateQueries(),
  });

  const busy = travel.isPending || !client;

  return (
    <span role="group" aria-label="Local chain time travel" className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span role="status" aria-live="polite">
        {travel.isPending
          ? `advancing chain time by ${travel.variables.label}…`
          : chainTime.data !== undefined
            ? `chain time ${formatDateTime(chainTime.data)}`
            : chainTime.isError
              ? "chain time unknown"
              : "reading chain time…"}
      </span>
      {JUMPS.map((jump) => (
        <button
          key={jump.label}
          type="button"
          disabled={busy}
          aria-label={`Advance chain time by ${jump.label}`}
          onClick={() => travel.mutate(jump)}
          className="rounded border border-border bg-surface px-1.5 py-0.5 font-medium text-foreground hover:bg-green-600/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-green-600 disabled:cursor-not-allowed disabled:opacity-50"
        >
          +{jump.label}
        </button>
      ))}
      {travel.isError && (
        <span role="alert" className="w-full font-medium text-red-700 dark:text-red-400">
          {describeError(travel.error, { action: `advance chain time by ${travel.variables.label}` })}
        </span>
      )}
    </span>
  );
}

/**
 * Buttons that move a local chain's clock forward (+1 hour, +1 day, +1 week) to watch premiums
 * stream, purchases mature and withdrawals unlock. Rendered only on the local Anvil chain.
 */
export function TimeTravel() {
  if (!isLocalChain) return null;
  return <TimeTravelControls />;
}
