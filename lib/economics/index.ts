/** What users decide on: underwriter yield, the true price of cover, and one payout figure (issue #13). */
export * from "./yield";
export * from "./sharePrice";
export * from "./cost";
export * from "./payout";
export * from "./format";
export * from "./explore";
export * from "./repricing";
