// What an idle tab costs the RPC: each route of the seeded market, loaded, then left alone while the chain mines
// nothing. Counts HTTP requests to the node and the JSON-RPC calls inside them (a batch counts each call), by method,
// and the indexer's requests beside them. Prints calls a minute per route and writes them to the artifacts dir
// (idle-rpc.json), which `npm run bench:idle` prints; the only assertion is that no log scan runs on a timer.
//   IDLE_WINDOW_MS   how long each route sits (default 30 s in the suite; the bench uses a full minute)
import { writeFileSync } from "node:fs";
import path from "node:path";

import type { Page, Request } from "@playwright/test";

import { metaPoolsByName } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { e2eEnv } from "../fixtures/env";
import { expect, test } from "../fixtures/test";
import { ROLE } from "./helpers";

const WINDOW_MS = Number(process.env.IDLE_WINDOW_MS || 30_000);

interface Traffic {
  rpcRequests: number;
  rpcCalls: number;
  byMethod: Record<string, number>;
  indexerRequests: number;
}

/** The node's and the indexer's traffic while the page sits for `ms`. */
async function trafficWhileIdle(page: Page, ms: number): Promise<Traffic> {
  const traffic: Traffic = { rpcRequests: 0, rpcCalls: 0, byMethod: {}, indexerRequests: 0 };
  const count = (request: Request) => {
    const url = request.url();
    if (url.startsWith(e2eEnv.indexerUrl)) traffic.indexerRequests++;
    if (!url.startsWith(e2eEnv.rpcUrl) || request.method() !== "POST") return;
    traffic.rpcRequests++;
    const calls = [JSON.parse(request.postData() ?? "[]")].flat() as { method?: string }[];
    for (const call of calls) {
      const method = call.method ?? "?";
      traffic.byMethod[method] = (traffic.byMethod[method] ?? 0) + 1;
      traffic.rpcCalls++;
    }
  };
  page.on("request", count);
  await page.waitForTimeout(ms);
  page.off("request", count);
  return traffic;
}

const perMinute = (n: number) => Math.round((n * 60_000) / WINDOW_MS);

test("idle routes: JSON-RPC calls a minute, and no eth_getLogs on a timer", async ({ page, wallet }) => {
  test.setTimeout(9 * WINDOW_MS + 240_000);
  const byName = await metaPoolsByName();
  const dex = byName["DEX core"]!;
  // Each route as the account that fills it: the seeker has positions, the DEX core's arbiter a pending claim.
  const routes = [
    { path: "/", account: ROLE.seeker, loaded: page.getByTestId("metapool-row").first() },
    { path: "/create", account: ROLE.seeker, loaded: page.getByRole("heading", { level: 1 }) },
    { path: `/metapool/${dex}`, account: ROLE.seeker, loaded: page.getByTestId("metapool-name") },
    { path: "/arbiter", account: ROLE.dexArbiter, loaded: page.getByText(/You arbitrate/) },
    { path: "/portfolio", account: ROLE.seeker, loaded: page.getByText("DEX core").first() },
    { path: "/how-it-works", account: ROLE.seeker, loaded: page.getByRole("heading", { level: 1 }) },
  ];
  await wallet.useAccount(ROLE.seeker);
  await page.goto("/how-it-works");
  await connectTestWallet(page, wallet.address);

  const results: Record<string, Traffic & { rpcCallsPerMinute: number; rpcRequestsPerMinute: number }> = {};
  for (const route of routes) {
    await wallet.useAccount(route.account);
    await page.goto(route.path);
    await expect(route.loaded).toBeVisible({ timeout: 60_000 });
    await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 60_000 });
    await page.waitForTimeout(5_000); // the first load's reads
    const traffic = await trafficWhileIdle(page, WINDOW_MS);
    results[route.path.startsWith("/metapool/") ? "/metapool/<DEX core>" : route.path] = {
      ...traffic,
      rpcCallsPerMinute: perMinute(traffic.rpcCalls),
      rpcRequestsPerMinute: perMinute(traffic.rpcRequests),
    };
  }

  const lines = Object.entries(results).map(
    ([route, t]) =>
      `  ${route.padEnd(22)} ${String(t.rpcCallsPerMinute).padStart(4)} calls/min ` +
      `${String(t.rpcRequestsPerMinute).padStart(4)} HTTP/min  ${JSON.stringify(t.byMethod)}  indexer ${t.indexerRequests}`,
  );
  console.log(`idle routes on chain 31337 with the indexer (${WINDOW_MS / 1000} s each):\n${lines.join("\n")}`);
  writeFileSync(
    path.join(e2eEnv.artifactsDir, "idle-rpc.json"),
    JSON.stringify({ windowMs: WINDOW_MS, routes: results }, null, 2),
  );

  // Log scans are incremental and follow new blocks: an idle chain gives them nothing to read.
  for (const [route, t] of Object.entries(results)) expect(t.byMethod.eth_getLogs ?? 0, route).toBe(0);
});
