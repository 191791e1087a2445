/** Canopy protocol math mirrored in bigint (SPEC §3–§8). */
export * from "./constants";
export * from "./errors";
export * from "./math";
export * from "./state";
export * from "./fundingRate";
export * from "./utilisation";
export * from "./payout";
export * from "./premium";
export * from "./poolView";
export * from "./sync";
export * from "./shares";
export * from "./withdrawal";
export * from "./protection";
export * from "./claim";
export * from "./shutdown";
export * from "./projection";
export * from "./syncedPools";
