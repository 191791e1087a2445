import FundingCurveChart from "@/components/charts/FundingCurveChart";
import { formatAmount, formatBps, formatDuration, formatPercentWad, formatRateApr } from "@/lib/format";
import type { GlossaryTerm } from "@/lib/glossary";
import { payoutExample } from "@/lib/howItWorks/payoutExample";
import { CLAIM_TIMEOUT, DAY, HOUR, MAX_POOLS, WITHDRAWAL_WINDOW } from "@/lib/protocol";

import { PayoutPicture } from "./PayoutPicture";
import { Defined, Formula, Section } from "./Section";

const CONTENTS: readonly { id: GlossaryTerm; title: string }[] = [
  { id: "capital", title: "Capital" },
  { id: "coverage-pool", title: "Coverage pools" },
  { id: "utilisation", title: "Utilisation" },
  { id: "funding-rate", title: "The funding rate" },
  { id: "fees", title: "Fees" },
  { id: "purchase-delay", title: "The purchase delay" },
  { id: "withdrawal-period", title: "The withdrawal period" },
  { id: "withdrawal-window", title: "The withdrawal window" },
  { id: "claims", title: "Claims" },
  { id: "payout", title: "What a valid claim pays" },
  { id: "shutdown", title: "Shutdown" },
  { id: "arbiter", title: "What the arbiter can and cannot do" },
];

const title = (id: GlossaryTerm) => CONTENTS.find((c) => c.id === id)!.title;

/** Everything a first-time user needs to know before putting money in, in SPEC order. */
export function HowItWorksGuide() {
  const ex = payoutExample();
  const amount = (x: bigint) => formatAmount(x, ex.decimals, { symbol: ex.symbol });
  const maxFees = formatBps(5_000n);

  return (
    <article className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">How Canopy works</h1>
        <p className="max-w-prose leading-relaxed text-muted">
          Canopy is cover for DeFi users. A <strong>MetaPool</strong> is one pot of money that insures several protocols
          at once. <strong>Underwriters</strong> put capital in and earn premiums; <strong>seekers</strong> buy cover
          for one protocol and pay for it out of their deposit; an <strong>arbiter</strong> chosen when the MetaPool was
          created decides whether a claim is valid. Every rule is fixed at creation: no one, not even the creator, can
          change a MetaPool afterwards.
        </p>
        <nav aria-label="On this page" className="rounded-md border border-border bg-surface p-4">
          <h2 className="mb-2 text-sm font-semibold">On this page</h2>
          <ol className="grid list-decimal gap-x-8 gap-y-1 pl-5 text-sm sm:grid-cols-2">
            {CONTENTS.map((c) => (
              <li key={c.id}>
                <a href={`#${c.id}`} className="underline decoration-dotted underline-offset-2 hover:decoration-solid">
                  {c.title}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <Section id="capital" title={title("capital")}>
        <p>
          Underwriters deposit the MetaPool&apos;s one asset (a stablecoin, say) and receive shares. All the shares
          together are worth the <strong>capital</strong>: what was deposited, plus premiums earned, minus claims paid.
          The same capital backs every protocol the MetaPool covers at once, which is why it earns more than capital
          locked behind a single protocol, and why one valid claim can take a large part of it.
        </p>
        <p>
          Capital is never lent out. Each coverage pool&apos;s active cover is matched by the same amount of capital;
          what is left is the <Defined id="free-capital">free capital</Defined>, which new cover and withdrawals can
          use.
        </p>
        <Formula>free capital F = capital C − the active cover K of every pool</Formula>
      </Section>

      <Section id="coverage-pool" title={title("coverage-pool")}>
        <p>
          A MetaPool has 1 to {MAX_POOLS} <strong>coverage pools</strong>, one per protected protocol. A seeker deposits
          into one pool and receives that pool&apos;s cover token, which can be sent to anyone. The deposits whose cover
          is in force are the pool&apos;s <Defined id="cover">active cover</Defined>. The premium is paid out of those
          deposits, little by little, so a cover token is worth slightly less every hour; what is left can be withdrawn
          at any time.
        </p>
        <p>
          What counts as a valid claim is written in the MetaPool&apos;s{" "}
          <Defined id="protection-statement">protection statement</Defined>; read it before buying.
        </p>
      </Section>

      <Section id="utilisation" title={title("utilisation")}>
        <p>
          Utilisation says how much of the capital open to a pool its own cover already uses. It is 0 % when the pool
          has no cover and 100 % when no free capital is left.
        </p>
        <Formula>utilisation u = K / (K + F)</Formula>
        <p>
          In the example below, {amount(ex.capital)} of capital backs three pools with {amount(ex.active[0]!)} of cover
          each: F = {amount(ex.free)}, so each pool&apos;s utilisation is {formatPercentWad(ex.utilisation)}.
        </p>
      </Section>

      <Section id="funding-rate" title={title("funding-rate")}>
        <p>
          The funding rate is the yearly price of cover. It rises with utilisation along a curve fixed at creation:
          slowly up to the <em>kink</em>, steeply after it, so that cover becomes expensive before capital runs out.
        </p>
        <p>
          The <Defined id="premium">premium</Defined> is the rate charged on the pool&apos;s payout, not on the
          seekers&apos; deposits, because the payout is what they are insured for. It streams every second out of the
          pool&apos;s active cover, shared by all its holders alike.
        </p>
        <Formula>premium per year = funding rate r(u) × payout P</Formula>
        <p>
          With the example curve below, a pool at {formatPercentWad(ex.utilisation)} utilisation pays{" "}
          {formatRateApr(ex.rate)} on its payout of {amount(ex.payout)}: {amount(ex.yearlyPremium)} a year out of its{" "}
          {amount(ex.active[0]!)} of deposits. A small deposit in a large MetaPool can therefore pay a high premium
          relative to its size; a <Defined id="payout-multiple">payout multiple</Defined> set at creation caps the
          payout (and so the premium) at a multiple of the pool&apos;s cover.
        </p>
        <FundingCurveChart
          curve={ex.curve}
          points={ex.pools.map((label) => ({ label: `Pool ${label}`, utilisation: ex.utilisation, rate: ex.rate }))}
        />
      </Section>

      <Section id="fees" title={title("fees")}>
        <p>
          Every premium is split when it is charged: an arbiter fee and a creator fee, both fixed at creation and
          together at most {maxFees}; the rest goes to the capital, that is, to the underwriters. In the examples on
          this page each fee is {formatBps(500n)}.
        </p>
      </Section>

      <Section id="purchase-delay" title={title("purchase-delay")}>
        <p>
          Cover starts after the purchase delay (between {formatDuration(HOUR)} and {formatDuration(30n * DAY)}, fixed
          at creation). Until then the deposit waits in escrow: it is not cover, it pays no premium and it cannot be
          cancelled. Pending purchases reserve nothing: a purchase is accepted if the MetaPool&apos;s capital is not all
          backing cover, and acceptance is decided when the delay ends. Purchases mature in the order they were made,
          each becoming cover up to the free capital at that moment; any rest is refunded.
        </p>
        <p>
          The delay stops people from buying cover after an incident is already known. If a claim is filed during your
          delay, your purchase waits for the ruling; a valid claim refunds it in full. A rejected claim restarts the
          delay: the purchase becomes cover one full purchase delay after the ruling, so cover bought around an incident
          cannot slip in between a rejected claim and the next one.
        </p>
      </Section>

      <Section id="withdrawal-period" title={title("withdrawal-period")}>
        <p>
          Underwriters leave in two steps. First a <Defined id="withdrawal-request">withdrawal request</Defined>: the
          shares move into the MetaPool&apos;s keeping and their value at that moment is recorded. From then on they
          still bear losses from claims but earn no more premiums. The request unlocks after the withdrawal period
          (between {formatDuration(HOUR)} and {formatDuration(365n * DAY)}, fixed at creation), so underwriters cannot
          run the moment they hear of an incident.
        </p>
        <p>
          You receive the smaller of the recorded value and what the shares are worth when you withdraw. A request can
          be cancelled at any time; cancelling gives back shares worth at most the recorded value, so a request is never
          a free bet.
        </p>
      </Section>

      <Section id="withdrawal-window" title={`${title("withdrawal-window")} (${formatDuration(WITHDRAWAL_WINDOW)})`}>
        <p>
          Once unlocked, a request can be completed, in one or several parts, within a window of{" "}
          {formatDuration(WITHDRAWAL_WINDOW)}. A claim ruling restarts that window, so the window runs until{" "}
          {formatDuration(WITHDRAWAL_WINDOW)} after the later of the unlock and the last ruling. After it the request
          can only be cancelled.
        </p>
        <p>
          A withdrawal can only take free capital: capital backing active cover stays until that cover is withdrawn.
          While any claim is pending, deposits and withdrawals wait; requests can still be made and cancelled.
        </p>
      </Section>

      <Section id="claims" title={title("claims")}>
        <p>
          A holder of a pool&apos;s cover tokens files a claim with the time of the incident (not before the cover
          began) and evidence: a text or a link. Filing takes a <Defined id="claim-bond">claim bond</Defined>, fixed at
          creation: returned if the claim is valid or voided, kept by the underwriters if it is rejected.
        </p>
        <p>
          Each pool has at most one pending claim. While any claim is pending the whole MetaPool pauses deposits,
          withdrawals and purchases, and the pool&apos;s premium keeps accruing but is only charged at the ruling. The
          arbiter rules on claims in the order they were filed. File within the purchase delay of an incident becoming
          public: purchases made after it are then frozen and refunded by a valid ruling.
        </p>
      </Section>

      <Section id="payout" title={title("payout")}>
        <p>
          A valid claim pays the pool&apos;s <strong>payout</strong>: the capital matching the pool&apos;s own cover
          plus all the free capital. Every other pool&apos;s cover stays fully backed. The pool&apos;s cover holders
          then share their remaining deposits plus the payout, less the premium owed during the claim, in proportion to
          their tokens, and the pool starts afresh.
        </p>
        <Formula>payout P = K + F (uncapped) or K + min(F, (multiple − 1) × K) with a payout multiple</Formula>
        <PayoutPicture example={ex} />
      </Section>

      <Section id="shutdown" title={title("shutdown")}>
        <p>
          A shutdown ends a MetaPool for good. The arbiter may shut it down when no claim is pending; anyone may once a
          claim has waited {formatDuration(CLAIM_TIMEOUT)} for a ruling, so an absent arbiter cannot lock the money.
        </p>
        <p>
          After a shutdown cover is no longer in force and costs nothing, pending claims are void (bonds returned),
          pending purchases are refunded, seekers withdraw their deposits, and underwriters leave at once with no
          withdrawal period or window. Deposits, purchases and new claims are refused. Fees already earned stay
          claimable.
        </p>
      </Section>

      <Section id="arbiter" title={title("arbiter")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-md border border-border bg-surface p-4">
            <h3 className="mb-2 font-semibold">The arbiter can</h3>
            <ul className="list-disc space-y-1 pl-5">
              <li>rule each claim valid or invalid, alone, by its reading of the protection statement;</li>
              <li>reject any claim;</li>
              <li>shut the MetaPool down while no claim is pending;</li>
              <li>collect its fee on premiums.</li>
            </ul>
          </div>
          <div className="rounded-md border border-border bg-surface p-4">
            <h3 className="mb-2 font-semibold">The arbiter cannot</h3>
            <ul className="list-disc space-y-1 pl-5">
              <li>change any rule, rate, fee or delay, nor pause, upgrade or take money from the MetaPool;</li>
              <li>pay more than the payout formula, or rule claims out of filing order;</li>
              <li>keep a claim pending for ever: after {formatDuration(CLAIM_TIMEOUT)} anyone can shut down.</li>
            </ul>
          </div>
        </div>
        <p>
          Trust the arbiter before you buy cover: its ruling is final. Note also that, for the price of the bond, any
          cover holder can pause deposits, withdrawals and purchases until the arbiter rules, and that the first valid
          claim among several pending takes the free capital.
        </p>
      </Section>
    </article>
  );
}
