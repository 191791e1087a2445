// Cover against the chain at the checked block: each cover epoch's token and what is left of a closed one, every
// holder's balance, the epochs opened, and how many cover token transfers there were.
import { eq } from "@ponder/client";
import { parseEventLogs, type Address } from "viem";

import { coverTokenAbi } from "../../abis";
import * as schema from "../../ponder.schema";
import type { Check } from "./compareCheck";
import type { MarketMetaPool } from "./market";

export async function compareCover(
  { client, db, block, actors, same, read }: Check,
  m: MarketMetaPool,
  logs: readonly { eventName: string; address: Address }[],
) {
  const label = m.plan.name;
  // Cover epochs, tokens and holders
  const epochs = await db.select().from(schema.coverEpoch).where(eq(schema.coverEpoch.metaPool, m.address));
  for (const e of epochs) {
    const el = `${label} pool ${e.poolId} epoch ${e.epoch}`;
    same(`${el} token`, e.token, await read(m.address, "coverToken", [BigInt(e.poolId), BigInt(e.epoch)]));
    if (e.closed && (e.supplyAtClose ?? 0n) > 0n) {
      const closed = await read<{ remaining: bigint; supply: bigint }>(m.address, "closedEpoch", [
        BigInt(e.poolId),
        BigInt(e.epoch),
      ]);
      same(`${el} remaining`, e.remaining, closed.remaining);
      same(`${el} remainingSupply`, e.remainingSupply, closed.supply);
    }
    const coverHolders = await db.select().from(schema.coverHolder).where(eq(schema.coverHolder.token, e.token));
    const coverOf = new Map(coverHolders.map((h) => [h.account.toLowerCase(), h.balance]));
    for (const account of new Set([...actors, ...coverHolders.map((h) => h.account)].map((a) => a.toLowerCase()))) {
      const balance = await client.readContract({
        address: e.token,
        abi: coverTokenAbi,
        functionName: "balanceOf",
        args: [account as Address],
        blockNumber: block,
      });
      same(`${el} cover of ${account}`, coverOf.get(account) ?? 0n, balance);
    }
  }
  same(
    `${label} cover epochs opened`,
    epochs.length,
    logs.filter((l) => l.eventName === "CoverEpochOpened" && l.address === m.address.toLowerCase()).length,
  );
}

/** How many cover token transfers the chain holds up to the checked block. */
export async function coverTransfers({ client, db, block }: Check, fromBlock: bigint) {
  const tokens = (await db.select().from(schema.coverToken)).map((t) => t.address);
  if (tokens.length > 0) {
    const transfers = parseEventLogs({
      abi: coverTokenAbi,
      eventName: "Transfer",
      logs: await client.getLogs({ address: tokens, fromBlock, toBlock: block }),
    });
    return transfers.length;
  }
  return undefined;
}
