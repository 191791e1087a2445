// How `npm run seed` tells what it does and what it built; for the log only: money math stays in bigint.
import { formatUnits } from "viem";

import { claimsByStatus } from "./market-state.mjs";

export const step = (msg) => console.log(`\x1b[36m·\x1b[0m ${msg}`);
export const heading = (msg) => console.log(`\n\x1b[1m${msg}\x1b[0m`);

export const formatAmount = (x, decimals) =>
  Number(formatUnits(x, decimals)).toLocaleString("en-US", { maximumFractionDigits: 2 });

export const iso = (seconds) => new Date(Number(seconds) * 1000).toISOString();

/** Prints the seeded market (scripts/lib/market-state.mjs's readMarket), naming accounts by their index. */
export function printSummary(market, accounts) {
  const accountIndex = (address) => accounts.findIndex((a) => a.address === address);
  heading(`Seeded in ${process.uptime().toFixed(1)} s. The market at ${iso(market.now)}:`);
  for (const m of market.metaPools) {
    const money = (x) => `${formatAmount(x, m.decimals)} ${m.symbol}`;
    console.log(`  ${m.name}  ${m.address}${m.shutDown ? "  SHUT DOWN" : ""}`);
    console.log(
      `    creator #${accountIndex(m.creator)}, arbiter #${accountIndex(m.arbiter)}; capital ${money(m.capital)}, ` +
        `cover ${money(m.totalActive)}, pending ${money(m.totalPending)} in ${m.pendingPurchases} purchase(s)`,
    );
    if (m.redeemable || m.refundable) {
      console.log(`    payouts to redeem ${money(m.redeemable)}, purchases to refund ${money(m.refundable)}`);
    }
    for (const c of m.claims) console.log(`    claim #${c.id} on ${c.pool}: ${c.status}`);
    for (const r of m.requests) console.log(`    withdrawal request #${r.id}: ${r.state}, unlocks ${iso(r.unlockAt)}`);
  }
  const claims = Object.entries(claimsByStatus(market)).map(([status, n]) => `${n} ${status}`);
  const pending = market.metaPools.reduce((n, m) => n + m.pendingPurchases, 0);
  console.log(`  ${market.metaPools.length} MetaPools; claims: ${claims.join(", ")}; pending purchases: ${pending}`);
}
