"use client";

import { useAccount } from "wagmi";

import { YieldStats } from "@/components/metapool/economics/YieldStats";
import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { EmptyState, LoadingRows } from "@/components/ui/States";

import { DepositForm } from "./DepositForm";
import { ExitForm } from "./ExitForm";
import { MyPosition } from "./MyPosition";
import { RequestWithdrawalForm } from "./RequestWithdrawalForm";
import { WithdrawalRequestCard } from "./WithdrawalRequestCard";

/** Underwrite tab: what the shares earn, my position and exposure, deposit, request and take withdrawals, exit after shutdown. */
export function UnderwritePanel() {
  const { view, position } = useMetaPoolContext();
  const { isConnected } = useAccount();

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-6">
        {!isConnected ? (
          <EmptyState title="Connect a wallet to see your shares">
            Your shares, their value, your withdrawal requests and what a claim would cost you appear here.
          </EmptyState>
        ) : position === undefined ? (
          <LoadingRows rows={2} label="Loading your position" />
        ) : (
          <>
            <MyPosition position={position} />
            <section aria-labelledby="requests-heading" className="space-y-3">
              <h3 id="requests-heading" className="text-base font-semibold">
                My withdrawal requests
              </h3>
              {position.requests.length === 0 ? (
                <p className="text-sm text-muted">No open requests.</p>
              ) : (
                <ul className="space-y-3">
                  {position.requests.map((r) => (
                    <WithdrawalRequestCard key={r.id.toString()} id={r.id} quote={r.quote} />
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </div>
      <div className="space-y-6">
        <section aria-labelledby="yield-heading" className="card space-y-3" data-testid="underwrite-yield">
          <h3 id="yield-heading" className="text-base font-semibold">
            What underwriters earn
          </h3>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <YieldStats />
          </dl>
        </section>
        {view.shutDown ? (
          <ExitForm />
        ) : (
          <>
            <DepositForm />
            <RequestWithdrawalForm />
          </>
        )}
      </div>
    </div>
  );
}
