import type { Address } from "viem";

/**
 * Every read the app makes is keyed under "canopy", so a confirmed transaction invalidates
 * exactly what it can have changed: one MetaPool, the connected account, one token.
 */
export const queryKeys = {
  all: ["canopy"] as const,
  metaPools: () => ["canopy", "metaPools"] as const,
  metaPool: (address: Address) => ["canopy", "metaPool", address.toLowerCase()] as const,
  account: (account: Address) => ["canopy", "account", account.toLowerCase()] as const,
  token: (token: Address) => ["canopy", "token", token.toLowerCase()] as const,
  chainTime: () => ["canopy", "chainTime"] as const,
};
