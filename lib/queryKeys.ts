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

/**
 * What any write to one MetaPool can change: the MetaPool, the explore list (its totals), and its
 * asset's balances and allowances. The write path adds the connected account and the clock.
 */
export const metaPoolWriteKeys = (metaPool: Address, asset: Address) =>
  [queryKeys.metaPool(metaPool), queryKeys.metaPools(), queryKeys.token(asset)] as const;
