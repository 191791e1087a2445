import { describe, expect, test } from "vitest";

import { describeRecord, recordSummary } from "./describe";
import { historyFromJson, historyToJson } from "./json";
import { arbiterLabel } from "./label";
import type { ArbiterHistory, ArbiterRecord } from "./types";

const record = (over: Partial<ArbiterRecord>): ArbiterRecord => ({
  metaPools: 1,
  claimsFiled: 0,
  ruled: 0,
  valid: 0,
  invalid: 0,
  pending: 0,
  voided: 0,
  medianTimeToRuling: null,
  shutdowns: 0,
  ...over,
});

describe("recordSummary", () => {
  test("counts, median with its units, shutdowns and MetaPools in one line", () => {
    const r = record({ metaPools: 2, claimsFiled: 4, ruled: 4, valid: 3, invalid: 1, medianTimeToRuling: 183_600n });
    expect(recordSummary(r)).toBe(
      "Ruled 4 claims: 3 valid, 1 invalid · median 2 d 3 h from filing to ruling · 0 shutdowns · across 2 MetaPools",
    );
  });
  test("singular words, pending and voided claims", () => {
    const r = record({ claimsFiled: 3, ruled: 1, valid: 0, invalid: 1, pending: 1, voided: 1, shutdowns: 1 });
    expect(describeRecord(r)).toMatchObject({
      ruled: "ruled 1 claim: 0 valid, 1 invalid",
      median: null,
      pending: "1 pending",
      voided: "1 claim voided by a shutdown",
      shutdowns: "1 shutdown",
      metaPools: "across 1 MetaPool",
    });
  });
  test("nothing ruled says so", () => {
    expect(recordSummary(record({}))).toBe("No claim ruled yet · 0 shutdowns · across 1 MetaPool");
  });
});

describe("arbiterLabel", () => {
  test("the sentence naming the arbiter", () => {
    const text =
      "Pays on exploits of listed markets. Claims are ruled by the Acme security council (5 of 9). Not phishing.";
    expect(arbiterLabel(text)).toBe("Claims are ruled by the Acme security council (5 of 9).");
    expect(arbiterLabel("Covers bridges.\nArbiter: Bob's multisig")).toBe("Arbiter: Bob's multisig");
  });
  test("none when no sentence names the arbiter", () => {
    expect(arbiterLabel("Pays when a listed vault loses funds. Losses of strategies are not covered.")).toBeNull();
  });
  test("a long sentence is cut at a word", () => {
    const label = arbiterLabel(`The arbiter is ${"a very careful committee ".repeat(10)}`, 40)!;
    expect(label.length).toBeLessThanOrEqual(40);
    expect(label).toMatch(/^The arbiter is a very careful\b.*…$/);
  });
});

describe("history JSON", () => {
  const history: ArbiterHistory = {
    arbiter: "0x00000000000000000000000000000000000000aa",
    metaPools: [
      { address: "0x000000000000000000000000000000000000000a", name: "L", protectionStatement: "S", shutDownAt: 9n },
    ],
    claims: [
      {
        metaPool: "0x000000000000000000000000000000000000000a",
        claimId: 12345678901234567890n,
        filedAt: 1n,
        status: "valid",
        resolvedAt: 2n,
      },
      {
        metaPool: "0x000000000000000000000000000000000000000a",
        claimId: 2n,
        filedAt: 3n,
        status: "pending",
        resolvedAt: null,
      },
    ],
  };
  test("round trips through JSON text", () => {
    expect(historyFromJson(JSON.parse(JSON.stringify(historyToJson(history))))).toEqual(history);
  });
  test("refuses a malformed answer", () => {
    const json = historyToJson(history);
    expect(() => historyFromJson({ ...json, claims: [{ ...json.claims[0], status: "lost" }] })).toThrow(/status/);
    expect(() => historyFromJson({ ...json, claims: [{ ...json.claims[0], filedAt: "-1" }] })).toThrow(/filedAt/);
    expect(() => historyFromJson({ error: "not found" })).toThrow();
  });
});
