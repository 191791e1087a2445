import { hashDomain, type Address } from "viem";
import { describe, expect, it } from "vitest";

import {
  chooseApprovalMode,
  needsAllowanceReset,
  permitDeadline,
  permitDomain,
  type Eip712DomainTuple,
} from "./approvalMode";
import { replacementFailure } from "./outcome";

const base = { allowance: 0n, amount: 100n, atomicBatch: false, permit: false, spenderIsTarget: true };
const token = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as Address;

describe("chooseApprovalMode", () => {
  it("skips the approval when the allowance already covers the amount", () => {
    expect(chooseApprovalMode({ ...base, allowance: 100n, atomicBatch: true, permit: true })).toBe("none");
  });
  it("batches when the wallet runs batches atomically, even if the token takes permits", () => {
    expect(chooseApprovalMode({ ...base, atomicBatch: true, permit: true })).toBe("batched");
  });
  it("uses a permit when the token takes one and the spender is the contract acting", () => {
    expect(chooseApprovalMode({ ...base, permit: true })).toBe("permit");
    expect(chooseApprovalMode({ ...base, permit: true, spenderIsTarget: false })).toBe("two-step");
  });
  it("falls back to two transactions", () => {
    expect(chooseApprovalMode({ ...base, allowance: 99n })).toBe("two-step");
  });
});

describe("needsAllowanceReset", () => {
  it("resets only a non-zero allowance whose direct change would revert (USDT rule)", () => {
    expect(needsAllowanceReset(5n, true)).toBe(true);
    expect(needsAllowanceReset(5n, false)).toBe(false);
    expect(needsAllowanceReset(0n, true)).toBe(false);
  });
});

describe("permitDomain", () => {
  const tuple: Eip712DomainTuple = ["0x0f", "Demo USD", "1", 31337n, token, `0x${"0".repeat(64)}`, []];
  const separator = hashDomain({
    domain: { name: "Demo USD", version: "1", chainId: 31337n, verifyingContract: token },
    types: {
      EIP712Domain: [
        { name: "name", type: "string" },
        { name: "version", type: "string" },
        { name: "chainId", type: "uint256" },
        { name: "verifyingContract", type: "address" },
      ],
    },
  });
  it("trusts an ERC-5267 domain that hashes to the token's DOMAIN_SEPARATOR", () => {
    expect(permitDomain(tuple, separator)).toEqual({
      name: "Demo USD",
      version: "1",
      chainId: 31337n,
      verifyingContract: token,
    });
  });
  it("refuses a domain that does not match (the permit would not verify)", () => {
    expect(permitDomain(["0x0f", "Other", "1", 31337n, token, tuple[5], []], separator)).toBeNull();
  });
});

describe("permitDeadline", () => {
  it("is twenty minutes of chain time ahead", () => {
    expect(permitDeadline(1_000n)).toBe(2_200n);
  });
});

describe("replacementFailure", () => {
  it("keeps a speed-up as the same action, and reports a cancel or a different transaction", () => {
    expect(replacementFailure("repriced", "deposit 1 dUSD")).toBeNull();
    expect(replacementFailure("cancelled", "deposit 1 dUSD")?.message).toMatch(
      /cancelled.*deposit 1 dUSD did not happen/,
    );
    expect(replacementFailure("replaced", "deposit 1 dUSD")?.message).toMatch(/replaced.*did not happen/);
  });
});
