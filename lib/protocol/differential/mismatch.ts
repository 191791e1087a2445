/** How the differential test tells chain and mirror apart: values compared as JSON, reverts by error name. */
import { decodeErrorResult, type Hex } from "viem";

import { abis } from "@/lib/testing/chain/client";

import type { ProtocolError } from "../index";

export class Mismatch extends Error {}

export function expectEqual(got: unknown, want: unknown, what: string) {
  const norm = (x: unknown) => JSON.stringify(x, (_, v) => (typeof v === "bigint" ? v.toString() : v));
  if (norm(got) !== norm(want)) throw new Mismatch(`${what}: chain ${norm(got)}, mirror ${norm(want)}`);
}

export function errorName(data: Hex | undefined): string {
  if (!data || data === "0x") return "unknown";
  try {
    return decodeErrorResult({ abi: abis.metaPool, data }).errorName;
  } catch {
    try {
      return decodeErrorResult({ abi: abis.token, data }).errorName;
    } catch {
      return `undecoded ${data.slice(0, 10)}`;
    }
  }
}

/** The mirror's error names are the contract's; the mirror has no NotArbiter for an outsider's early shutdown. */
export function sameError(mirror: ProtocolError | { name: string }, chain: string): boolean {
  return mirror.name === chain;
}
