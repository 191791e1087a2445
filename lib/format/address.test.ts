import { describe, expect, it } from "vitest";

import { coverTokenSymbol, sameAddress, shortAddress } from ".";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("shortAddress", () => {
  it("keeps the first 6 and last 4 characters", () => {
    expect(shortAddress(A)).toBe("0x7099…79C8");
  });
  it("leaves 12 characters or fewer as they are", () => {
    expect(shortAddress("0x1234567890")).toBe("0x1234567890");
    expect(shortAddress("")).toBe("");
  });
});

describe("sameAddress", () => {
  it("ignores the letter case", () => {
    expect(sameAddress(A, A.toLowerCase())).toBe(true);
    expect(sameAddress(A.toUpperCase(), A)).toBe(true);
  });
  it("is false for different or missing values", () => {
    expect(sameAddress(A, "0x0000000000000000000000000000000000000001")).toBe(false);
    expect(sameAddress(undefined, undefined)).toBe(false);
    expect(sameAddress(A, null)).toBe(false);
    expect(sameAddress("", "")).toBe(false);
  });
});

describe("coverTokenSymbol", () => {
  it("names the pool and the epoch, from a number or a bigint", () => {
    expect(coverTokenSymbol(1, 2)).toBe("cnpy-1-e2");
    expect(coverTokenSymbol(0, 7n)).toBe("cnpy-0-e7");
  });
});
