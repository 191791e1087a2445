import { BaseError, FeeCapTooLowError, NonceTooHighError, NonceTooLowError } from "viem";

import { phrasesFor, type ErrorContext } from "./context";
import { describeEnvironment, describeRejection } from "./environment";
import { describeRevert } from "./revert";
import { errorChain, findError } from "./walk";

/** Node conditions viem types that a person can still act on. */
function describeNode(chain: readonly unknown[], action: string): string | undefined {
  if (findError<Error>(chain, NonceTooLowError, NonceTooHighError)) {
    return `Your wallet's transaction count is out of step with the chain, so it could not ${action}; wait for its pending transactions (or reset its activity on a local chain) and try again.`;
  }
  if (findError(chain, FeeCapTooLowError)) {
    return `The fee your wallet offered is below what the network asks, so it could not ${action}; try again.`;
  }
  return undefined;
}

/**
 * What is left: no viem or wallet message is shown (they are written for developers and may be
 * long); the name of the error, which a person can quote when asking for help, is.
 */
function fallback(chain: readonly unknown[], action: string): string {
  const named = chain.find(
    (link): link is Error => link instanceof Error && link.name !== "Error" && link.name !== "BaseError",
  );
  const innermost = chain.findLast((link): link is BaseError => link instanceof BaseError);
  const name = innermost?.name ?? named?.name;
  return name ? `Could not ${action} (${name}); try again.` : `Could not ${action}; try again.`;
}

/**
 * Any error from viem, wagmi or a wallet as one sentence a person can act on: a contract's
 * custom error with its numbers formatted, a rejection, a wrong network, missing gas money, an
 * unreachable node, or, for anything else, "could not …" naming the error. Never the error's
 * own message.
 */
export function describeError(error: unknown, ctx: ErrorContext): string {
  const chain = errorChain(error);
  return (
    describeRejection(chain, ctx.action) ??
    describeRevert(chain, phrasesFor(ctx)) ??
    describeEnvironment(chain, ctx.action) ??
    describeNode(chain, ctx.action) ??
    fallback(chain, ctx.action)
  );
}
