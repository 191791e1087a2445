import { BeforeAfterRow } from "@/components/ui/BeforeAfter";
import { formatDateTime, formatDuration, formatPercentWad, shortAddress } from "@/lib/format";
import type { Approval, Rejection } from "@/lib/forms/arbiter";

/** Formats an amount of the MetaPool's asset, with its symbol. */
export type Fmt = (amount: bigint, options?: { rounding?: "down" | "up" }) => string;

/** What a valid ruling does, in numbers (SPEC §7). */
export function ApprovalLines({
  a,
  fmt,
  fmtTokens,
  poolName,
  holders,
  filer,
}: {
  a: Approval;
  fmt: Fmt;
  fmtTokens: (amount: bigint) => string;
  poolName: string;
  holders: number | undefined;
  filer: string;
}) {
  return (
    <>
      <dl className="divide-y divide-border">
        <BeforeAfterRow
          label="Underwriters' capital"
          before={fmt(a.capitalBefore)}
          after={fmt(a.capitalAfter)}
          note={`${fmt(a.payout)} paid out: shares lose ${formatPercentWad(a.capitalLossWad)} of their value`}
        />
        <BeforeAfterRow
          label={`${poolName} cover holders redeem`}
          after={fmt(a.redeemable)}
          note={`for ${fmtTokens(a.coverSupply)}${holders !== undefined ? ` held by ${holders} ${holders === 1 ? "account" : "accounts"}` : ""}, through “Redeem payout”`}
        />
        {a.premiumCharged > 0n && (
          <BeforeAfterRow
            label="Premium owed during the claim"
            after={fmt(a.premiumCharged, { rounding: "up" })}
            note={`charged from the redemption; your fee ${fmt(a.arbiterFee)}, creator ${fmt(a.creatorFee)}`}
          />
        )}
        <BeforeAfterRow
          label="Claim bond"
          after={`${fmt(a.bondReturned)} back to the filer`}
          note={shortAddress(filer)}
        />
        <BeforeAfterRow
          label="Pending purchases (whole MetaPool)"
          after={a.refundable > 0n ? `${fmt(a.refundable)} refundable` : "none"}
          note={a.refundable > 0n ? "they were not cover yet: every buyer gets the full amount back" : undefined}
        />
        <BeforeAfterRow
          label={`${poolName}`}
          after="cover ended, paid out"
          note="seekers must buy again to be covered"
        />
        <BeforeAfterRow
          label="Deposits, withdrawals, purchases"
          after={a.unfreezes ? "resume" : "stay frozen"}
          note={a.unfreezes ? undefined : "another claim is still pending"}
        />
      </dl>
      {a.sharesWiped && (
        <p className="py-2 text-sm font-medium text-red-700 dark:text-red-400">
          Capital falls to almost nothing: the underwriters&apos; shares are wiped and new deposits start afresh.
        </p>
      )}
    </>
  );
}

/** What an invalid ruling does, in numbers (SPEC §7). */
export function RejectionLines({
  r,
  fmt,
  poolName,
  filer,
  at,
}: {
  r: Rejection;
  fmt: Fmt;
  poolName: string;
  filer: string;
  /** The chain's time now: the ruling's time, to date the restarted maturity. */
  at?: bigint;
}) {
  return (
    <>
      <dl className="divide-y divide-border">
        <BeforeAfterRow
          label="Claim bond"
          after={`${fmt(r.bondToCapital)} to underwriters`}
          note={`the filer ${shortAddress(filer)} loses it`}
        />
        <BeforeAfterRow label="Underwriters' capital" before={fmt(r.capitalBefore)} after={fmt(r.capitalAfter)} />
        <BeforeAfterRow
          label={`${poolName} cover in force`}
          before={fmt(r.activeBefore)}
          after={fmt(r.activeAfter)}
          note={
            r.premiumCharged > 0n
              ? `premium owed during the claim, ${fmt(r.premiumCharged, { rounding: "up" })}, is charged; your fee ${fmt(r.arbiterFee)}`
              : "no premium was owed during the claim"
          }
        />
        <BeforeAfterRow
          label="Payout"
          after="none"
          note="cover stays in force; holders may file a new claim with a new bond"
        />
        <BeforeAfterRow
          label={r.frozenPurchases > 0n ? `Frozen purchases (${fmt(r.frozenPurchases)})` : "Frozen purchases"}
          after={
            !r.unfreezes
              ? "stay frozen"
              : r.frozenPurchases === 0n
                ? "none"
                : `restart their delay: mature ${formatDuration(r.restartDelay)} after the ruling${at !== undefined ? `, ${formatDateTime(at + r.restartDelay)}` : ""}`
          }
          note={
            r.unfreezes
              ? "so cover bought around an incident cannot slip in before the next claim; deposits, withdrawals and purchases resume"
              : "another claim is still pending"
          }
        />
      </dl>
      {r.lapses && (
        <p className="py-2 text-sm font-medium text-amber-800 dark:text-amber-300">
          The premium owed uses up the pool&apos;s cover: it lapses and holders redeem what little is left.
        </p>
      )}
    </>
  );
}
