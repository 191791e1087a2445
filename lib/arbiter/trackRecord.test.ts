import { describe, expect, test } from "vitest";

import { historyFromEvents } from "./fromEvents";
import { median, trackRecord } from "./trackRecord";
import type { ArbiterHistory, ArbitratedClaim } from "./types";

const ARBITER = "0x00000000000000000000000000000000000000aa";
const A = "0x000000000000000000000000000000000000000A";
const B = "0x000000000000000000000000000000000000000b";
const STRANGER = "0x000000000000000000000000000000000000000c";
const HOUR = 3_600n;
const DAY = 86_400n;

const pool = (address: `0x${string}`, shutDownAt: bigint | null = null) => ({
  address,
  name: address,
  protectionStatement: "",
  shutDownAt,
});
const claim = (
  metaPool: `0x${string}`,
  claimId: bigint,
  filedAt: bigint,
  status: ArbitratedClaim["status"],
  resolvedAt: bigint | null,
): ArbitratedClaim => ({ metaPool, claimId, filedAt, status, resolvedAt });

describe("median", () => {
  test("odd count: the middle value whatever the input order", () => {
    expect(median([9n, 1n, 5n])).toBe(5n);
  });
  test("even count: the mean of the two middle values, rounded down", () => {
    expect(median([10n, 1n, 4n, 7n])).toBe(5n); // (4 + 7) / 2 = 5.5
    expect(median([2n, 4n])).toBe(3n);
  });
  test("no values: null", () => {
    expect(median([])).toBeNull();
  });
});

describe("trackRecord", () => {
  test("counts each outcome, the median filing-to-ruling time and the shutdowns across MetaPools", () => {
    const history: ArbiterHistory = {
      arbiter: ARBITER,
      metaPools: [pool(A), pool(B, 50n * DAY)],
      claims: [
        claim(A, 0n, 0n, "valid", 2n * DAY + 3n * HOUR),
        claim(A, 1n, 10n * DAY, "invalid", 11n * DAY),
        claim(B, 0n, 20n * DAY, "valid", 20n * DAY + 5n * DAY),
        claim(B, 1n, 30n * DAY, "pending", null),
        claim(B, 2n, 40n * DAY, "voided", 50n * DAY),
      ],
    };
    expect(trackRecord(history)).toEqual({
      metaPools: 2,
      claimsFiled: 5,
      ruled: 3,
      valid: 2,
      invalid: 1,
      pending: 1,
      voided: 1,
      // delays 1 d, 2 d 3 h, 5 d: the voided claim's wait is not a ruling
      medianTimeToRuling: 2n * DAY + 3n * HOUR,
      shutdowns: 1,
    });
  });

  test("an even number of rulings takes the mean of the middle two", () => {
    const history: ArbiterHistory = {
      arbiter: ARBITER,
      metaPools: [pool(A)],
      claims: [claim(A, 0n, 100n, "valid", 200n), claim(A, 1n, 1_000n, "invalid", 1_301n)],
    };
    expect(trackRecord(history).medianTimeToRuling).toBe(200n); // (100 + 301) / 2 = 200.5
  });

  test("no rulings: no median, only pending claims counted", () => {
    const history: ArbiterHistory = {
      arbiter: ARBITER,
      metaPools: [pool(A)],
      claims: [claim(A, 0n, 5n, "pending", null), claim(A, 1n, 6n, "pending", null)],
    };
    expect(trackRecord(history)).toMatchObject({ ruled: 0, pending: 2, medianTimeToRuling: null, claimsFiled: 2 });
  });

  test("an arbiter of nothing has an empty record", () => {
    expect(trackRecord({ arbiter: ARBITER, metaPools: [], claims: [] })).toEqual({
      metaPools: 0,
      claimsFiled: 0,
      ruled: 0,
      valid: 0,
      invalid: 0,
      pending: 0,
      voided: 0,
      medianTimeToRuling: null,
      shutdowns: 0,
    });
  });

  test("claims of a MetaPool the arbiter does not arbitrate are not counted (address case ignored)", () => {
    const history: ArbiterHistory = {
      arbiter: ARBITER,
      metaPools: [pool(A)],
      claims: [claim(A.toLowerCase() as `0x${string}`, 0n, 0n, "valid", 10n), claim(STRANGER, 0n, 0n, "invalid", 1n)],
    };
    expect(trackRecord(history)).toMatchObject({ claimsFiled: 1, valid: 1, invalid: 0 });
  });
});

describe("historyFromEvents", () => {
  test("rebuilds the rows the indexer keeps: status and times from rulings, voids and shutdowns", () => {
    const history = historyFromEvents(ARBITER, {
      created: [
        { metaPool: A, name: "Lending", protectionStatement: "Pays on exploits." },
        { metaPool: B, name: "Bridges", protectionStatement: "Pays on bridge hacks." },
      ],
      filed: [
        { metaPool: A, claimId: 0n, time: 100n },
        { metaPool: A, claimId: 1n, time: 200n },
        { metaPool: B, claimId: 0n, time: 300n },
        { metaPool: STRANGER, claimId: 0n, time: 1n },
      ],
      resolved: [
        { metaPool: A, claimId: 0n, valid: true, time: 150n },
        { metaPool: A, claimId: 1n, valid: false, time: 260n },
      ],
      voided: [{ metaPool: B, claimId: 0n, time: 400n }],
      shutDown: [{ metaPool: B, time: 400n }],
    });
    expect(history.metaPools.map((m) => [m.name, m.shutDownAt])).toEqual([
      ["Lending", null],
      ["Bridges", 400n],
    ]);
    expect(history.claims).toEqual([
      claim(A, 0n, 100n, "valid", 150n),
      claim(A, 1n, 200n, "invalid", 260n),
      claim(B, 0n, 300n, "voided", 400n),
    ]);
    expect(trackRecord(history)).toMatchObject({ ruled: 2, valid: 1, invalid: 1, voided: 1, shutdowns: 1 });
    expect(trackRecord(history).medianTimeToRuling).toBe(55n); // (50 + 60) / 2
  });
});
