import { afterEach, describe, expect, it, vi } from "vitest";

import { nameTakenWarning } from "@/lib/forms/createMetaPool";

import { fetchArbiterMetaPools } from "./arbiter";
import { IndexerError } from "./http";
import { fetchMetaPoolsNamed, nameKey } from "./names";

afterEach(() => vi.unstubAllGlobals());

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";

/** Answers every fetch with `body` and records the URLs asked. */
function answer(body: unknown) {
  const urls: string[] = [];
  vi.stubGlobal("fetch", (url: string) => {
    urls.push(url);
    return Promise.resolve(Response.json(body));
  });
  return urls;
}

describe("nameKey", () => {
  // The indexer matches names by this key; the wizard warns by nameTakenWarning: both must call the same names equal.
  it.each([
    ["Blue-chip lending", "blue-chip LENDING"],
    ["  DEX core ", "dex core"],
    ["Café", "CAFÉ"],
    ["DEX core", "DEX  core"],
    ["Bridges", "Bridge"],
  ])("agrees with the wizard's warning on %j and %j", (typed, existing) => {
    const warned = nameTakenWarning(typed, [{ name: existing, address: A }]) !== undefined;
    expect(nameKey(typed) === nameKey(existing)).toBe(warned);
  });
});

describe("fetchMetaPoolsNamed", () => {
  it("asks for the typed name and reads each MetaPool's address and name", async () => {
    const urls = answer({
      name: "dex",
      metaPools: [
        { address: A, name: "DEX" },
        { address: B, name: " dex" },
      ],
    });
    expect(await fetchMetaPoolsNamed("http://x", "dex & co")).toEqual([
      { address: A, name: "DEX" },
      { address: B, name: " dex" },
    ]);
    expect(urls).toEqual(["http://x/canopy/metapools/named?name=dex+%26+co"]);
  });

  it("refuses a malformed answer (the wizard then reads the names from the chain)", async () => {
    answer({ metaPools: [{ address: A }] });
    await expect(fetchMetaPoolsNamed("http://x", "dex")).rejects.toBeInstanceOf(IndexerError);
    answer({ metaPools: [{ address: "0x12", name: "DEX" }] });
    await expect(fetchMetaPoolsNamed("http://x", "dex")).rejects.toBeInstanceOf(IndexerError);
  });
});

describe("fetchArbiterMetaPools", () => {
  it("asks for the arbiter's MetaPools by its lower-case address", async () => {
    const urls = answer({ arbiter: A, metaPools: [A, B] });
    expect(await fetchArbiterMetaPools("http://x", "0x00000000000000000000000000000000000000A1")).toEqual([A, B]);
    expect(urls).toEqual([`http://x/canopy/arbiter/${A}/metapools`]);
  });
});
