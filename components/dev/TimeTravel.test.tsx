/** @jsxRuntime automatic */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { custom } from 'viem';
import { describe, expect, test } from 'vitest';
import { createConfig, WagmiProvider } from 'wagmi';

import { appChain, isLocalChain } from '@/lib/chain';

import { TimeTravel } from './TimeTravel';

function render() {
  const config = createConfig({
    chains: [appChain],
    transports: { [appChain.id]: custom({ request: async () => null }) },
  });
  return renderToStaticMarkup(
    <WagmiProvider config={config}>
      <QueryClientProvider client={new QueryClient()}>
        <TimeTravel />
      </QueryClientProvider>
    </WagmiProvider>,
  );
}

describe('TimeTravel', () => {
  test('the test environment is the local chain (no NEXT_PUBLIC_CHAIN_ID)', () => {
    expect(isLocalChain).toBe(true);
  });

  test('a labelled group with the three jumps, enabled, and the chain time being read', () => {
    const html = render();
    expect(html).toContain('role="group" aria-label="Local chain time travel"');
    for (const [label, text] of [
      ['1 hour', '+1 hour'],
      ['1 day', '+1 day'],
      ['1 week', '+1 week'],
    ]) {
      expect(html).toMatch(new RegExp(`<button type="button" aria-label="Advance chain time by ${label}"[^>]*>\\${text}</button>`));
    }
    expect(html).not.toContain('disabled=""');
    expect(html).toContain('reading chain time…');
  });
});
