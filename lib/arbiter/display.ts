import { sameAddress, shortAddress } from "../format/address";
import { arbiterLabel } from "./label";
import type { ArbiterHistory } from "./types";

/** How a list names an arbiter in one short line, and where the words come from. */
export interface ArbiterShortName {
  kind: "ens" | "label" | "address";
  text: string;
}

/** A column fits about this much of the creator's sentence; the whole of it is in the row's details. */
export const COLUMN_LABEL_LENGTH = 60;

/**
 * The arbiter's name for a list, best first: its ENS name (asked on Ethereum mainnet only), the creator's sentence
 * about it cut to a column's width, else its short address. The full address stays beside the first two.
 */
export function arbiterShortName(
  address: string,
  known: { ens?: string | null; statement?: string | null },
): ArbiterShortName {
  if (known.ens) return { kind: "ens", text: known.ens };
  const label = known.statement ? arbiterLabel(known.statement, COLUMN_LABEL_LENGTH) : null;
  if (label) return { kind: "label", text: label };
  return { kind: "address", text: shortAddress(address) };
}

/** The creation text of `metaPool` in an arbiter's history, when the history lists it. */
export function statementIn(history: Pick<ArbiterHistory, "metaPools"> | undefined, metaPool: string): string | null {
  return history?.metaPools.find((m) => sameAddress(m.address, metaPool))?.protectionStatement ?? null;
}
