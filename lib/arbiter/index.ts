export { describeRecord, recordSummary, type RecordPhrases } from "./describe";
export { historyFromEvents, type ArbiterEvents } from "./fromEvents";
export { historyFromJson, historyToJson, type ArbiterHistoryJson } from "./json";
export { arbiterLabel } from "./label";
export { median, trackRecord } from "./trackRecord";
export type * from "./types";
