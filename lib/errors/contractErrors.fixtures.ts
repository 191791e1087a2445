/**
 * Fixtures of the contract-error tests: an error context, every ABI of ours, and `reverted`, which builds the error
 * viem throws when a call reverts with a given custom error.
 */
import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  type Abi,
  type Hex,
} from "viem";

import { coverTokenAbi, demoTokenAbi, metaPoolAbi, metaPoolExtensionAbi, metaPoolFactoryAbi } from "@/abis";

import { canopyErrorAbi } from "./abi";
import type { ErrorContext } from "./index";

export const NOW = 1_764_000_000n; // 24 Nov 2025, 16:00 UTC
export const HOUR = 3_600n;
export const DAY = 86_400n;
export const USER = "0x1234567890123456789012345678901234567890";
export const POOL = "0x9876543210987654321098765432109876543210";
export const dUSD = (whole: bigint, cents = 0n) => whole * 1_000_000n + cents * 10_000n; // 6 decimals
export const e18 = 10n ** 18n;

export const ctx: ErrorContext = {
  action: "deposit 100.00 dUSD",
  asset: { symbol: "dUSD", decimals: 6 },
  poolNames: ["Aave v3", "Morpho Blue", "Lido stETH"],
  now: NOW,
};

export const allAbis: Record<string, Abi> = {
  coverTokenAbi,
  demoTokenAbi,
  metaPoolAbi,
  metaPoolExtensionAbi,
  metaPoolFactoryAbi,
};

/** An ABI of ours that declares `errorName`, so the revert decodes as simulateContract would see it. */
export function abiDeclaring(errorName: string): Abi {
  const abi = Object.values(allAbis).find((a) => a.some((i) => i.type === "error" && i.name === errorName));
  if (!abi) throw new Error(`no ABI declares ${errorName}`);
  return abi;
}

type AbiParameterLike = { type: string };

/** A value of each simple Solidity type, so any call or error signature can be exercised. */
export function sample(inputs: readonly AbiParameterLike[], where: string): unknown[] {
  return inputs.map((input) => {
    if (input.type === "address") return USER;
    if (input.type === "bool") return true;
    if (input.type === "string") return "text";
    if (/^u?int(8|16)$/.test(input.type)) return 8;
    if (/^u?int\d*$/.test(input.type)) return 123_456_789n;
    if (input.type === "bytes32") return `0x${"ab".repeat(32)}`;
    throw new Error(`no sample for ${input.type} in ${where}`);
  });
}

/** A call on `abi` the revert can belong to: a deposit on a MetaPool, else a simple function. */
export function callOn(abi: Abi): { functionName: string; args: unknown[] } {
  const simple = /^(address|bool|string|u?int\d*)$/;
  const fn =
    abi.find((i) => i.type === "function" && i.name === "deposit" && i.inputs.length === 2) ??
    abi.find((i) => i.type === "function" && i.inputs.length > 0 && i.inputs.every((x) => simple.test(x.type)));
  if (fn?.type !== "function") throw new Error("no simple function in ABI");
  return { functionName: fn.name, args: sample(fn.inputs, fn.name) };
}

/** The error viem's simulateContract / writeContract throws when the call reverts with `data`. */
export function reverted(errorName: string, args: readonly unknown[], abi: Abi = abiDeclaring(errorName)) {
  const data: Hex = encodeErrorResult({ abi: canopyErrorAbi as Abi, errorName, args });
  const { functionName, args: callArgs } = callOn(abi);
  return new ContractFunctionExecutionError(new ContractFunctionRevertedError({ abi, data, functionName }), {
    abi,
    args: callArgs,
    functionName,
    contractAddress: POOL,
    sender: USER,
  });
}

/** Every error item of every ABI of ours. */
export const errorItems = Object.values(allAbis).flatMap((abi) =>
  abi.filter((item) => item.type === "error").map((item) => item as Extract<Abi[number], { type: "error" }>),
);
