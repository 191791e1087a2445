import { ChainNotConfiguredError, ConnectorNotConnectedError } from "@wagmi/core";
import {
  CallExecutionError,
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  encodeErrorResult,
  EstimateGasExecutionError,
  ExecutionRevertedError,
  getContractError,
  HttpRequestError,
  InsufficientFundsError,
  RawContractError,
  RpcRequestError,
  SwitchChainError,
  TimeoutError,
  TransactionExecutionError,
  UnauthorizedProviderError,
  UnsupportedProviderMethodError,
  UserRejectedRequestError,
  type Abi,
  type Hex,
} from "viem";
import { anvil } from "viem/chains";
import { afterEach, describe, expect, test, vi } from "vitest";

import { demoTokenAbi, metaPoolAbi } from "@/abis";
import { appChain, rpcUrl } from "@/lib/chain";

import { describeError, type ErrorContext } from "./index";

const POOL = "0x9876543210987654321098765432109876543210";
const USER = "0x1234567890123456789012345678901234567890";
const ctx: ErrorContext = { action: "buy protection", asset: { symbol: "dUSD", decimals: 6 } };

const capacityData = encodeErrorResult({ abi: metaPoolAbi, errorName: "CapacityExceeded", args: [420_000_000n] });

/** What viem's writeContract / simulateContract throws for `cause` (it runs getContractError on it). */
function fromContractCall(cause: Error, abi: Abi = metaPoolAbi) {
  return getContractError(cause as never, {
    abi,
    address: POOL,
    args: [1_000_000n, USER],
    functionName: "deposit",
    sender: USER,
  });
}

function rpcError(error: { code: number; message: string; data?: unknown }) {
  return new RpcRequestError({ body: { method: "eth_estimateGas" }, error, url: rpcUrl });
}

describe("describeError: reverts found anywhere in the chain", () => {
  test("revert data in a node answer (RpcRequestError.data) decodes through getContractError", () => {
    const error = fromContractCall(rpcError({ code: 3, message: "execution reverted", data: capacityData }));
    expect(error).toBeInstanceOf(ContractFunctionExecutionError);
    expect(describeError(error, ctx)).toBe("Only 420.00 dUSD of capacity is left in this MetaPool.");
  });

  test("raw revert data in a RawContractError under a CallExecutionError (eth_call)", () => {
    const error = new CallExecutionError(new RawContractError({ data: capacityData }), { to: POOL });
    expect(describeError(error, ctx)).toBe("Only 420.00 dUSD of capacity is left in this MetaPool.");
  });

  test("an error of another contract than the one called (the asset's faucet under a MetaPool ABI)", () => {
    const data = encodeErrorResult({
      abi: demoTokenAbi,
      errorName: "FaucetLimitExceeded",
      args: [2_000_000_000_000n, 1_000_000_000_000n],
    });
    const error = fromContractCall(rpcError({ code: 3, message: "execution reverted", data }));
    // viem could not decode it with the called ABI ...
    expect((error.cause as ContractFunctionRevertedError).data).toBeUndefined();
    // ... the union of our ABIs can.
    expect(describeError(error, ctx)).toBe(
      "The faucet gives at most 1,000,000.00 dUSD per request; 2,000,000.00 dUSD is too much.",
    );
  });

  test("a wallet that nests the node error as data.data (EIP-1193 object, not an Error)", () => {
    const walletError = {
      code: -32603,
      message: "Internal JSON-RPC error.",
      data: { code: 3, message: "execution reverted", data: capacityData },
    };
    expect(describeError(walletError, ctx)).toBe("Only 420.00 dUSD of capacity is left in this MetaPool.");
  });

  test("data.originalError.data, as some wallets wrap it", () => {
    const walletError = { code: -32603, message: "Internal error", data: { originalError: { data: capacityData } } };
    expect(describeError(walletError, ctx)).toBe("Only 420.00 dUSD of capacity is left in this MetaPool.");
  });

  test("pool ids fall back to numbers without pool names, amounts to base units without the asset", () => {
    const data = encodeErrorResult({ abi: metaPoolAbi, errorName: "NoActiveCover", args: [2n] });
    const error = fromContractCall(rpcError({ code: 3, message: "execution reverted", data }));
    expect(describeError(error, { action: "file a claim" })).toBe(
      "There is no active cover in coverage pool #2, so there is nothing to claim.",
    );
    const capacity = fromContractCall(rpcError({ code: 3, message: "execution reverted", data: capacityData }));
    expect(describeError(capacity, { action: "buy protection" })).toBe(
      "Only 420,000,000 base units of capacity is left in this MetaPool.",
    );
  });

  describe("without ctx.now", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    test("relative times count from the clock", () => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date("2025-11-24T16:00:00Z"));
      const data = encodeErrorResult({
        abi: metaPoolAbi,
        errorName: "WithdrawalLocked",
        args: [1_764_000_000n + 5_400n],
      });
      expect(describeError(fromContractCall(new RawContractError({ data })), ctx)).toBe(
        "This withdrawal unlocks on 24 Nov 2025, 17:30 UTC (in 1 h 30 min).",
      );
    });
  });

  test("Error(string) from a require with a message", () => {
    const data = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ name: "message", type: "string" }] }],
      errorName: "Error",
      args: ["paused"],
    });
    expect(describeError(fromContractCall(new RawContractError({ data })), ctx)).toBe(
      "The contract refused to buy protection: “paused”.",
    );
  });

  test("a reason string the node gave without data", () => {
    const error = fromContractCall(rpcError({ code: 3, message: "execution reverted: paused" }));
    expect(describeError(error, ctx)).toBe("The contract refused to buy protection: “paused”.");
  });

  test("Panic(0x11) names the overflow", () => {
    const data = encodeErrorResult({
      abi: [{ type: "error", name: "Panic", inputs: [{ name: "reason", type: "uint256" }] }],
      errorName: "Panic",
      args: [0x11n],
    });
    expect(describeError(fromContractCall(new RawContractError({ data })), ctx)).toBe(
      "Could not buy protection: the contract stopped on an internal error (a calculation overflowed).",
    );
  });

  test("an error selector none of our ABIs knows is named by its selector", () => {
    const data: Hex = "0xdeadbeef0000000000000000000000000000000000000000000000000000000000000001";
    expect(describeError(fromContractCall(new RawContractError({ data })), ctx)).toBe(
      "Could not buy protection: the contract reverted with an error Canopy does not know (0xdeadbeef).",
    );
  });

  test("execution reverted without data or reason", () => {
    const viaContract = fromContractCall(rpcError({ code: 3, message: "execution reverted" }));
    expect(describeError(viaContract, ctx)).toBe(
      "The transaction to buy protection would revert, and the contract gave no reason.",
    );
    const viaNode = new EstimateGasExecutionError(new ExecutionRevertedError({ message: "execution reverted" }), {});
    expect(describeError(viaNode, ctx)).toBe(
      "The transaction to buy protection would revert, and the contract gave no reason.",
    );
  });

  test("a read from an address with no contract", () => {
    const error = new ContractFunctionExecutionError(new ContractFunctionZeroDataError({ functionName: "name" }), {
      abi: metaPoolAbi,
      functionName: "name",
      contractAddress: POOL,
    });
    expect(describeError(error, { action: "load the MetaPool" })).toBe(
      `Could not load the MetaPool: no Canopy contract answered at this address on ${appChain.name}.`,
    );
  });
});

describe("describeError: wallets, networks and nodes", () => {
  test("user rejection, wrapped as writeContract surfaces it", () => {
    const rejected = new UserRejectedRequestError(new Error("User rejected the request."));
    const error = fromContractCall(new TransactionExecutionError(rejected, { account: null, chain: anvil }));
    expect(describeError(error, ctx)).toBe("You rejected the request to buy protection in your wallet.");
  });

  test("user rejection as a bare EIP-1193 object with code 4001", () => {
    expect(describeError({ code: 4001, message: "User denied transaction signature." }, { action: "deposit" })).toBe(
      "You rejected the request to deposit in your wallet.",
    );
  });

  test("a wallet on another chain", () => {
    const error = new ChainMismatchError({ chain: appChain, currentChainId: 1 });
    expect(describeError(error, ctx)).toBe(
      `Your wallet is on another network; switch it to ${appChain.name} to buy protection.`,
    );
    expect(describeError(new ChainNotConfiguredError(), ctx)).toBe(
      `Your wallet is on another network; switch it to ${appChain.name} to buy protection.`,
    );
  });

  test("a wallet that does not know the chain (4902)", () => {
    const error = new SwitchChainError(new Error("Unrecognized chain ID"));
    expect(describeError(error, { action: `switch to ${appChain.name}` })).toBe(
      `Your wallet does not know ${appChain.name}; add the network to your wallet, then try again to switch to ${appChain.name}.`,
    );
  });

  test("no wallet connected", () => {
    expect(describeError(new ConnectorNotConnectedError(), ctx)).toBe("Connect your wallet to buy protection.");
  });

  test("unauthorised (4100) and unsupported (4200) wallet requests", () => {
    expect(describeError(new UnauthorizedProviderError(new Error("unauthorized")), ctx)).toBe(
      "Your wallet has not authorised Canopy to buy protection; reconnect it and try again.",
    );
    expect(describeError(new UnsupportedProviderMethodError(new Error("nope")), ctx)).toBe(
      "Your wallet cannot buy protection; do it from the wallet itself.",
    );
  });

  test("insufficient funds for gas, typed and as a bare node message", () => {
    const typed = new TransactionExecutionError(new InsufficientFundsError(), { account: null, chain: anvil });
    const sentence = `Your wallet does not hold enough ${appChain.nativeCurrency.symbol} to pay the gas to buy protection; add some and try again.`;
    expect(describeError(typed, ctx)).toBe(sentence);
    const bare = rpcError({ code: -32000, message: "insufficient funds for gas * price + value: have 0 want 21000" });
    expect(describeError(bare, ctx)).toBe(sentence);
  });

  test("RPC unreachable: HttpRequestError with its url", () => {
    const error = new HttpRequestError({ url: "http://127.0.0.1:9999", cause: new TypeError("fetch failed") });
    expect(describeError(fromContractCall(error), ctx)).toBe(
      "Canopy cannot reach the chain's RPC at http://127.0.0.1:9999, so it could not buy protection; check that the node is up and try again.",
    );
  });

  test("RPC timing out", () => {
    const timeout = new TimeoutError({ body: { method: "eth_call" }, url: rpcUrl });
    expect(describeError(timeout, ctx)).toBe(
      `Canopy cannot reach the chain's RPC at ${rpcUrl}, so it could not buy protection; check that the node is up and try again.`,
    );
  });

  test("anything else names the error, never its message", () => {
    const error = new TransactionExecutionError(
      new RpcRequestError({ body: {}, error: { code: -32000, message: "header not found" }, url: rpcUrl }),
      { account: null, chain: anvil },
    );
    expect(describeError(error, ctx)).toBe("Could not buy protection (RpcRequestError); try again.");
    expect(describeError(new TypeError("Something odd\nstack detail"), ctx)).toBe(
      "Could not buy protection (TypeError); try again.",
    );
    expect(describeError(new Error("connect ECONNREFUSED 127.0.0.1:8545"), ctx)).toBe(
      "Could not buy protection; try again.",
    );
    expect(describeError("boom", ctx)).toBe("Could not buy protection; try again.");
    expect(describeError(undefined, ctx)).toBe("Could not buy protection; try again.");
  });

  test("a cyclic cause chain terminates", () => {
    const a = new Error("outer") as Error & { cause?: unknown };
    const b = new Error("inner", { cause: a });
    a.cause = b;
    expect(describeError(a, ctx)).toBe("Could not buy protection; try again.");
  });
});
