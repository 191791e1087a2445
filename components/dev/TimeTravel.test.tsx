import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { createConfig, http, WagmiProvider, type CreateConnectorFn } from "wagmi";

import { appChain, isLocalChain, rpcUrl } from "@/lib/chain";

import { TimeTravel } from "./TimeTravel";

function render() {
  // Shaped like the app's config (wagmi's Register types WagmiProvider by it); a static render sends no request.
  const config = createConfig({
    chains: [appChain],
    connectors: [] as CreateConnectorFn[],
    transports: { [appChain.id]: http(rpcUrl) },
  });
  return renderToStaticMarkup(
    <WagmiProvider config={config}>
      <QueryClientProvider client={new QueryClient()}>
        <TimeTravel />
      </QueryClientProvider>
    </WagmiProvider>,
  );
}

describe("TimeTravel", () => {
  test("the test environment is the local chain (no NEXT_PUBLIC_CHAIN_ID)", () => {
    expect(isLocalChain).toBe(true);
  });

  test("a labelled group with the three jumps, enabled, and the chain time being read", () => {
    const html = render();
    expect(html).toContain('role="group" aria-label="Local chain time travel"');
    for (const [label, text] of [
      ["1 hour", "+1 hour"],
      ["1 day", "+1 day"],
      ["1 week", "+1 week"],
    ]) {
      expect(html).toMatch(
        new RegExp(`<button type="button" aria-label="Advance chain time by ${label}"[^>]*>\\${text}</button>`),
      );
    }
    expect(html).not.toContain('disabled=""');
    expect(html).toContain("reading chain time…");
  });
});
