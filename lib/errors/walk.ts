import { BaseError } from "viem";

/**
 * The error and every error it wraps, outermost first, through viem's `BaseError.walk` (it
 * follows `cause`, which is also how wagmi's errors and viem's RPC errors nest a wallet's or a
 * node's answer). A thrown value that is not a viem error (a wagmi error, a bare EIP-1193 object)
 * is walked the same way from a wrapper. Stops at a cycle.
 */
export function errorChain(error: unknown): unknown[] {
  const links: unknown[] = [];
  const seen = new Set<unknown>();
  const root = error instanceof BaseError ? error : new BaseError("", { cause: error as Error });
  root.walk((link) => {
    if (link === undefined || link === null || seen.has(link)) return true;
    seen.add(link);
    if (link !== root || error === root) links.push(link);
    return false;
  });
  return links;
}

/** A class with the EIP-1193 / JSON-RPC code its instances carry (viem's provider errors have one). */
type ErrorClass<T> = (abstract new (...args: never[]) => T) & { code?: number };

/**
 * The first link that is an instance of one of `classes`; a bare `{ code }` object a wallet threw
 * matches a class by that class's own code (viem's `UserRejectedRequestError.code` is 4001).
 */
export function findError<T>(chain: readonly unknown[], ...classes: ErrorClass<T>[]): T | undefined {
  for (const link of chain) {
    for (const Class of classes) {
      if (link instanceof Class) return link;
      if (Class.code !== undefined && codeOf(link) === Class.code) return link as T;
    }
  }
  return undefined;
}

export function codeOf(link: unknown): unknown {
  return typeof link === "object" && link !== null && "code" in link ? link.code : undefined;
}
