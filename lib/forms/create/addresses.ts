import { getAddress, isAddress, zeroAddress, type Address } from "viem";

import { sameAddress } from "@/lib/format";

import { fail, MAX_DECIMALS, MIN_DECIMALS, ok, type Check } from "./check";

// Addresses

/** An address as typed: 0x + 40 hex digits; mixed case must carry a valid EIP-55 checksum. */
export function checkAddressFormat(text: string, what: string): Check<Address> {
  const value = text.trim();
  if (value === "") return fail(`Enter ${what}.`);
  if (!/^0x/i.test(value)) return fail("An address starts with 0x.");
  if (!/^0x[0-9a-fA-F]*$/.test(value)) return fail("An address holds only the digits 0-9 and the letters a-f.");
  if (value.length !== 42) return fail(`An address has 40 hex digits after 0x; this one has ${value.length - 2}.`);
  if (!isAddress(value, { strict: true })) {
    return fail(
      "The checksum (upper and lower case letters) does not match: check the address, or paste it in lower case.",
    );
  }
  return ok(getAddress(value));
}

/** The asset address's format; whether it is a token is read from the chain (see `checkAssetProbe`). */
export function checkAssetAddress(text: string): Check<Address> {
  const address = checkAddressFormat(text, "the token's address");
  if (address.ok && address.value === zeroAddress) return fail("The zero address is not a token.");
  return address;
}

/** What the app read from the chain at the asset address. */
export interface AssetProbe {
  /** Whether the address holds contract code (InvalidAsset otherwise). */
  hasCode: boolean;
  /** `decimals()`, or undefined if the call failed (InvalidAsset). */
  decimals?: number;
  /** `symbol()`, or undefined if the call failed (the contract does not need it; the app does). */
  symbol?: string;
  /** `totalSupply()`, or undefined if the call failed: the most of the token that exists today. */
  totalSupply?: bigint;
}

export interface AssetInfo {
  address: Address;
  symbol: string;
  decimals: number;
  /** Every token in existence today, when the token says: no purchase can be larger. */
  totalSupply?: bigint;
}

/**
 * InvalidAsset (no code, or no `decimals()`), InvalidAssetDecimals (outside 6..18), and a symbol
 * the app can show next to every amount.
 */
export function checkAssetProbe(address: Address, probe: AssetProbe): Check<AssetInfo> {
  if (!probe.hasCode) return fail("No contract lives at this address on this network; choose an ERC-20 token.");
  if (probe.decimals === undefined) {
    return fail("This contract does not answer decimals(), so it is not an ERC-20 token the MetaPool can hold.");
  }
  const decimals = checkAssetDecimals(probe.decimals);
  if (!decimals.ok) return fail(decimals.error);
  if (probe.symbol === undefined || probe.symbol.trim() === "") {
    return fail("This contract does not answer symbol(), so it is not an ERC-20 token the app can show.");
  }
  return ok({ address, symbol: probe.symbol, decimals: probe.decimals, totalSupply: probe.totalSupply });
}

/** InvalidAssetDecimals: the asset must have 6 to 18 decimals. */
export function checkAssetDecimals(decimals: number): Check<number> {
  if (!Number.isInteger(decimals) || decimals < MIN_DECIMALS || decimals > MAX_DECIMALS) {
    return fail(`This token has ${decimals} decimals; a MetaPool's asset needs ${MIN_DECIMALS} to ${MAX_DECIMALS}.`);
  }
  return ok(decimals);
}

export interface ArbiterCheck {
  address: Address;
  /** Shown, not blocking: the creator arbitrates claims against its own pool. */
  warning?: string;
}

/** InvalidArbiter: any address but zero. The creator may be its own arbiter, with a warning. */
export function checkArbiter(text: string, creator?: Address): Check<ArbiterCheck> {
  const address = checkAddressFormat(text, "the arbiter's address");
  if (!address.ok) return address;
  if (address.value === zeroAddress) return fail("The zero address cannot rule on claims; choose a real arbiter.");
  const self = sameAddress(address.value, creator);
  return ok({
    address: address.value,
    warning: self
      ? "You would be the arbiter of your own MetaPool: you alone would rule on claims against it and earn its creator fee. Seekers may trust it less."
      : undefined,
  });
}
