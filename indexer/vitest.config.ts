import { defineConfig } from "vitest/config";

/** The indexer suite: one file, one Anvil, one Ponder; slow by nature (a chain, a backfill, a live follow). */
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});
