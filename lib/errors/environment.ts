import {
  ChainNotConfiguredError,
  ConnectorAccountNotFoundError,
  ConnectorChainMismatchError,
  ConnectorNotConnectedError,
} from "@wagmi/core";
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  ExecutionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  SocketClosedError,
  SwitchChainError,
  TimeoutError,
  UnauthorizedProviderError,
  UnsupportedProviderMethodError,
  UserRejectedRequestError,
  WebSocketRequestError,
} from "viem";

import { appChain, rpcUrl } from "@/lib/chain";

import { findError } from "./walk";

/** The person said no in their wallet: checked before anything else, since nothing went wrong. */
export function describeRejection(chain: readonly unknown[], action: string): string | undefined {
  if (findError(chain, UserRejectedRequestError)) return `You rejected the request to ${action} in your wallet.`;
  return undefined;
}

/**
 * A node error viem did not type because it arrived outside a transaction (a bare RPC answer):
 * recognised by viem's own pattern for that error.
 */
function nodeSaid(chain: readonly unknown[], pattern: RegExp): boolean {
  return chain.some((link) => link instanceof BaseError && pattern.test(link.details ?? ""));
}

/** Wallet, network and node conditions that are not a contract's revert. */
export function describeEnvironment(chain: readonly unknown[], action: string): string | undefined {
  if (findError(chain, SwitchChainError)) {
    return `Your wallet does not know ${appChain.name}; add the network to your wallet, then try again to ${action}.`;
  }
  if (findError<Error>(chain, ChainMismatchError, ConnectorChainMismatchError, ChainNotConfiguredError)) {
    return `Your wallet is on another network; switch it to ${appChain.name} to ${action}.`;
  }
  if (findError<Error>(chain, ConnectorNotConnectedError, ConnectorAccountNotFoundError)) {
    return `Connect your wallet to ${action}.`;
  }
  if (findError(chain, UnauthorizedProviderError)) {
    return `Your wallet has not authorised Canopy to ${action}; reconnect it and try again.`;
  }
  if (findError(chain, UnsupportedProviderMethodError))
    return `Your wallet cannot ${action}; do it from the wallet itself.`;
  if (findError(chain, InsufficientFundsError) || nodeSaid(chain, InsufficientFundsError.nodeMessage)) {
    return `Your wallet does not hold enough ${appChain.nativeCurrency.symbol} to pay the gas to ${action}; add some and try again.`;
  }
  const unreachable = findError<BaseError>(
    chain,
    HttpRequestError,
    TimeoutError,
    WebSocketRequestError,
    SocketClosedError,
  );
  if (unreachable) {
    const url = "url" in unreachable && typeof unreachable.url === "string" ? unreachable.url : rpcUrl;
    return `Canopy cannot reach the chain's RPC at ${url}, so it could not ${action}; check that the node is up and try again.`;
  }
  if (
    findError<Error>(chain, ContractFunctionRevertedError, ExecutionRevertedError) ||
    nodeSaid(chain, ExecutionRevertedError.nodeMessage)
  ) {
    return `The transaction to ${action} would revert, and the contract gave no reason.`;
  }
  if (findError(chain, ContractFunctionZeroDataError)) {
    return `Could not ${action}: no Canopy contract answered at this address on ${appChain.name}.`;
  }
  return undefined;
}
