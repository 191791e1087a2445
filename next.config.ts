import { writeFileSync } from "node:fs";
import { join } from "node:path";

import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

// Optional peers that wagmi's connectors (and WalletConnect's logger) import but Canopy never uses;
// aliasing them to nothing keeps the bundlers from failing on the missing modules.
const absentOptionalPeers = [
  "@x402/core",
  "@x402/evm",
  "@x402/svm",
  "@x402/extensions",
  "@react-native-async-storage/async-storage",
  "pino-pretty",
];

// The SDKs behind wagmi's connectors for wallets Canopy does not offer: lib/wagmi.ts lists the injected wallets,
// and WalletConnect only with a project id. wagmi imports an SDK only when its connector connects, yet a bundler
// compiles every one of them (WalletConnect's brings Reown's UI kit, Lit and a QR encoder). The dev server leaves
// them out; `next build` is unchanged. A wallet added to lib/wagmi.ts must leave this list.
const walletSdksNotOffered = [
  "@base-org/account",
  "@coinbase/wallet-sdk",
  "cbw-sdk",
  "@gemini-wallet/core",
  "@metamask/sdk",
  "porto",
  "@safe-global/safe-apps-provider",
  "@safe-global/safe-apps-sdk",
  ...(process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ? [] : ["@walletconnect/ethereum-provider"]),
];

/**
 * BUNDLE_STATS=1 `next build`: writes <distDir>/chunk-modules.json, every client chunk's files and the modules in
 * it with their size before minification, to see what a route pulls (Next's table gives only totals).
 */
// The parts of webpack's API it uses (Next ships webpack's types as `any`).
type StatsModule = { readableIdentifier(shortener: unknown): string; size(): number };
type StatsCompilation = {
  chunks: Iterable<{ files: Iterable<string> }>;
  chunkGraph: { getChunkModules(chunk: unknown): StatsModule[] };
  requestShortener: unknown;
};
type StatsCompiler = {
  outputPath: string;
  hooks: { emit: { tap(name: string, run: (compilation: StatsCompilation) => void): void } };
};

class ChunkModulesPlugin {
  apply(compiler: StatsCompiler) {
    compiler.hooks.emit.tap("ChunkModulesPlugin", (compilation) => {
      const chunks = [...compilation.chunks].map((chunk) => ({
        files: [...chunk.files],
        modules: compilation.chunkGraph
          .getChunkModules(chunk)
          .map((m) => ({ name: m.readableIdentifier(compilation.requestShortener), size: m.size() }))
          .sort((a, b) => b.size - a.size),
      }));
      const out = join(compiler.outputPath, "chunk-modules.json");
      writeFileSync(out, JSON.stringify(chunks));
    });
  }
}

/**
 * NEXT_PUBLIC_CHAIN_ID as lib/chain.ts reads it (unset or empty: 31337; "0x2105": 8453), written as a plain integer so
 * its comparisons with each known chain id fold at build time and only that chain's definition is bundled. A value
 * that is no positive integer is passed on as it is, for lib/chain.ts to refuse.
 */
function canonicalChainId(raw: string | undefined): string {
  if (!raw) return "31337";
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? String(id) : raw;
}

export default function nextConfig(phase: string): NextConfig {
  const dev = phase === PHASE_DEVELOPMENT_SERVER;
  const empty = dev ? [...absentOptionalPeers, ...walletSdksNotOffered] : absentOptionalPeers;
  return {
    // e2e builds into its own folder so it never clobbers a developer's `.next`.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    outputFileTracingRoot: __dirname,
    reactStrictMode: true,
    env: {
      NEXT_PUBLIC_CHAIN_ID: canonicalChainId(process.env.NEXT_PUBLIC_CHAIN_ID),
      // Inlined even when unset (""), so lib/wagmi.ts's test folds and WalletConnect's connector is left out.
      NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ?? "",
    },
    // `npm run bench:bundle:sources` splits each route's JS by source file through the browser source maps.
    productionBrowserSourceMaps: process.env.BUNDLE_SOURCEMAPS === "1",
    // `npm run bench:bundle` builds only to measure: types and lint are checked by `npm run typecheck` and `lint`.
    ...(process.env.NEXT_SKIP_CHECKS === "1" && {
      typescript: { ignoreBuildErrors: true },
      eslint: { ignoreDuringBuilds: true },
    }),
    // Dev compiles only the parts of these barrels that a module imports, where it compiled each barrel whole:
    // RainbowKit's `mainnet` from wagmi/chains brought all 637 of viem's chains, @wagmi/core all of viem.
    ...(dev && {
      experimental: {
        optimizePackageImports: [
          "viem",
          "viem/chains",
          "wagmi",
          "wagmi/chains",
          "@wagmi/core",
          "@wagmi/connectors",
          "@rainbow-me/rainbowkit",
          "@rainbow-me/rainbowkit/wallets",
          "@tanstack/react-query",
        ],
      },
    }),
    // `next dev --turbopack`: Turbopack in Next 15 takes no `false` alias, so an empty module stands in.
    turbopack: {
      resolveAlias: Object.fromEntries(empty.map((name) => [name, "./next.empty-module.js"])),
    },
    webpack(config, { isServer }) {
      config.resolve.alias = {
        ...config.resolve.alias,
        ...Object.fromEntries(empty.map((name) => [name, false])),
      };
      if (process.env.BUNDLE_STATS === "1" && !isServer) config.plugins.push(new ChunkModulesPlugin());
      return config;
    },
  };
}
