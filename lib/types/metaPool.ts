/** Shapes of a MetaPool as the app reads it (types only: no chain access), from the generated ABIs. */
import type { ContractEventArgsFromTopics, ContractFunctionReturnType } from "viem";

import type { metaPoolExtensionAbi, metaPoolFactoryAbi } from "../../abis";

/** `metaPoolView()`: a whole MetaPool projected to the block's time (config, totals, every coverage pool). */
export type MetaPoolView = ContractFunctionReturnType<typeof metaPoolExtensionAbi, "view", "metaPoolView">;

/** The creation parameters as `MetaPoolCreated` carries them: the full protection statement and pool descriptions. */
export type MetaPoolCreationParams = ContractEventArgsFromTopics<
  typeof metaPoolFactoryAbi,
  "MetaPoolCreated"
>["params"];

export interface MetaPoolDetails {
  view: MetaPoolView;
  params: MetaPoolCreationParams;
}
