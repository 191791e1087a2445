import { ContractFunctionRevertedError, decodeErrorResult, RawContractError, type Hex } from "viem";

import { canopyErrorAbi, type CanopyErrorName } from "./abi";
import type { Phrases } from "./context";
import { contractErrorDescribers } from "./contractErrors";
import { findError } from "./walk";

const SELECTOR_HEX_LENGTH = 10; // "0x" + 4 bytes

const PANICS: Record<number, string> = {
  0x01: "an assertion failed",
  0x11: "a calculation overflowed",
  0x12: "a division by zero",
  0x32: "an index out of bounds",
};

function isRevertData(value: unknown): value is Hex {
  return typeof value === "string" && value.length >= SELECTOR_HEX_LENGTH && /^0x[0-9a-fA-F]*$/.test(value);
}

/**
 * Revert data a link carries: viem keeps it in ContractFunctionRevertedError.raw and
 * RawContractError.data; an RPC error (viem's RpcRequestError or a wallet's bare EIP-1193 object)
 * in `data`, and wallets nest the node's error as `data.data` or `data.originalError.data`.
 */
function revertDataOf(link: unknown): Hex | undefined {
  if (link instanceof ContractFunctionRevertedError) return isRevertData(link.raw) ? link.raw : undefined;
  if (link instanceof RawContractError) return isRevertData(link.data) ? link.data : undefined;
  if (typeof link !== "object" || link === null || !("data" in link)) return undefined;
  const data = link.data as { data?: unknown; originalError?: { data?: unknown } } | undefined;
  return [data, data?.data, data?.originalError?.data].find(isRevertData);
}

type Decoded = { errorName: string; args?: readonly unknown[] | undefined };

function decode(data: Hex): Decoded | undefined {
  try {
    return decodeErrorResult({ abi: canopyErrorAbi, data }) as Decoded;
  } catch {
    return undefined;
  }
}

function isCanopyError(name: string): name is CanopyErrorName {
  return Object.hasOwn(contractErrorDescribers, name);
}

function describeDecoded({ errorName, args = [] }: Decoded, p: Phrases): string {
  if (isCanopyError(errorName)) {
    const describe = contractErrorDescribers[errorName] as (args: readonly unknown[], p: Phrases) => string;
    return describe(args, p);
  }
  if (errorName === "Error") return revertReason(String(args[0]), p);
  const code = Number(args[0]);
  const what = PANICS[code] ?? `panic code 0x${code.toString(16)}`;
  return `Could not ${p.action}: the contract stopped on an internal error (${what}).`;
}

function revertReason(reason: string, p: Phrases): string {
  return `The contract refused to ${p.action}: “${reason}”.`;
}

/**
 * The revert anywhere in the chain, decoded against every one of our ABIs (an asset's ERC-20
 * error bubbles up through a MetaPool call, so the called contract's ABI alone is not enough).
 */
export function describeRevert(chain: readonly unknown[], p: Phrases): string | undefined {
  const datas = chain.map(revertDataOf).filter((data): data is Hex => data !== undefined);
  for (const data of datas) {
    const decoded = decode(data);
    if (decoded) return describeDecoded(decoded, p);
  }
  if (datas[0]) {
    return `Could not ${p.action}: the contract reverted with an error Canopy does not know (${datas[0].slice(0, SELECTOR_HEX_LENGTH)}).`;
  }
  // A node that reverted with a reason string but no data: viem keeps the reason on the error.
  const reason = findError(chain, ContractFunctionRevertedError)
    ?.reason?.replace(/^execution reverted:?\s*/, "")
    .trim();
  return reason ? revertReason(reason, p) : undefined;
}
