"use client";

import { useAccount, useSwitchChain } from "wagmi";

import { LazyErrorSentence } from "@/components/layout/LazyErrorSentence";
import { appChain, networkName } from "@/lib/chain";

/** Shown while the connected wallet is on any chain other than the app's one chain. */
export function WrongNetworkBanner() {
  const { isConnected, chainId } = useAccount();
  const { switchChain, isPending, error, reset } = useSwitchChain();

  if (!isConnected || chainId === appChain.id) return null;

  return (
    <div
      role="alert"
      className="border-b border-amber-500/40 bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-3 px-4 py-2 text-sm">
        <p className="flex-1">
          Your wallet is on {chainId === undefined ? "an unknown network" : networkName(chainId)}. Canopy runs on{" "}
          {appChain.name}.
        </p>
        <button
          type="button"
          disabled={isPending}
          onClick={() => {
            reset();
            switchChain({ chainId: appChain.id });
          }}
          className="rounded-md bg-amber-900 px-3 py-1.5 font-medium text-amber-50 hover:bg-amber-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-700 disabled:opacity-60 dark:bg-amber-200 dark:text-amber-950 dark:hover:bg-amber-100"
        >
          {isPending ? "Switching…" : `Switch to ${appChain.name}`}
        </button>
        {error && (
          <p className="w-full font-medium">
            <LazyErrorSentence error={error} action={`switch to ${appChain.name}`} />
          </p>
        )}
      </div>
    </div>
  );
}
