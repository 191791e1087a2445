// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { http } from "viem";
import { describe, expect, test, vi } from "vitest";
import { createConfig, WagmiProvider } from "wagmi";

import { useMetaPoolContext } from "@/components/metapool/MetaPoolContext";
import { MetaPoolPage } from "@/components/metapool/MetaPoolPage";
import type { MetaPoolSnapshot } from "@/hooks/useMetaPool";
import { appChain } from "@/lib/chain";
import { example1 } from "@/lib/protect/testkit";
import type { MetaPoolDetails } from "@/lib/types/metaPool";

// The Overview tab is replaced by a panel that shows what the page's context holds.
vi.mock("@/components/metapool/overview/OverviewPanel", () => ({ OverviewPanel: ContextPanel }));

function ContextPanel() {
  const { view, fmt } = useMetaPoolContext();
  return <p data-testid="capital">{fmt(view.capital)}</p>;
}

const view = example1();
const details = {
  view,
  params: { pools: view.pools.map((p) => ({ name: p.name, description: "" })), protectionStatement: "" },
} as unknown as MetaPoolDetails;
const snapshot: MetaPoolSnapshot = {
  details,
  asset: { address: view.config.asset, symbol: "dUSD", name: "Demo USD", decimals: 18 },
  readAt: Date.now(),
};

/** The page on an empty cache, over a chain that never answers: only the snapshot can fill it. */
function page(props: { snapshot?: MetaPoolSnapshot }, address: string = view.metaPool): ReactNode {
  const config = createConfig({ chains: [appChain], transports: { [appChain.id]: http("http://127.0.0.1:1") } });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={client}>
        <MetaPoolPage address={address} {...props} />
      </QueryClientProvider>
    </WagmiProvider>
  );
}

describe("the MetaPool page with the server's snapshot", () => {
  test("the server's HTML has the MetaPool's name, pools and figures in its asset, not the skeleton", () => {
    const html = renderToString(page({ snapshot })).replaceAll("<!-- -->", ""); // React marks text boundaries
    expect(html).toContain(view.config.name);
    expect(html).toContain(`${view.pools.length} coverage pools backed by one pool of dUSD`);
    expect(html).toContain('data-testid="capital"');
    expect(html).not.toContain("Loading the MetaPool");
  });

  test("without a snapshot (the server could not read it in time) the HTML is the skeleton the browser then fills", () => {
    const html = renderToString(page({}));
    expect(html).toContain("Loading the MetaPool");
    expect(html).not.toContain(view.config.name);
  });

  test("a snapshot of another MetaPool is not shown for this address", () => {
    const html = renderToString(page({ snapshot }, "0x00000000000000000000000000000000000000a1"));
    expect(html).toContain("Loading the MetaPool");
    expect(html).not.toContain(view.config.name);
  });

  test("the browser's first render shows the snapshot at once and keeps it while its own read fails", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    act(() => root.render(page({ snapshot })));
    expect(container.querySelector('[data-testid="metapool-name"]')?.textContent).toBe(view.config.name);
    // The refresh on mount goes to a chain that refuses it: the page stays as it was.
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(container.querySelector('[data-testid="metapool-name"]')?.textContent).toBe(view.config.name);
    act(() => root.unmount());
    container.remove();
  });
});
