/** One decoder for every error the app shows: contract reverts, wallets, networks and nodes. */
export { describeError } from "./describe";
export type { ErrorContext } from "./context";
export { canopyErrorAbi, type CanopyErrorName } from "./abi";
export { isNotAMetaPool, NotCreatedByFactoryError } from "./notAMetaPool";
