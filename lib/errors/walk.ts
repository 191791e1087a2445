/** A link of an error chain: viem, wagmi and raw EIP-1193 errors all fit this loose shape. */
export interface ErrorLink {
  name?: unknown;
  code?: unknown;
  data?: unknown;
  raw?: unknown;
  reason?: unknown;
  message?: unknown;
  shortMessage?: unknown;
  details?: unknown;
  url?: unknown;
  cause?: unknown;
  error?: unknown;
}

const MAX_DEPTH = 32;

/**
 * The error and everything it wraps, outermost first. viem's BaseError.walk only follows viem
 * errors; wagmi's own errors, wallet errors and plain EIP-1193 objects (`{ code, message, data }`)
 * also nest through `cause` or `error`, so this follows both on any object.
 */
export function errorChain(error: unknown): ErrorLink[] {
  const links: ErrorLink[] = [];
  const seen = new Set<unknown>();
  let queue: unknown[] = [error];
  while (queue.length > 0 && links.length < MAX_DEPTH) {
    const next: unknown[] = [];
    for (const item of queue) {
      if (typeof item !== 'object' || item === null || seen.has(item)) continue;
      seen.add(item);
      const link = item as ErrorLink;
      links.push(link);
      next.push(link.cause, link.error);
    }
    queue = next;
  }
  return links;
}

/** Every text a link carries, to match node and wallet messages that have no code. */
export function textsOf(link: ErrorLink): string[] {
  return [link.shortMessage, link.message, link.details, link.reason].filter(
    (text): text is string => typeof text === 'string' && text.length > 0,
  );
}

export function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
