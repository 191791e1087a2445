import { spawn, type ChildProcess } from "node:child_process";

import { createPublicClient, http, parseUnits } from "viem";

import { metaPoolExtensionAbi } from "../../abis";
import { chainReader, e2eChain } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { e2eEnv } from "../fixtures/env";
import { expect, test, TestWallet } from "../fixtures/journey";
import { stopGroup, waitUntil } from "../fixtures/processes";
import { metaPoolAddress, ROLE } from "./helpers";

const FORK_RPC_PORT = Number(process.env.E2E_FORK_RPC_PORT || 8547);
const FORK_APP_PORT = Number(process.env.E2E_FORK_APP_PORT || 3101);
const forkRpc = `http://127.0.0.1:${FORK_RPC_PORT}`;
const forkApp = `http://127.0.0.1:${FORK_APP_PORT}`;

// What a user does against a real chain: `FORK_URL=<rpc> npm run dev`. Here the "real chain" is the e2e
// node, which holds the deployed, seeded contracts; `npm run dev` forks it, finds the contracts (no deploy,
// no seeding) and serves the app in dev mode against the fork.
test("FORK_URL: the app runs on a fork of a chain holding the contracts, and a purchase goes through there", async ({
  page,
}) => {
  test.setTimeout(420_000);
  let dev: ChildProcess | undefined;
  try {
    dev = spawn(process.execPath, ["scripts/dev.mjs"], {
      cwd: e2eEnv.repoRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        FORK_URL: e2eEnv.rpcUrl,
        RPC_PORT: String(FORK_RPC_PORT),
        PORT: String(FORK_APP_PORT),
        NEXT_DIST_DIR: ".next-fork",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    let output = "";
    dev.stdout!.on("data", (d) => (output += d));
    dev.stderr!.on("data", (d) => (output += d));
    await waitUntil("npm run dev on the fork", async () => (await fetch(forkApp)).ok, {
      timeoutMs: 240_000,
      child: dev,
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output}`);
    });
    expect(output).toContain("Contracts already deployed on this chain");

    const wallet = await TestWallet.create(forkRpc);
    await wallet.attach(page);
    await wallet.useAccount(ROLE.underwriter);
    const fork = createPublicClient({
      chain: { ...e2eChain, rpcUrls: { default: { http: [forkRpc] } } },
      transport: http(forkRpc),
    });
    const metaPool = await metaPoolAddress("Blue-chip lending");
    const [, nextBefore] = await fork.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "purchaseQueue",
    });

    await page.goto(`${forkApp}/metapool/${metaPool}#underwrite`, { timeout: 180_000 });
    await connectTestWallet(page, wallet.address);
    await expect(page.getByTestId("metapool-name")).toHaveText("Blue-chip lending", { timeout: 120_000 });
    await page.getByTestId("faucet").click();
    await expect(page.locator("[data-phase]").last()).toHaveAttribute("data-phase", "confirmed", { timeout: 60_000 });
    await page.getByTestId("tab-protect").click();
    await page.getByTestId("protect-pool-0").check();
    await page.getByLabel("Deposit", { exact: true }).fill("100");
    await page.getByTestId("protect-submit").click();
    await expect
      .poll(
        async () =>
          (await fork.readContract({ address: metaPool, abi: metaPoolExtensionAbi, functionName: "purchaseQueue" }))[1],
        { timeout: 60_000 },
      )
      .toBe(nextBefore + 1n);

    const bought = await fork.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "purchase",
      args: [nextBefore],
    });
    expect(bought.amount).toBe(parseUnits("100", 6));
    expect(bought.buyer).toBe(wallet.address);
    // The fork is isolated: the chain it forked has no such purchase.
    const origin = await chainReader.readContract({
      address: metaPool,
      abi: metaPoolExtensionAbi,
      functionName: "purchaseQueue",
    });
    expect(origin[1]).toBe(nextBefore);
  } finally {
    if (dev?.pid) await stopGroup(dev.pid);
  }
});
