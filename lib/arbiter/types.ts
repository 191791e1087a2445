/**
 * An arbiter's history as both sources give it (the indexer's rows, or the chain's events): the MetaPools naming
 * the address as arbiter and every claim filed in them. React-free and import-free so the indexer can share it.
 */

type Hex = `0x${string}`;

export type ClaimOutcome = "pending" | "valid" | "invalid" | "voided";

export interface ArbitratedMetaPool {
  address: Hex;
  name: string;
  /** The creator's text (`MetaPoolCreated`), the source of the arbiter's label. */
  protectionStatement: string;
  /** Unix seconds of `MetaPoolShutDown`; null while live. */
  shutDownAt: bigint | null;
}

export interface ArbitratedClaim {
  metaPool: Hex;
  claimId: bigint;
  /** Unix seconds of the block that filed it. */
  filedAt: bigint;
  status: ClaimOutcome;
  /** Unix seconds of the ruling (valid, invalid) or of the shutdown that voided it; null while pending. */
  resolvedAt: bigint | null;
}

export interface ArbiterHistory {
  arbiter: Hex;
  metaPools: ArbitratedMetaPool[];
  claims: ArbitratedClaim[];
}

/** What the app says about an arbiter, computed by `trackRecord` alone. */
export interface ArbiterRecord {
  metaPools: number;
  claimsFiled: number;
  /** valid + invalid: the claims the arbiter decided (a claim voided by a shutdown was never ruled). */
  ruled: number;
  valid: number;
  invalid: number;
  pending: number;
  voided: number;
  /** Median seconds from filing to ruling over the ruled claims, rounded down; null with no ruling. */
  medianTimeToRuling: bigint | null;
  shutdowns: number;
}
