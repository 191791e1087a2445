import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

/**
 * The chain suites (`npm run test:chain`): `*.chain.test.ts` against a fresh Anvil on 127.0.0.1:8550 with the
 * contracts deployed (lib/testing/chain/globalSetup.ts). One file at a time: they share the chain.
 */
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["**/*.chain.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "contracts/**"],
    globalSetup: ["lib/testing/chain/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
