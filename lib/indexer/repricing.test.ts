import { describe, expect, it } from "vitest";

import { parseRepricing } from "./repricing";

describe("parseRepricing", () => {
  it("reads the cover's start and the reasons in the order lib/economics lists them", () => {
    expect(
      parseRepricing({
        since: 1_700_000_000,
        reasons: [
          { kind: "claim", poolId: 1, amount: "500" },
          { kind: "deposits", amount: "20" },
          { kind: "withdrawals", amount: "7" },
          { kind: "cover", amount: "3" },
        ],
      }),
    ).toEqual({
      since: 1_700_000_000,
      reasons: [
        { kind: "claim", poolId: 1, amount: 500n },
        { kind: "deposits", amount: 20n },
        { kind: "withdrawals", amount: 7n },
        { kind: "cover", amount: 3n },
      ],
    });
  });

  it("says when the account has no cover there", () => {
    expect(parseRepricing({ since: null, reasons: [] })).toEqual({ since: undefined, reasons: [] });
  });

  it("refuses an unknown reason or amount", () => {
    expect(() => parseRepricing({ since: 1, reasons: [{ kind: "weather", amount: "1" }] })).toThrow("repricing reason");
    expect(() => parseRepricing({ since: 1, reasons: [{ kind: "deposits", amount: 1.5 }] })).toThrow("amount");
  });
});
