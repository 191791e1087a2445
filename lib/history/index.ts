/** A MetaPool's past, read from its events: the logs, series over time and the claims list. */
export * from "./events";
export * from "./fetchLogs";
export * from "./series";
export * from "./claims";
