import { defineConfig } from "vitest/config";

/** `npm run bench:scale-app`: the app's timings at scale (numbers, not pass/fail on time). */
export default defineConfig({
  test: {
    environment: "node",
    include: ["bench/scale-app.ts"],
    fileParallelism: false,
    testTimeout: 6 * 3_600_000,
    hookTimeout: 600_000,
  },
});
