import { defineConfig } from "@playwright/test";

import { base8453 } from "./e2e/chain8453/env";
import { e2eEnv } from "./e2e/fixtures/env";

/**
 * The whole app on a chain whose id is not 31337: Anvil as chain 8453 (Base's id) with Multicall3, the protocol
 * deployed by `npm run deploy`, a USDC-like 6-decimal token, the app built for that chain
 * (e2e/chain8453/setup.ts). Its own config, setup and ports, so it runs beside the main e2e run.
 */
export default defineConfig({
  globalSetup: "./e2e/chain8453/setup.ts",
  globalTeardown: "./e2e/chain8453/teardown.ts",
  testDir: "./e2e/chain8453",
  outputDir: "test-results/chain8453",
  forbidOnly: !!process.env.CI,
  workers: 1,
  reporter: "list",
  timeout: 240_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: base8453.appUrl,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "on",
    launchOptions: {
      executablePath: e2eEnv.chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chain8453" }],
});
