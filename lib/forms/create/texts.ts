import { shortAddress } from "@/lib/format";

import {
  capitalise,
  fail,
  MAX_DESCRIPTION_BYTES,
  MAX_NAME_BYTES,
  MAX_POOLS,
  MAX_STATEMENT_BYTES,
  ok,
  type Check,
} from "./check";

// Texts: the contract counts UTF-8 bytes, so "é" is 2 and an emoji 4.

const encoder = new TextEncoder();

/** Length in UTF-8 bytes, as Solidity's `bytes(text).length` counts it. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** What the form sends: surrounding whitespace is dropped, so counters and checks measure that. */
export function cleanText(text: string): string {
  return text.trim();
}

function checkText(text: string, what: string, max: number, required: boolean): Check<string> {
  const value = cleanText(text);
  const bytes = utf8Length(value);
  if (required && bytes === 0) return fail(`Enter ${what}.`);
  if (bytes > max) return fail(`${capitalise(what)} is ${bytes} bytes long; shorten it to at most ${max} bytes.`);
  return ok(value);
}

/** `name`: 1..64 bytes (InvalidName). */
export function checkName(text: string): Check<string> {
  return checkText(text, "a name for the MetaPool", MAX_NAME_BYTES, true);
}

/** `protectionStatement`: 1..4096 bytes (InvalidProtectionStatement). */
export function checkProtectionStatement(text: string): Check<string> {
  return checkText(text, "the protection statement", MAX_STATEMENT_BYTES, true);
}

/** A coverage pool's `name`: 1..64 bytes (InvalidPoolName). */
export function checkPoolName(text: string): Check<string> {
  return checkText(text, "the coverage pool's name", MAX_NAME_BYTES, true);
}

/** A coverage pool's `description`: at most 280 bytes, may be empty (InvalidPoolDescription). */
export function checkPoolDescription(text: string): Check<string> {
  return checkText(text, "the description", MAX_DESCRIPTION_BYTES, false);
}

export interface PoolInput {
  name: string;
  description: string;
}

export interface PoolErrors {
  name?: string;
  description?: string;
}

/**
 * 1..16 pools (InvalidPoolCount), each named and described within bounds. Names must also differ
 * (ignoring case and surrounding spaces): the app's rule, since seekers choose a pool by its name.
 */
export function checkPools(pools: readonly PoolInput[]): { count?: string; pools: PoolErrors[] } {
  const count =
    pools.length === 0
      ? "Add at least one coverage pool."
      : pools.length > MAX_POOLS
        ? `A MetaPool holds at most ${MAX_POOLS} coverage pools; remove ${pools.length - MAX_POOLS}.`
        : undefined;
  const seen = new Map<string, number>();
  const errors = pools.map((pool, i): PoolErrors => {
    const errs: PoolErrors = {};
    const name = checkPoolName(pool.name);
    if (!name.ok) errs.name = name.error;
    else {
      const key = name.value.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) errs.name = `Pool ${first + 1} already has this name; give each pool its own.`;
      else seen.set(key, i);
    }
    const description = checkPoolDescription(pool.description);
    if (!description.ok) errs.description = description.error;
    return errs;
  });
  return { count, pools: errors };
}

/** A MetaPool already on chain, by name. */
export interface ExistingName {
  name: string;
  address: string;
}

/**
 * Not a rule of the contract (names need not be unique), but seekers pick a MetaPool by its name:
 * a warning when another MetaPool already has this one (ignoring case and surrounding spaces).
 */
export function nameTakenWarning(text: string, existing: readonly ExistingName[]): string | undefined {
  const key = cleanText(text).toLowerCase();
  if (key === "") return undefined;
  const same = existing.filter((m) => cleanText(m.name).toLowerCase() === key);
  if (same.length === 0) return undefined;
  const where = same.map((m) => shortAddress(m.address)).join(", ");
  return (
    `${same.length === 1 ? "Another MetaPool is" : `${same.length} MetaPools are`} already called “${cleanText(same[0]!.name)}” (${where}). ` +
    "Seekers choose by name and could mix them up: a distinct name is safer."
  );
}
