/** The indexer (indexer/, Ponder) as the app reads it: lists, discovery and history; live figures stay on the chain. */
export { indexerUrl, normalizeIndexerUrl } from "./config";
export { IndexerError, indexerUrlFor } from "./http";
export { fetchIndexerStatus, isAhead, isBehind, LAG_BLOCKS, parseIndexerStatus, type IndexerStatus } from "./status";
export { indexerNotice, indexerState, readsFromIndexer, type IndexerState } from "./source";
export { exploreParams, fetchExplorePage, parseExplorePage, type IndexedExplorePage } from "./explore";
export { fetchAccountMetaPools } from "./account";
export { fetchArbiterMetaPools } from "./arbiter";
export { fetchMetaPoolsNamed, nameKey, type NamedMetaPool } from "./names";
export { fetchHistory, parseHistory, seriesFromSnapshots, type HistorySnapshot } from "./history";
