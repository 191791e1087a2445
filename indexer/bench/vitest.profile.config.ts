import { defineConfig } from "vitest/config";

/** bench/profile-visit.ts: one visit's long tasks and CPU profile (an analysis, not a test). */
export default defineConfig({
  test: { environment: "node", include: ["bench/profile-visit.ts"], testTimeout: 600_000 },
});
