import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

export default defineConfig({
  // tsconfig keeps JSX as-is for Next; tests compile it with React's automatic runtime.
  esbuild: { jsx: "automatic" },
  // Mirrors the "@/*" path alias of tsconfig.json.
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "hooks/**/*.test.ts", "components/**/*.test.ts?(x)", "scripts/lib/**/*.test.mjs"],
    exclude: ["e2e/**", "node_modules/**", "**/*.chain.test.ts"],
  },
});
