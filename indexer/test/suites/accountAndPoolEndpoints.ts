// An account's positions, each pool's cover holders with the arbiter desk, and each MetaPool's creation block, through
// the indexer and through the chain's logs (registered by indexer.test.ts on its one run).
import { zeroAddress } from "viem";
import { expect, test } from "vitest";

import { countHolders } from "../../../lib/arbiter/holders";
import { parseCoverHolders } from "../../../lib/indexer/holders";
import { emptyHistory, parsePositionHistories } from "../../../lib/indexer/positions";
import { readArbiterDesk } from "../../../lib/reads/arbiterDesk";
import { readPositionHistoryFromLogs } from "../../../lib/reads/positionHistory";
import { hasPosition, readAccountPosition } from "../../../lib/reads/positions";
import { coverTokenAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";
import type { IndexerRun } from "../harness/run";

export function accountAndPoolEndpointTests(run: IndexerRun) {
  test("every account's position read through the indexer's history equals the one read through the events", async () => {
    const head = await run.chain.client.getBlock({ blockTag: "latest" });
    await run.indexer.waitForBlock(Number(head.number));
    const seen = { positions: 0, requests: 0, purchases: 0, restarts: 0, openCover: 0, closedCover: 0 };
    for (const account of run.chain.accounts.map((a) => a.address)) {
      const res = await fetch(`${run.indexer.url}/canopy/account/${account}/positions`);
      expect(res.status).toBe(200);
      const { indexedBlock, histories } = parsePositionHistories(await res.json());
      expect(indexedBlock).toBeGreaterThanOrEqual(head.number);
      for (const m of run.market.metaPools) {
        const view = await run.chain.client.readContract({
          address: m.address,
          abi: metaPoolExtensionAbi,
          functionName: "metaPoolView",
        });
        const fromEvents = await readPositionHistoryFromLogs(
          run.chain.client,
          view,
          account,
          BigInt(run.deployment.startBlock),
        );
        const expected = await readAccountPosition(run.chain.client, view, account, fromEvents, head.timestamp);
        const indexed = histories[m.address.toLowerCase()] ?? emptyHistory;
        const actual = await readAccountPosition(run.chain.client, view, account, indexed, head.timestamp);
        expect(actual, `${account} in ${m.address}`).toEqual(expected);
        if (!hasPosition(expected)) continue;
        seen.positions++;
        seen.requests += expected.requests.length;
        seen.purchases += expected.purchases.length;
        seen.restarts += expected.purchases.filter((p) => p.restart).length;
        seen.openCover += expected.cover.filter((c) => !c.closed).length;
        seen.closedCover += expected.cover.filter((c) => c.closed).length;
      }
    }
    console.log(`positions compared: ${JSON.stringify(seen)}`);
    // The scenario made every kind of position, so the comparison covered each.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
    // One MetaPool only, and bad input.
    const one = run.market.metaPools[0]!.address;
    const single = await fetch(
      `${run.indexer.url}/canopy/account/${run.chain.accounts[0]!.address}/positions?metaPool=${one}`,
    );
    expect(Object.keys(parsePositionHistories(await single.json()).histories)).toEqual([one.toLowerCase()]);
    expect((await fetch(`${run.indexer.url}/canopy/account/0x12/positions`)).status).toBe(400);
    expect((await fetch(`${run.indexer.url}/canopy/account/${one}/positions?metaPool=x`)).status).toBe(400);
  });

  test("each pool's holders and the arbiter desk's evidence through the indexer equal the chain's logs", async () => {
    // A pending claim to put on the desk, outside the MetaPool the reorg test deposits into.
    let filedIn: (typeof run.market.metaPools)[number] | undefined;
    for (const m of run.market.metaPools.slice(1)) {
      const view = await run.chain.client.readContract({
        address: m.address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      if (view.shutDown || view.pendingClaims > 0n) {
        if (view.pendingClaims > 0n) filedIn = m;
        if (filedIn) break;
        continue;
      }
      const poolId = view.pools.findIndex((p) => p.coverSupply > 0n);
      for (let from = 0; poolId >= 0 && from < 10 && !filedIn; from++) {
        if (await run.act.fileClaim(m, from, poolId, `desk evidence ${from}: “exploit” in pool ${poolId}`)) filedIn = m;
      }
      if (filedIn) break;
    }
    expect(filedIn, "a MetaPool with a pending claim").toBeDefined();
    await run.indexer.waitForBlock(Number(await run.chain.client.getBlockNumber()));
    let pools = 0;
    for (const m of run.market.metaPools) {
      const view = await run.chain.client.readContract({
        address: m.address,
        abi: metaPoolExtensionAbi,
        functionName: "metaPoolView",
      });
      const res = await fetch(`${run.indexer.url}/canopy/metapool/${m.address}/holders`);
      expect(res.status).toBe(200);
      const counted = parseCoverHolders(await res.json());
      for (const [poolId, pool] of view.pools.entries()) {
        if (pool.token === zeroAddress) continue;
        const transfers = await run.chain.client.getContractEvents({
          address: pool.token,
          abi: coverTokenAbi,
          eventName: "Transfer",
          fromBlock: 0n,
          strict: true,
        });
        expect(counted.get(poolId), `${m.address} pool ${poolId}`).toEqual({
          token: pool.token.toLowerCase(),
          holders: countHolders(transfers.map((t) => t.args)),
        });
        pools++;
      }
      const viaLogs = await readArbiterDesk(run.chain.client, view, m.arbiter, BigInt(run.deployment.startBlock));
      const viaIndexer = await readArbiterDesk(
        run.chain.client,
        view,
        m.arbiter,
        BigInt(run.deployment.startBlock),
        run.indexer.url,
      );
      expect(viaIndexer, m.address).toEqual(viaLogs);
      if (m === filedIn) {
        expect(viaIndexer.claims.length).toBeGreaterThan(0);
        expect(viaIndexer.claims.every((c) => c.evidenceVerified && c.filedTx && c.holders !== undefined)).toBe(true);
      }
    }
    expect(pools).toBeGreaterThan(0);
    expect((await fetch(`${run.indexer.url}/canopy/metapool/0x12/holders`)).status).toBe(400);
  });

  test("each MetaPool's creation block is the block of the factory's MetaPoolCreated for it", async () => {
    const created = await run.chain.client.getContractEvents({
      address: run.deployment.factory,
      abi: metaPoolFactoryAbi,
      eventName: "MetaPoolCreated",
      fromBlock: BigInt(run.deployment.startBlock),
      strict: true,
    });
    expect(created.length).toBe(run.market.metaPools.length);
    for (const log of created) {
      const res = await fetch(`${run.indexer.url}/canopy/metapool/${log.args.metaPool}/creation`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        metaPool: log.args.metaPool.toLowerCase(),
        factory: run.deployment.factory.toLowerCase(),
        createdBlock: log.blockNumber.toString(),
        createdTx: log.transactionHash,
      });
    }
    expect((await fetch(`${run.indexer.url}/canopy/metapool/${run.deployment.factory}/creation`)).status).toBe(404);
    expect((await fetch(`${run.indexer.url}/canopy/metapool/0x12/creation`)).status).toBe(400);
  });
}
