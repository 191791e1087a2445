import { createPublicClient, custom } from 'viem';
import { anvil } from 'viem/chains';
import { describe, expect, test } from 'vitest';

import { advanceTime, latestTimestamp } from './devChain';

type Call = { method: string; params?: unknown };

/** A fake EIP-1193 node behind a real viem client: records every call, answers like Anvil. */
function fakeNode(answer: (call: Call) => unknown = () => null) {
  const calls: Call[] = [];
  const client = createPublicClient({
    chain: anvil,
    transport: custom({
      async request(call: Call) {
        calls.push({ method: call.method, params: call.params });
        return answer(call);
      },
    }),
  });
  return { client, calls };
}

describe('advanceTime', () => {
  test('increases the time, then mines a block, in that order and nothing else', async () => {
    const { client, calls } = fakeNode((call) => (call.method === 'evm_increaseTime' ? 86_400 : '0x0'));
    await advanceTime(client, 86_400);
    expect(calls).toEqual([
      { method: 'evm_increaseTime', params: ['0x15180'] },
      { method: 'evm_mine', params: [] },
    ]);
  });

  test('accepts bigint seconds (a week)', async () => {
    const { client, calls } = fakeNode();
    await advanceTime(client, 604_800n);
    expect(calls[0]).toEqual({ method: 'evm_increaseTime', params: ['0x93a80'] });
  });

  test('does not mine when the node refuses to move the clock', async () => {
    const { client, calls } = fakeNode((call) => {
      if (call.method === 'evm_increaseTime') throw Object.assign(new Error('Method not found'), { code: -32601 });
      return null;
    });
    await expect(advanceTime(client, 3_600)).rejects.toThrow();
    expect(calls.map((c) => c.method)).not.toContain('evm_mine');
  });

  test('refuses zero or negative seconds without calling the node', async () => {
    const { client, calls } = fakeNode();
    await expect(advanceTime(client, 0)).rejects.toThrow(RangeError);
    await expect(advanceTime(client, -60n)).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });
});

describe('latestTimestamp', () => {
  test("reads the latest block's timestamp as a bigint", async () => {
    const { client, calls } = fakeNode(() => ({ number: '0x2a', timestamp: '0x6924820' }));
    expect(await latestTimestamp(client)).toBe(0x6924820n);
    expect(calls).toEqual([{ method: 'eth_getBlockByNumber', params: ['latest', false] }]);
  });

  test('fails clearly when the node has no block', async () => {
    const { client } = fakeNode(() => null);
    await expect(latestTimestamp(client)).rejects.toThrow('no latest block');
  });
});
