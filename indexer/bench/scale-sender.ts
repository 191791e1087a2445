// Sends the scale market's transactions: signed here from Anvil's mnemonic accounts, without simulation, many to a
// block with automine off (the caller turns it off and back on). Shared by the market generator and its extras.
import { parseUnits, type Address, type Hash } from "viem";
import { mnemonicToAccount, type HDAccount } from "viem/accounts";

import type { Chain } from "../test/harness/chain";
import { cloneAbi } from "../test/harness/market";

const MNEMONIC = "test test test test test test test test test test test junk";
// Small blocks: an indexer fetches each block with its transactions, and a 250-transaction block took Anvil over
// 10 s to answer on this loaded machine.
export const PER_BLOCK = 50;

export type Sender = Awaited<ReturnType<typeof createSender>>;

/** Funds `accountCount` mnemonic accounts with ether and starts their nonces from the chain's pending ones. */
export async function createSender(chain: Chain, accountCount: number, log: (line: string) => void) {
  const { client, wallet, testClient } = chain;
  const accounts: HDAccount[] = Array.from({ length: accountCount }, (_, addressIndex) =>
    mnemonicToAccount(MNEMONIC, { addressIndex }),
  );
  const nonces = new Map<Address, number>();
  for (const account of accounts) {
    await testClient.setBalance({ address: account.address, value: parseUnits("1000", 18) });
    nonces.set(account.address, await client.getTransactionCount({ address: account.address, blockTag: "pending" }));
  }
  const counts = { transactions: 0, reverted: 0 };
  let queued: Hash[] = [];
  let perBlock = PER_BLOCK;
  let blockSeconds = 0;

  /** Why a mined transaction reverted: replayed as a call at its block. */
  async function revertReason(hash: Hash) {
    const tx = await client.getTransaction({ hash });
    try {
      await client.call({ account: tx.from, to: tx.to!, data: tx.input, blockNumber: tx.blockNumber! - 1n });
      return `${hash} (the call succeeds when replayed)`;
    } catch (error) {
      return `${hash}: ${(error as Error).message.split("\n").slice(0, 3).join(" ")}`;
    }
  }

  async function mine() {
    if (queued.length === 0) return;
    if (blockSeconds > 0) await testClient.increaseTime({ seconds: blockSeconds });
    await testClient.mine({ blocks: 1 });
    for (const hash of queued) {
      const receipt = await chain.receipt(hash, "scale market");
      if (receipt.status !== "success") {
        if (counts.reverted++ === 0) log(`  first revert: ${await revertReason(hash)}`);
      }
    }
    queued = [];
  }

  async function send(from: number, address: Address, abi: readonly unknown[], functionName: string, args: unknown[]) {
    const account = accounts[from]!;
    const nonce = nonces.get(account.address)!;
    nonces.set(account.address, nonce + 1);
    const hash = await wallet.writeContract({
      account,
      chain: chain.chain,
      address,
      abi: abi as typeof cloneAbi,
      functionName: functionName as "deposit",
      args: args as [bigint, Address],
      nonce,
      gas: 2_500_000n,
      maxFeePerGas: parseUnits("1000", 9),
      maxPriorityFeePerGas: 1n,
    });
    queued.push(hash);
    counts.transactions++;
    if (queued.length >= perBlock) await mine();
  }

  /**
   * Runs `body`, mines what it left queued, and logs its count. Meanwhile `blockSize` transactions go to a block and
   * each block comes `secondsApart` after the last (0: the clock as Anvil keeps it).
   */
  async function phase(name: string, body: () => Promise<void>, { blockSize = PER_BLOCK, secondsApart = 0 } = {}) {
    const t0 = performance.now();
    const before = counts.transactions;
    [perBlock, blockSeconds] = [blockSize, secondsApart];
    try {
      await body();
      await mine();
    } finally {
      [perBlock, blockSeconds] = [PER_BLOCK, 0];
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    log(`  ${name}: ${counts.transactions - before} transactions in ${seconds} s (${counts.reverted} reverted so far)`);
  }

  const warp = async (seconds: number) => {
    await testClient.increaseTime({ seconds });
    await testClient.mine({ blocks: 1 });
  };

  return { accounts, counts, send, mine, phase, warp };
}
