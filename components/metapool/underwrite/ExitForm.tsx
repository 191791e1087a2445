"use client";

import { useAccount } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { TxProgress } from "@/components/tx/TxProgress";
import { BeforeAfter } from "@/components/ui/BeforeAfter";
import { useExit } from "@/hooks/actions/underwrite";
import { formatShares } from "@/lib/format/shares";
import { convertToAssets } from "@/lib/protocol";

/** After shutdown: every share out at once at the share price (SPEC §8: no window, no free-capital cap). */
export function ExitForm() {
  const target = useMetaPoolContext();
  const { view, asset, position, fmt } = target;
  const { address: account } = useAccount();
  const flow = useExit(target);
  const shares = position?.shares ?? 0n;
  const assets = convertToAssets(shares, view.capital, view.shareSupply);
  const run = () => void flow.run(shares, assets);
  const disabledReason = !account
    ? "Connect a wallet to exit."
    : position === undefined
      ? "Reading your shares…"
      : shares === 0n
        ? "You hold no shares outside withdrawal requests (requests pay at once below)."
        : null;
  return (
    <section aria-labelledby="exit-heading" className="card space-y-3">
      <h3 id="exit-heading" className="text-base font-semibold">
        Exit
      </h3>
      <p className="text-sm text-muted">
        This MetaPool is shut down and takes no new capital. Cover no longer binds capital, so you can take every share
        out now at the share price, with no withdrawal period.
      </p>
      {shares > 0n && (
        <BeforeAfter
          changes={[
            {
              label: "My shares",
              before: formatShares(shares, asset.decimals),
              after: formatShares(0n, asset.decimals),
            },
            { label: "You receive", after: fmt(assets) },
          ]}
        />
      )}
      <button
        type="button"
        className="btn-primary"
        disabled={Boolean(disabledReason) || flow.status === "running"}
        onClick={run}
        data-testid="exit-submit"
      >
        {shares > 0n ? `Exit: receive ${fmt(assets)}` : "Exit"}
      </button>
      {disabledReason && <p className="text-xs text-muted">{disabledReason}</p>}
      <TxProgress flow={flow} onRetry={run} />
    </section>
  );
}
