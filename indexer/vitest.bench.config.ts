import { defineConfig } from "vitest/config";

/** `npm run bench`: indexing speed on the demo market and a larger generated one (numbers, not pass/fail on time). */
export default defineConfig({
  test: {
    environment: "node",
    include: ["bench/{indexing,scale}.ts"],
    fileParallelism: false,
    testTimeout: 3_600_000,
  },
});
