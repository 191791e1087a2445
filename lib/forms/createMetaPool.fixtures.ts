/** Fixtures shared by the create-MetaPool form tests: two demo assets, the creator, arbiter and factory, a valid form. */
import type { Address } from "viem";

import { defaultCreateForm, type AssetInfo, type CreateForm } from "./createMetaPool";

export const DUSD: AssetInfo = { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "dUSD", decimals: 6 };
export const DDAI: AssetInfo = { address: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", symbol: "dDAI", decimals: 18 };
export const CREATOR: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
export const ARBITER: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
export const FACTORY: Address = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
export const errorOf = (c: { ok: boolean; error?: string }) => (c.ok ? undefined : c.error);

export function validForm(overrides: Partial<CreateForm> = {}): CreateForm {
  return {
    ...defaultCreateForm(DUSD.address),
    name: "  Blue-chip lending ",
    protectionStatement: "Pays when a listed lending market loses suppliers' funds.",
    pools: [
      { name: "Aave v3", description: "Aave v3 Ethereum core market." },
      { name: "Compound v3", description: "" },
    ],
    arbiter: ARBITER,
    ...overrides,
  };
}
