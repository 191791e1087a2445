import { phrasesFor, type ErrorContext } from './context';
import { describeEnvironment, describeRejection } from './environment';
import { describeRevert } from './revert';
import { errorChain, firstLine, type ErrorLink } from './walk';

function fallback(error: unknown, chain: readonly ErrorLink[], action: string): string {
  const top = chain[0];
  const text = [top?.shortMessage, top?.message, typeof error === 'string' ? error : undefined].find(
    (t): t is string => typeof t === 'string' && t.trim().length > 0,
  );
  if (!text) return `Could not ${action}.`;
  return `Could not ${action}: ${firstLine(text).replace(/\.+$/, '')}.`;
}

/**
 * Any error from viem, wagmi or a wallet as one sentence a person can act on: a contract's
 * custom error with its numbers formatted, a rejection, a wrong network, missing gas money, an
 * unreachable node, or, for anything else, the first line of the error's own summary.
 */
export function describeError(error: unknown, ctx: ErrorContext): string {
  const chain = errorChain(error);
  return (
    describeRejection(chain, ctx.action) ??
    describeRevert(chain, phrasesFor(ctx)) ??
    describeEnvironment(chain, ctx.action) ??
    fallback(error, chain, ctx.action)
  );
}
