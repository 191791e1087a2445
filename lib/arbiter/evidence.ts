import { keccak256, toBytes } from "viem";

/** The filer's evidence text hashes to the `evidenceHash` the contract stored at filing. */
export function evidenceMatches(evidence: string, hash: `0x${string}`): boolean {
  return keccak256(toBytes(evidence)).toLowerCase() === hash.toLowerCase();
}
