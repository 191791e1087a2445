// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { http } from "viem";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { createConfig, WagmiProvider } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { MetaPoolPage } from "@/components/metapool/MetaPoolPage";
import { Countdown } from "@/components/ui/Countdown";
import { latestBlockQuery } from "@/hooks/latestBlockQuery";
import { metaPoolQuery, tokenMetasQuery } from "@/hooks/queries";
import { appChain } from "@/lib/chain";
import { example1, fixture } from "@/lib/protect/testkit";
import type { MetaPoolDetails } from "@/lib/types/metaPool";

// The Overview tab is replaced by a panel that reads the page's context (as every real panel does) but not the
// clock, and counts its renders; a countdown inside it reads the clock itself.
const renders = vi.hoisted(() => ({ panel: 0 }));
vi.mock("@/components/metapool/overview/OverviewPanel", () => ({ OverviewPanel: CountingPanel }));

const T0 = BigInt(fixture.T0);
const TARGET = T0 + 10n;

function CountingPanel() {
  const { view } = useMetaPoolContext();
  renders.panel += 1;
  return (
    <p>
      {view.config.name} unlocks{" "}
      <span data-testid="countdown">
        <Countdown target={TARGET} doneText="unlocked" showDate={false} />
      </span>
    </p>
  );
}

const view = example1();
const details = {
  view,
  params: { pools: view.pools.map((p) => ({ name: p.name, description: "" })), protectionStatement: "" },
} as unknown as MetaPoolDetails;
const asset = { address: view.config.asset, symbol: "dUSD", name: "Demo USD", decimals: 18 };

let root: Root;
let container: HTMLElement;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
  renders.panel = 0;
  container = document.createElement("div");
  document.body.append(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

/** The MetaPool page on a seeded cache (nothing to fetch): the MetaPool, its asset and the latest block at T0. */
function mountPage() {
  const config = createConfig({ chains: [appChain], transports: { [appChain.id]: http("http://127.0.0.1:1") } });
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(metaPoolQuery(undefined, view.metaPool).queryKey, details);
  client.setQueryData(tokenMetasQuery(undefined, [asset.address]).queryKey, { [asset.address.toLowerCase()]: asset });
  client.setQueryData(latestBlockQuery(undefined).queryKey, { number: 5n, timestamp: T0 });
  root = createRoot(container);
  act(() =>
    root.render(
      <WagmiProvider config={config}>
        <QueryClientProvider client={client}>
          <MetaPoolPage address={view.metaPool} />
        </QueryClientProvider>
      </WagmiProvider>,
    ),
  );
}

const countdown = () => container.querySelector('[data-testid="countdown"]')?.textContent;
const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe("the MetaPool page and the chain clock", () => {
  test("a panel that reads the page's context but not the clock does not re-render on the clock's ticks", () => {
    mountPage();
    expect(countdown()).toBe("in 10 s");
    const settled = renders.panel;
    expect(settled).toBeGreaterThan(0);
    for (let second = 1; second <= 5; second++) tick(1_000);
    // The countdown beside it ticked five times…
    expect(countdown()).toBe("in 5 s");
    // …and the panel rendered no more (the clock used to sit in the page's context: one render a second).
    expect(renders.panel).toBe(settled);
  });

  test("the countdown reaches its done text on the clock's tenth second, not later", () => {
    mountPage();
    tick(9_999);
    expect(countdown()).toBe("in 1 s");
    tick(1);
    expect(countdown()).toBe("unlocked");
  });
});
