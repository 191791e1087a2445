export { describeRecord, recordSummary, type RecordPhrases } from "./describe";
export { historyFromEvents, type ArbiterEvents } from "./fromEvents";
export { historyFromJson, historyToJson, type ArbiterHistoryJson } from "./json";
export { arbiterShortName, COLUMN_LABEL_LENGTH, statementIn, type ArbiterShortName } from "./display";
export { arbiterLabel } from "./label";
export { median, trackRecord } from "./trackRecord";
export type * from "./types";
