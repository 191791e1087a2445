import type { ArbiterHistory, ArbitratedClaim, ClaimOutcome } from "./types";

/** An arbiter's history over HTTP (the indexer's /canopy/arbiter/:address): amounts and times as decimal strings. */
export interface ArbiterHistoryJson {
  arbiter: string;
  metaPools: { address: string; name: string; protectionStatement: string; shutDownAt: string | null }[];
  claims: { metaPool: string; claimId: string; filedAt: string; status: string; resolvedAt: string | null }[];
}

const OUTCOMES: readonly ClaimOutcome[] = ["pending", "valid", "invalid", "voided"];

export function historyToJson(history: ArbiterHistory): ArbiterHistoryJson {
  return {
    arbiter: history.arbiter,
    metaPools: history.metaPools.map((m) => ({ ...m, shutDownAt: m.shutDownAt?.toString() ?? null })),
    claims: history.claims.map((c) => ({
      ...c,
      claimId: c.claimId.toString(),
      filedAt: c.filedAt.toString(),
      resolvedAt: c.resolvedAt?.toString() ?? null,
    })),
  };
}

function hex(value: unknown, what: string): `0x${string}` {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw new Error(`${what} is not an address`);
  return value as `0x${string}`;
}

function uint(value: unknown, what: string): bigint {
  if (typeof value !== "string" || !/^\d+$/.test(value)) throw new Error(`${what} is not a whole number`);
  return BigInt(value);
}

const optionalUint = (value: unknown, what: string) => (value === null ? null : uint(value, what));

/** Parses the endpoint's answer; throws on anything malformed rather than showing a wrong record. */
export function historyFromJson(json: unknown): ArbiterHistory {
  const body = json as Partial<ArbiterHistoryJson> | null;
  if (!body || !Array.isArray(body.metaPools) || !Array.isArray(body.claims)) {
    throw new Error("the indexer's arbiter answer has no metaPools or claims");
  }
  return {
    arbiter: hex(body.arbiter, "arbiter"),
    metaPools: body.metaPools.map((m) => ({
      address: hex(m.address, "metaPool address"),
      name: String(m.name ?? ""),
      protectionStatement: String(m.protectionStatement ?? ""),
      shutDownAt: optionalUint(m.shutDownAt, "shutDownAt"),
    })),
    claims: body.claims.map((c): ArbitratedClaim => {
      if (!OUTCOMES.includes(c.status as ClaimOutcome)) throw new Error(`unknown claim status ${String(c.status)}`);
      return {
        metaPool: hex(c.metaPool, "claim metaPool"),
        claimId: uint(c.claimId, "claimId"),
        filedAt: uint(c.filedAt, "filedAt"),
        status: c.status as ClaimOutcome,
        resolvedAt: optionalUint(c.resolvedAt, "resolvedAt"),
      };
    }),
  };
}
