import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { http } from "viem";
import { describe, expect, it } from "vitest";
import { createConfig, WagmiProvider } from "wagmi";

import { ClaimsPanel } from "@/components/metapool/claims/ClaimsPanel";
import { MetaPoolProvider } from "@/components/metapool/MetaPoolContext";
import { FixedChainNow } from "@/hooks/useChainNow";
import { appChain } from "@/lib/chain";
import { formatDateTime } from "@/lib/format";
import { example1, fixture } from "@/lib/protect/testkit";
import type { MetaPoolDetails } from "@/lib/types/metaPool";
import type { AccountPosition } from "@/lib/types/positions";

import { ProtectPanel } from "./ProtectPanel";

const { E, T0 } = fixture;
const ME = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const asset = {
  address: "0x00000000000000000000000000000000000000bb" as const,
  symbol: "dUSD",
  name: "Demo USD",
  decimals: 18,
};

const config = createConfig({
  chains: [appChain],
  transports: { [appChain.id]: http("http://127.0.0.1:1") },
});

function record(poolId: number, amount: bigint, maturesAt: number, status: number, accepted = 0n) {
  return { buyer: ME, maturesAt, poolId, status, amount, accepted, receiver: ME, restRefunded: false };
}

const position: AccountPosition = {
  metaPool: example1().metaPool,
  account: ME,
  shares: 0n,
  shareValue: 0n,
  deposited: 0n,
  withdrawn: 0n,
  requests: [],
  purchases: [
    { id: 1n, record: record(0, 40n * E, T0 + 3_600, 1), state: "pending", refundable: 0n },
    { id: 2n, record: record(1, 30n * E, T0 - 3_600, 1), state: "voided", refundable: 30n * E },
    { id: 3n, record: record(2, 20n * E, T0 - 7_200, 2, 15n * E), state: "matured", refundable: 5n * E },
    { id: 4n, record: record(2, 20n * E, T0 - 9_000, 3), state: "refunded", refundable: 0n },
  ],
  cover: [
    {
      poolId: 0,
      epoch: 0,
      token: "0x0000000000000000000000000000000000000001",
      tokens: 25n * E,
      underlying: 25n * E,
      closed: false,
    },
    {
      poolId: 1,
      epoch: 0,
      token: "0x00000000000000000000000000000000000000c1",
      tokens: 10n * E,
      underlying: 12n * E,
      closed: true,
    },
  ],
  feesOwed: 0n,
};

function render(panel: ReactNode, options: { position?: AccountPosition; view?: ReturnType<typeof example1> } = {}) {
  const view = options.view ?? example1();
  const details = {
    view,
    params: {
      pools: view.pools.map((p) => ({ name: p.name, description: `${p.name} lending markets` })),
      protectionStatement: "Pays on lending exploits. Claims are ruled by the Acme security council.",
    },
  } as unknown as MetaPoolDetails;
  return renderToStaticMarkup(
    <WagmiProvider config={config}>
      <QueryClientProvider client={new QueryClient()}>
        <FixedChainNow.Provider value={BigInt(T0) + 60n}>
          <MetaPoolProvider details={details} asset={asset} position={options.position}>
            {panel}
          </MetaPoolProvider>
        </FixedChainNow.Provider>
      </QueryClientProvider>
    </WagmiProvider>,
  );
}

describe("panels disconnected", () => {
  it("ProtectPanel asks for a wallet and lists the pools", () => {
    const html = render(<ProtectPanel />);
    expect(html).toContain("Connect a wallet to buy protection.");
    expect(html).toMatch(/<button type="submit"[^>]*data-testid="protect-submit" disabled=""/);
    expect(html).toContain("A lending markets");
    expect(html).toContain("3.25 % APR");
  });
  it("ClaimsPanel asks for a wallet to file", () => {
    const html = render(<ClaimsPanel />);
    expect(html).toContain("Connect a wallet holding cover in this MetaPool to file a claim.");
  });
  it("ClaimsPanel says who rules the claims, before the claims themselves", () => {
    const html = render(<ClaimsPanel />);
    const arbiter = html.indexOf('data-testid="claims-arbiter"');
    expect(arbiter).toBeGreaterThan(-1);
    expect(arbiter).toBeLessThan(html.indexOf(">Pending</h3>"));
    expect(html).toContain("Who rules these claims");
    expect(html).toContain("“Claims are ruled by the Acme security council.”");
    expect(html).toContain('aria-label="Copy arbiter address"');
    expect(html).toContain("Reading the arbiter&#x27;s record…");
  });
});

// Server rendering sees no connected wallet (wagmi's server snapshot), so these cover what the
// position alone drives; the wallet-gated buttons say why they wait.
describe("panels with a position", () => {
  it("ProtectPanel shows open purchases with refunds and the cover held", () => {
    const html = render(<ProtectPanel />, { position });
    expect(html).toContain('data-testid="purchase-1"');
    expect(html).toContain("In purchase delay");
    expect(html).toContain('data-testid="refund-purchase-2"');
    expect(html).toContain('data-testid="refund-purchase-3"');
    expect(html).not.toContain('data-testid="purchase-4"');
    expect(html).toContain('data-testid="cover-0"');
    // 25 of the pool's 100 tokens after one minute of premium at 26 a year on 100: just under 25.
    expect(html).toMatch(/data-testid="cover-underlying-0">24\.99 dUSD/);
    expect(html).toContain("25 % of the pool");
    expect(html).toContain("about 3 years");
    expect(html).not.toContain('data-testid="cover-1"');
  });

  it("ProtectPanel shows a restarted purchase's new maturity, a countdown and the ruling that restarted it", () => {
    const restart = {
      claimId: 2n,
      ruledAt: BigInt(T0) - 60n,
      boughtMaturesAt: BigInt(T0) - 3_600n,
      maturesAt: BigInt(T0) - 60n + 86_400n,
    };
    const restarted: AccountPosition = {
      ...position,
      purchases: [
        { id: 5n, record: record(0, 40n * E, T0 - 60 + 86_400, 1), state: "pending", refundable: 0n, restart },
      ],
    };
    const html = render(<ProtectPanel />, { position: restarted });
    expect(html).toContain('data-testid="purchase-restart-5"');
    expect(html).toContain("Delay restarted after a claim");
    expect(html).toContain(`New maturity ${formatDateTime(restart.maturesAt)}`);
    expect(html).toContain(`was ${formatDateTime(restart.boughtMaturesAt)}`);
    expect(html).toContain(`when claim #2 was ruled on ${formatDateTime(restart.ruledAt)}`);
    expect(html).toContain(`dateTime="${new Date(Number(restart.maturesAt) * 1000).toISOString()}"`);
    // Without a restart the row has no reason line.
    expect(render(<ProtectPanel />, { position })).not.toContain("purchase-restart-");
  });

  it("ProtectPanel tells the buyer of a frozen purchase that a rejection restarts its delay", () => {
    const frozen: AccountPosition = {
      ...position,
      purchases: [{ id: 6n, record: record(0, 40n * E, T0 - 60, 1), state: "frozen", refundable: 40n * E }],
    };
    const html = render(<ProtectPanel />, { position: frozen, view: example1({ pendingClaimOn: 0 }) });
    expect(html).toContain("If the claim is rejected its delay restarts: it becomes cover 1 d after the ruling");
  });

  it("ProtectPanel refuses sales while a claim is pending", () => {
    const html = render(<ProtectPanel />, { position, view: example1({ pendingClaimOn: 0 }) });
    expect(html).toContain("Claim #1 is pending: no protection is sold");
  });

  it("ClaimsPanel offers redemption of closed cover and refunds of voided purchases", () => {
    const html = render(<ClaimsPanel />, { position });
    expect(html).toContain('data-testid="redeem-1-0"');
    expect(html).toContain("Redeem 12.00 dUSD");
    expect(html).toContain("Connect a wallet to redeem.");
    expect(html).toContain('data-testid="refund-purchase-2"');
    expect(html).toContain("Loading pending claims");
  });
});
