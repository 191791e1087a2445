import { describe, expect, it } from "vitest";

import { indexerNotice, indexerState, readsFromIndexer } from "./source";
import type { IndexerStatus } from "./status";

const status = (over: Partial<IndexerStatus> = {}): IndexerStatus => ({
  chainId: 31337,
  ready: true,
  indexedBlock: 100,
  headBlock: 101,
  blocksBehind: 1,
  ...over,
});

describe("where lists come from", () => {
  it("reads the chain alone when no indexer is configured, whatever else is known, and says lists may be slow", () => {
    const state = indexerState({ configured: false, status: status(), failed: false });
    expect(state).toBe("unconfigured");
    expect(readsFromIndexer(state)).toBe(false);
    expect(indexerNotice(state, undefined)).toMatch(/read from the chain and may be slow/);
  });

  it("falls back to the chain and says so when the indexer does not answer", () => {
    const state = indexerState({ configured: true, status: status(), failed: true });
    expect(state).toBe("down");
    expect(readsFromIndexer(state)).toBe(false);
    expect(indexerNotice(state, undefined)).toBe(
      "The indexer is not answering: lists are read from the chain and may be slow.",
    );
  });

  it("falls back to the chain while the indexer is still backfilling", () => {
    const state = indexerState({ configured: true, status: status({ ready: false, blocksBehind: 80 }), failed: false });
    expect(state).toBe("starting");
    expect(readsFromIndexer(state)).toBe(false);
  });

  it("reads the indexer, silently, within a few blocks of the head", () => {
    const state = indexerState({ configured: true, status: status({ blocksBehind: 3 }), failed: false });
    expect(state).toBe("live");
    expect(readsFromIndexer(state)).toBe(true);
    expect(indexerNotice(state, status())).toBeNull();
  });

  it("tries the indexer before its status is known (a failing list request falls back on its own)", () => {
    expect(indexerState({ configured: true, status: undefined, failed: false })).toBe("live");
  });

  it('reads the indexer further behind but says "indexed to block N of M"', () => {
    const behind = status({ indexedBlock: 120, headBlock: 130, blocksBehind: 10 });
    const state = indexerState({ configured: true, status: behind, failed: false });
    expect(state).toBe("behind");
    expect(readsFromIndexer(state)).toBe(true);
    expect(indexerNotice(state, behind)).toBe("Lists indexed to block 120 of 130; live figures come from the chain.");
  });

  it("falls back to the chain when the chain went back below the indexed block (a reorganisation, a reverted snapshot)", () => {
    const ahead = status({ indexedBlock: 140, headBlock: 120, blocksBehind: 0 });
    const state = indexerState({ configured: true, status: ahead, failed: false });
    expect(state).toBe("ahead");
    expect(readsFromIndexer(state)).toBe(false);
    expect(indexerNotice(state, ahead)).toMatch(/went back to block 120/);
  });
});
