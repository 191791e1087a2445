import type { NextConfig } from "next";

// Optional peers that wagmi's connectors (and WalletConnect's logger) import but Canopy never uses;
// aliasing them to `false` keeps webpack from failing on the missing modules.
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
  webpack(config) {
    config.resolve.alias = {
      ...config.resolve.alias,
      ...Object.fromEntries(absentOptionalPeers.map((name) => [name, false])),
    };
    return config;
  },
};

export default nextConfig;
