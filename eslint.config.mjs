import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const eslintConfig = [
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      "out/**",
      "next-env.d.ts",
      "contracts/out/**",
      "contracts/cache/**",
      "abis/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/.artifacts*/**",
    ],
  },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    // CommonJS files (e.g. scripts/solc.cjs) can only load modules with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Components render; hooks own chain access (ABIs, wagmi actions, reads), even for types: shapes of
    // read results live in lib/types.
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "wagmi/actions",
              message: "Hooks own chain access: call or add a hook in hooks/ (writes in hooks/actions).",
            },
            {
              name: "@/abis",
              message: "Hooks own chain access: call or add a hook in hooks/ (writes in hooks/actions).",
            },
            {
              name: "@/lib/contracts",
              message: "Hooks own chain access: call or add a hook in hooks/ (addresses: @/lib/deployment).",
            },
          ],
          patterns: [
            { group: ["@/abis/*"], message: "Hooks own chain access: call or add a hook in hooks/." },
            {
              group: ["@/lib/reads", "@/lib/reads/*"],
              message: "Hooks own chain access: read through a hook in hooks/ (shapes of read results: @/lib/types/*).",
            },
          ],
        },
      ],
    },
  },
  {
    // lib is pure and React-free: protocol math, formatting, reads as plain functions of a client.
    files: ["lib/**"],
    ignores: ["lib/wagmi.ts"], // the wagmi config object itself: it is built with wagmi's createConfig, used by providers and hooks.
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "react", message: "lib is pure and React-free: put React in hooks/ or components/." },
            { name: "wagmi", message: "lib is pure and React-free: wagmi belongs in hooks/." },
          ],
          patterns: [
            {
              group: ["wagmi/*", "@/hooks/*", "@/components/*"],
              message: "lib is pure and React-free: it imports neither hooks nor components.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default eslintConfig;
