import { hashDomain, type Address, type TypedDataDomain } from "viem";

/**
 * How an action that spends the user's tokens gets its allowance:
 * - `none`: the allowance is already there;
 * - `batched`: the wallet runs approve + action atomically in one confirmation (EIP-5792);
 * - `permit`: the user signs an EIP-2612 permit (no transaction) and the MetaPool's
 *   `multicall([selfPermit, action])` does both in one transaction;
 * - `two-step`: an approve transaction, then the action.
 */
export type ApprovalMode = "none" | "batched" | "permit" | "two-step";

export interface ApprovalFacts {
  allowance: bigint;
  amount: bigint;
  /** The wallet reports atomic batching for this chain (`wallet_getCapabilities`). */
  atomicBatch: boolean;
  /** The token's EIP-712 domain checks out against its DOMAIN_SEPARATOR, and it has `nonces`. */
  permit: boolean;
  /** The spender is the contract the action calls, so it can `selfPermit` inside its own `multicall`. */
  spenderIsTarget: boolean;
}

/**
 * Smart wallets batch but cannot sign EIP-2612 permits (the token recovers an EOA signature),
 * so a wallet that batches atomically batches; otherwise a permit where the token and the
 * target allow it; otherwise two transactions.
 */
export function chooseApprovalMode(f: ApprovalFacts): ApprovalMode {
  if (f.allowance >= f.amount) return "none";
  if (f.atomicBatch) return "batched";
  if (f.permit && f.spenderIsTarget) return "permit";
  return "two-step";
}

/** Words for the progress rows, so the user sees which way this action goes. */
export const MODE_NOTE: Record<Exclude<ApprovalMode, "none">, string> = {
  batched: "one confirmation: your wallet runs the approval and the action together",
  permit: "approval by signature: no approve transaction, one transaction in all",
  "two-step": "two transactions: approve, then the action",
};

/**
 * USDT-style tokens refuse an approve from a non-zero allowance to another non-zero one. When
 * simulating `approve(amount)` fails while some allowance is left, the allowance goes to 0 first.
 */
export function needsAllowanceReset(allowance: bigint, approveWouldRevert: boolean): boolean {
  return allowance > 0n && approveWouldRevert;
}

/** EIP-2612's typed data. */
export const permitTypes = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** ERC-5267 `eip712Domain()` as viem returns it. */
export type Eip712DomainTuple = readonly [
  fields: `0x${string}`,
  name: string,
  version: string,
  chainId: bigint,
  verifyingContract: Address,
  salt: `0x${string}`,
  extensions: readonly bigint[],
];

/**
 * The permit domain from ERC-5267, trusted only if it hashes to the token's own
 * DOMAIN_SEPARATOR: a token whose permit would not verify is treated as having none.
 */
export function permitDomain(tuple: Eip712DomainTuple, domainSeparator: `0x${string}`): TypedDataDomain | null {
  const [, name, version, chainId, verifyingContract] = tuple;
  const domain: TypedDataDomain = { name, version, chainId, verifyingContract };
  try {
    return hashDomain({ domain, types: { EIP712Domain: [...domainFields] } }) === domainSeparator ? domain : null;
  } catch {
    return null;
  }
}

const domainFields = [
  { name: "name", type: "string" },
  { name: "version", type: "string" },
  { name: "chainId", type: "uint256" },
  { name: "verifyingContract", type: "address" },
] as const;

/** A permit's deadline: twenty minutes of chain time (the local chain's clock may run ahead of the wall's). */
export function permitDeadline(chainNow: bigint): bigint {
  return chainNow + 20n * 60n;
}
