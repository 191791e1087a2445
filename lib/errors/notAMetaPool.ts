import { BaseError, ContractFunctionRevertedError, ContractFunctionZeroDataError } from "viem";

import { errorChain, findError } from "./walk";

/** The factory never created a MetaPool at this address (no `MetaPoolCreated` log of it). */
export class NotCreatedByFactoryError extends BaseError {
  constructor({ address, fromBlock }: { address: string; fromBlock: bigint }) {
    super(`No MetaPoolCreated event for ${address} from block ${fromBlock}.`, { name: "NotCreatedByFactoryError" });
  }
}

/**
 * A read of something that is not a MetaPool fails in one of these ways: no code at the address,
 * another contract (it has no `metaPoolView`, so the call reverts with no data at all; a
 * MetaPool's view never reverts), or a contract our factory did not create.
 */
export function isNotAMetaPool(error: unknown): boolean {
  const chain = errorChain(error);
  if (findError<Error>(chain, ContractFunctionZeroDataError, NotCreatedByFactoryError)) return true;
  const reverted = findError(chain, ContractFunctionRevertedError);
  return reverted !== undefined && (reverted.raw === undefined || reverted.raw === "0x");
}
