// The create-MetaPool form's texts, coverage pools, addresses and asset, checked as the contract checks them.
import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";

import {
  checkAddressFormat,
  checkArbiter,
  checkAssetAddress,
  checkAssetDecimals,
  checkAssetProbe,
  checkName,
  checkPoolDescription,
  checkPoolName,
  checkPools,
  checkProtectionStatement,
  utf8Length,
} from "./createMetaPool";
import { ARBITER, CREATOR, DUSD, errorOf } from "./createMetaPool.fixtures";

describe("texts count UTF-8 bytes, as the contract does", () => {
  it("counts multi-byte characters by their bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("🛡️")).toBe(7);
  });

  it("name: 1..64 bytes (InvalidName)", () => {
    expect(errorOf(checkName(""))).toMatch(/Enter a name/);
    expect(errorOf(checkName("   "))).toMatch(/Enter a name/);
    expect(checkName("a".repeat(64))).toEqual({ ok: true, value: "a".repeat(64) });
    expect(errorOf(checkName("a".repeat(65)))).toMatch(/65 bytes.*at most 64/);
    // 32 characters, 64 bytes: fine; 33 two-byte characters: 66 bytes, refused.
    expect(checkName("é".repeat(32)).ok).toBe(true);
    expect(errorOf(checkName("é".repeat(33)))).toMatch(/66 bytes/);
  });

  it("name is trimmed before it is measured and sent", () => {
    expect(checkName(`  ${"a".repeat(64)}  `)).toEqual({ ok: true, value: "a".repeat(64) });
  });

  it("protection statement: 1..4096 bytes (InvalidProtectionStatement)", () => {
    expect(errorOf(checkProtectionStatement(""))).toMatch(/Enter the protection statement/);
    expect(checkProtectionStatement("x".repeat(4096)).ok).toBe(true);
    expect(errorOf(checkProtectionStatement("x".repeat(4097)))).toMatch(/4097 bytes.*4096/);
    expect(errorOf(checkProtectionStatement("€".repeat(1366)))).toMatch(/4098 bytes/);
  });

  it("pool name: 1..64 bytes (InvalidPoolName)", () => {
    expect(errorOf(checkPoolName(""))).toMatch(/Enter the coverage pool's name/);
    expect(checkPoolName("p".repeat(64)).ok).toBe(true);
    expect(errorOf(checkPoolName("p".repeat(65)))).toMatch(/65 bytes/);
  });

  it("pool description: at most 280 bytes, may be empty (InvalidPoolDescription)", () => {
    expect(checkPoolDescription("")).toEqual({ ok: true, value: "" });
    expect(checkPoolDescription("d".repeat(280)).ok).toBe(true);
    expect(errorOf(checkPoolDescription("d".repeat(281)))).toMatch(/281 bytes.*280/);
    expect(errorOf(checkPoolDescription("é".repeat(141)))).toMatch(/282 bytes/);
  });
});

describe("coverage pools", () => {
  const pool = (name: string, description = "") => ({ name, description });

  it("needs 1..16 pools (InvalidPoolCount)", () => {
    expect(checkPools([]).count).toMatch(/at least one/);
    expect(checkPools([pool("A")]).count).toBeUndefined();
    const sixteen = Array.from({ length: 16 }, (_, i) => pool(`P${i}`));
    expect(checkPools(sixteen).count).toBeUndefined();
    expect(checkPools([...sixteen, pool("P16")]).count).toMatch(/at most 16.*remove 1/);
  });

  it("reports each pool's name and description errors at its index", () => {
    const result = checkPools([pool("A"), pool("", "d".repeat(281))]);
    expect(result.pools[0]).toEqual({});
    expect(result.pools[1]!.name).toMatch(/Enter/);
    expect(result.pools[1]!.description).toMatch(/281 bytes/);
  });

  it("refuses duplicate names, ignoring case and surrounding spaces", () => {
    const result = checkPools([pool("Aave v3"), pool("Curve"), pool(" aave V3 ")]);
    expect(result.pools[0]).toEqual({});
    expect(result.pools[1]).toEqual({});
    expect(result.pools[2]!.name).toMatch(/Pool 1 already has this name/);
  });
});

describe("addresses", () => {
  it("accepts a checksummed or an all-lower-case address and returns it checksummed", () => {
    expect(checkAddressFormat(DUSD.address, "x")).toEqual({ ok: true, value: DUSD.address });
    expect(checkAddressFormat(` ${DUSD.address.toLowerCase()} `, "x")).toEqual({ ok: true, value: DUSD.address });
  });

  it("says what is wrong with the format", () => {
    expect(errorOf(checkAddressFormat("", "the token's address"))).toBe("Enter the token's address.");
    expect(errorOf(checkAddressFormat("Dc64a140Aa3E981100a9becA4E685f962f0cF6C9", "x"))).toMatch(/starts with 0x/);
    expect(errorOf(checkAddressFormat("0xZc64a140Aa3E981100a9becA4E685f962f0cF6C9", "x"))).toMatch(/only the digits/);
    expect(errorOf(checkAddressFormat("0xDc64a140", "x"))).toMatch(/40 hex digits.*has 8/);
  });

  it("refuses a mixed-case address whose checksum is wrong", () => {
    const broken = "0xdC64a140Aa3E981100a9becA4E685f962f0cF6C9";
    expect(errorOf(checkAddressFormat(broken, "x"))).toMatch(/checksum/);
  });

  it("asset: the zero address is not a token", () => {
    expect(errorOf(checkAssetAddress(zeroAddress))).toMatch(/not a token/);
    expect(checkAssetAddress(DUSD.address).ok).toBe(true);
  });

  it("arbiter: the zero address is refused (InvalidArbiter)", () => {
    expect(errorOf(checkArbiter(zeroAddress, CREATOR))).toMatch(/zero address cannot rule/);
  });

  it("arbiter: another address has no warning, the creator itself is allowed with one", () => {
    expect(checkArbiter(ARBITER, CREATOR)).toEqual({ ok: true, value: { address: ARBITER, warning: undefined } });
    const self = checkArbiter(CREATOR.toLowerCase(), CREATOR);
    expect(self.ok).toBe(true);
    expect(self.ok && self.value.address).toBe(CREATOR);
    expect(self.ok && self.value.warning).toMatch(/arbiter of your own MetaPool/);
  });
});

describe("the asset as read from the chain", () => {
  it("InvalidAsset: no code, or no decimals()", () => {
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: false }))).toMatch(/No contract/);
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, symbol: "X" }))).toMatch(/decimals\(\)/);
  });

  it("InvalidAssetDecimals: 6..18 only", () => {
    expect(errorOf(checkAssetDecimals(5))).toMatch(/5 decimals.*6 to 18/);
    expect(checkAssetDecimals(6)).toEqual({ ok: true, value: 6 });
    expect(checkAssetDecimals(18)).toEqual({ ok: true, value: 18 });
    expect(errorOf(checkAssetDecimals(19))).toMatch(/19 decimals/);
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 2, symbol: "X" }))).toMatch(/2 decimals/);
  });

  it("needs a symbol to show amounts", () => {
    expect(errorOf(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 6 }))).toMatch(/symbol\(\)/);
  });

  it("accepts a real token", () => {
    expect(checkAssetProbe(DUSD.address, { hasCode: true, decimals: 6, symbol: "dUSD" })).toEqual({
      ok: true,
      value: DUSD,
    });
  });
});
