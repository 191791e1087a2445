import type { NextConfig } from "next";

// Optional peers that wagmi's connectors (and WalletConnect's logger) import but Canopy never uses;
// aliasing them to `false` (webpack: `next build`, `DEV_BUNDLER=webpack npm run dev`) or to an empty module
// (Turbopack: `npm run dev`) keeps the bundlers from failing on the missing modules.
const absentOptionalPeers = [
  "@x402/core",
  "@x402/evm",
  "@x402/svm",
  "@x402/extensions",
  "@react-native-async-storage/async-storage",
  "pino-pretty",
];

const nextConfig: NextConfig = {
  // e2e builds into its own folder so it never clobbers a developer's `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  outputFileTracingRoot: __dirname,
  reactStrictMode: true,
  turbopack: {
    resolveAlias: Object.fromEntries(absentOptionalPeers.map((name) => [name, "./next.empty-module.js"])),
  },
  webpack(config) {
    config.resolve.alias = {
      ...config.resolve.alias,
      ...Object.fromEntries(absentOptionalPeers.map((name) => [name, false])),
    };
    return config;
  },
};

export default nextConfig;
