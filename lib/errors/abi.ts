import type { ContractErrorArgs } from "viem";

import { canopyErrorsAbi } from "@/abis/errors";

/**
 * One custom error of our contracts, as generated. abis/errors.ts holds only the errors of the five ABIs (a revert
 * may come from any of them: an asset's ERC-20 errors bubble up), so decoding one never bundles the full ABIs.
 */
export type CanopyErrorItem = (typeof canopyErrorsAbi)[number];
export type CanopyErrorName = CanopyErrorItem["name"];
export type CanopyErrorArgs<N extends CanopyErrorName> = ContractErrorArgs<readonly CanopyErrorItem[], N>;

/** The union of the custom errors of all our ABIs, one entry per error, to decode any revert. */
export const canopyErrorAbi: readonly CanopyErrorItem[] = canopyErrorsAbi;
