import { describe, expect, it } from "vitest";

import { arbiterShortName, COLUMN_LABEL_LENGTH, statementIn } from "./display";

const ARBITER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const POOL = "0x00000000000000000000000000000000000000a1";
const NAMED = "Pays on exploits of listed lending markets. Claims are ruled by the Acme security council.";
const SILENT = "Pays on exploits of listed lending markets.";

describe("arbiterShortName", () => {
  it("prefers the ENS name, then the creator's sentence, then the short address", () => {
    expect(arbiterShortName(ARBITER, { ens: "acme.eth", statement: NAMED })).toEqual({ kind: "ens", text: "acme.eth" });
    expect(arbiterShortName(ARBITER, { ens: null, statement: NAMED })).toEqual({
      kind: "label",
      text: "Claims are ruled by the Acme security council.",
    });
    expect(arbiterShortName(ARBITER, { statement: SILENT })).toEqual({ kind: "address", text: "0x7099…79C8" });
    expect(arbiterShortName(ARBITER, {})).toEqual({ kind: "address", text: "0x7099…79C8" });
  });

  it("cuts a long sentence at a word to fit a column", () => {
    const long = `Claims are ruled by ${"the very long named council of ".repeat(4)}Acme.`;
    const name = arbiterShortName(ARBITER, { statement: long });
    expect(name.kind).toBe("label");
    expect(name.text.length).toBeLessThanOrEqual(COLUMN_LABEL_LENGTH);
    expect(name.text.endsWith("…")).toBe(true);
  });
});

describe("statementIn", () => {
  it("finds a MetaPool's text in the arbiter's history whatever the address case", () => {
    const history = {
      metaPools: [{ address: POOL as `0x${string}`, name: "L", protectionStatement: NAMED, shutDownAt: null }],
    };
    expect(statementIn(history, POOL.toUpperCase().replace("0X", "0x"))).toBe(NAMED);
    expect(statementIn(history, "0x00000000000000000000000000000000000000b2")).toBeNull();
    expect(statementIn(undefined, POOL)).toBeNull();
  });
});
