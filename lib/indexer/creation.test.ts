import { afterEach, describe, expect, it, vi } from "vitest";

import { fetchCreationBlock } from "./creation";
import { IndexerError } from "./http";

afterEach(() => vi.unstubAllGlobals());

const POOL = "0x00000000000000000000000000000000000000A1";

/** Answers every fetch with `body` and `status`, and records the URLs asked. */
function answer(body: unknown, status = 200) {
  const urls: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    urls.push(url);
    return Promise.resolve(Response.json(body, { status }));
  });
  return urls;
}

describe("fetchCreationBlock", () => {
  it("asks for the MetaPool's creation and reads its block", async () => {
    const urls = answer({ metaPool: POOL.toLowerCase(), createdBlock: "123456789012", createdTx: "0xab" });
    expect(await fetchCreationBlock("http://indexer", POOL)).toBe(123_456_789_012n);
    expect(urls).toEqual([`http://indexer/canopy/metapool/${POOL.toLowerCase()}/creation`]);
  });

  it("answers null for a MetaPool the indexer has not indexed (404)", async () => {
    answer({ error: "no MetaPool" }, 404);
    expect(await fetchCreationBlock("http://indexer", POOL)).toBeNull();
  });

  it("refuses a malformed block and passes other failures on", async () => {
    answer({ createdBlock: 12.5 });
    await expect(fetchCreationBlock("http://indexer", POOL)).rejects.toThrow(IndexerError);
    answer({ error: "boom" }, 500);
    await expect(fetchCreationBlock("http://indexer", POOL)).rejects.toMatchObject({ status: 500 });
  });
});
