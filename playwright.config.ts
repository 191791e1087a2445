import { defineConfig } from "@playwright/test";

import { e2eEnv } from "./e2e/fixtures/env";

const isCI = !!process.env.CI;

export default defineConfig({
  globalSetup: "./e2e/fixtures/global-setup.ts",
  globalTeardown: "./e2e/fixtures/global-teardown.ts",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // The machine has two cores and the app server and node share them.
  workers: isCI ? 1 : 2,
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : "list",
  // A cold page compiles nothing (next start) but hydrates RainbowKit and wagmi on two busy cores: a connect round
  // trip took 34-37 s with the load at 17, so a test gets a minute. Timings are benchmarks, not test limits.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: e2eEnv.appUrl,
    browserName: "chromium",
    trace: "retain-on-failure",
    // Every test leaves its last screen; journeys also attach their key steps (see e2e/full/helpers.ts `snap`).
    screenshot: "on",
    launchOptions: {
      executablePath: e2eEnv.chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "smoke", testDir: "./e2e/smoke" },
    // Journeys sign several transactions and travel in time: minutes, not seconds.
    { name: "full", testDir: "./e2e/full", timeout: 120_000 },
    // The app built without an indexer (E2E_NO_INDEXER=1, its own build folder and ports: scripts/test.mjs).
    { name: "chain-only", testDir: "./e2e/chain-only", timeout: 120_000 },
  ],
});
