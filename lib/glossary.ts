/**
 * The protocol's words and where /how-it-works explains each one. Pages link a term where it
 * first appears (components/howItWorks/TermLink) so a first-time user is one click from its meaning.
 */
export const glossary = {
  capital: {
    label: "capital",
    summary: "What underwriters deposited plus premiums earned, less claims paid: one pot behind every coverage pool.",
  },
  "free-capital": {
    label: "free capital",
    summary: "Capital not already backing active cover: C minus all pools' active cover.",
  },
  "coverage-pool": {
    label: "coverage pool",
    summary: "One protected protocol inside a MetaPool; seekers buy cover in it and share its payout.",
  },
  cover: {
    label: "cover",
    summary:
      "The protection a seeker's deposit buys once its purchase delay ends: premium streams out of the deposit, and its holders share the pool's payout if a claim is upheld.",
  },
  utilisation: {
    label: "utilisation",
    summary: "How much of the capital open to a pool its own cover already uses: K / (K + free capital).",
  },
  "funding-rate": {
    label: "funding rate",
    summary: "The yearly premium rate, set by utilisation on a curve fixed at creation.",
  },
  premium: {
    label: "premium",
    summary: "What cover costs: the funding rate times the pool's payout, taken continuously from seekers' deposits.",
  },
  fees: {
    label: "fees",
    summary: "The arbiter's and the creator's cut of every premium, fixed at creation; the rest goes to capital.",
  },
  "purchase-delay": {
    label: "purchase delay",
    summary:
      "The wait between buying cover and the cover being in force; a claim filed meanwhile and rejected restarts it from the ruling.",
  },
  "withdrawal-period": {
    label: "withdrawal period",
    summary: "The wait between an underwriter's withdrawal request and the first moment it can be completed.",
  },
  "withdrawal-request": {
    label: "withdrawal request",
    summary: "Shares handed to the MetaPool to leave: they bear losses but earn nothing until withdrawn or cancelled.",
  },
  "withdrawal-window": {
    label: "withdrawal window",
    summary: "The 7 days after unlocking (or after the last claim ruling) in which a request can be completed.",
  },
  claims: {
    label: "claim",
    summary: "A cover holder's request for the pool's payout, with a bond and evidence, ruled on by the arbiter.",
  },
  "claim-bond": {
    label: "claim bond",
    summary:
      "Deposited by whoever files a claim: returned if the claim is valid or voided, kept by underwriters if rejected.",
  },
  payout: {
    label: "payout",
    summary:
      "What a valid claim on a pool takes from capital and pays its cover holders on top of their cover: the pool's cover plus the MetaPool's free capital (or, when capped, at most N times the cover). Premium is charged on it.",
  },
  "payout-multiple": {
    label: "payout multiple",
    summary: "An optional cap on the payout: at most this many times the pool's cover; 0 means uncapped.",
  },
  "protection-statement": {
    label: "protection statement",
    summary: "The creator's text saying what counts as a valid claim; the arbiter interprets it.",
  },
  shutdown: { label: "shutdown", summary: "The permanent end of a MetaPool's cover: everyone takes their money out." },
  arbiter: {
    label: "arbiter",
    summary: "The address chosen at creation that rules on claims and may shut the MetaPool down; nothing else.",
  },
} as const satisfies Record<string, { label: string; summary: string }>;

export type GlossaryTerm = keyof typeof glossary;

/** The anchor of a term on /how-it-works: its id is the term itself. */
export function termHref(term: GlossaryTerm): `/how-it-works#${GlossaryTerm}` {
  return `/how-it-works#${term}`;
}
