import { appChain, rpcUrl } from '@/lib/chain';

import { textsOf, type ErrorLink } from './walk';

// EIP-1193 / EIP-3326 provider error codes a wallet may answer with.
const USER_REJECTED = 4001;
const UNAUTHORIZED = 4100;
const UNSUPPORTED_METHOD = 4200;
const UNRECOGNIZED_CHAIN = 4902;
const EXECUTION_REVERTED = 3;

const REJECTION_TEXT = /user rejected|user denied|rejected by user|request rejected/i;
const WRONG_CHAIN_NAMES = new Set(['ChainMismatchError', 'ConnectorChainMismatchError', 'ChainNotConfiguredError']);
const NOT_CONNECTED_NAMES = new Set(['ConnectorNotConnectedError', 'ConnectorAccountNotFoundError']);
const INSUFFICIENT_FUNDS_TEXT = /insufficient funds|exceeds transaction sender account balance/i;
const RPC_DOWN_NAMES = new Set(['HttpRequestError', 'TimeoutError', 'WebSocketRequestError', 'SocketClosedError']);
const RPC_DOWN_TEXT =
  /fetch failed|failed to fetch|networkerror when attempting to fetch|load failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|took too long to respond/i;
const RPC_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

const has = (chain: readonly ErrorLink[], test: (link: ErrorLink) => boolean) => chain.some(test);
const hasCode = (chain: readonly ErrorLink[], code: number) => has(chain, (link) => link.code === code);
const hasText = (chain: readonly ErrorLink[], pattern: RegExp) =>
  has(chain, (link) => textsOf(link).some((text) => pattern.test(text)));
const hasName = (chain: readonly ErrorLink[], names: ReadonlySet<string>) =>
  has(chain, (link) => typeof link.name === 'string' && names.has(link.name));

/** The person said no in their wallet: checked before anything else, since nothing went wrong. */
export function describeRejection(chain: readonly ErrorLink[], action: string): string | undefined {
  if (
    hasCode(chain, USER_REJECTED) ||
    hasName(chain, new Set(['UserRejectedRequestError'])) ||
    hasText(chain, REJECTION_TEXT)
  ) {
    return `You rejected the request to ${action} in your wallet.`;
  }
  return undefined;
}

function rpcUrlIn(chain: readonly ErrorLink[]): string {
  const link = chain.find((l) => typeof l.url === 'string' && l.url.length > 0);
  return (link?.url as string | undefined) ?? rpcUrl;
}

/** Wallet, network and node conditions that are not a contract's revert. */
export function describeEnvironment(chain: readonly ErrorLink[], action: string): string | undefined {
  if (hasCode(chain, UNRECOGNIZED_CHAIN)) {
    return `Your wallet does not know ${appChain.name}; add the network to your wallet, then try again to ${action}.`;
  }
  if (hasName(chain, WRONG_CHAIN_NAMES)) {
    return `Your wallet is on another network; switch it to ${appChain.name} to ${action}.`;
  }
  if (hasName(chain, NOT_CONNECTED_NAMES)) return `Connect your wallet to ${action}.`;
  if (hasCode(chain, UNAUTHORIZED)) {
    return `Your wallet has not authorised Canopy to ${action}; reconnect it and try again.`;
  }
  if (hasCode(chain, UNSUPPORTED_METHOD)) return `Your wallet cannot ${action}; do it from the wallet itself.`;
  if (hasName(chain, new Set(['InsufficientFundsError'])) || hasText(chain, INSUFFICIENT_FUNDS_TEXT)) {
    return `Your wallet does not hold enough ${appChain.nativeCurrency.symbol} to pay the gas to ${action}; add some and try again.`;
  }
  if (
    hasName(chain, RPC_DOWN_NAMES) ||
    hasText(chain, RPC_DOWN_TEXT) ||
    has(chain, (link) => typeof link.code === 'string' && RPC_DOWN_CODES.has(link.code))
  ) {
    return `Canopy cannot reach the chain's RPC at ${rpcUrlIn(chain)}, so it could not ${action}; check that the node is up and try again.`;
  }
  if (
    hasName(chain, new Set(['ExecutionRevertedError', 'ContractFunctionRevertedError'])) ||
    hasCode(chain, EXECUTION_REVERTED) ||
    hasText(chain, /execution reverted/i)
  ) {
    return `The transaction to ${action} would revert, and the contract gave no reason.`;
  }
  if (hasName(chain, new Set(['ContractFunctionZeroDataError']))) {
    return `Could not ${action}: no Canopy contract answered at this address on ${appChain.name}.`;
  }
  return undefined;
}
