// describeError's sentence for every custom error of our ABIs, row by row of the table in contractErrors.cases.ts.
import { describe, expect, test } from "vitest";

import { cases } from "./contractErrors.cases";
import { ctx, errorItems, reverted } from "./contractErrors.fixtures";
import { describeError } from "./index";

describe("describeError: every custom error of our ABIs", () => {
  test.each(cases)("%s", (errorName, args, sentence) => {
    expect(describeError(reverted(errorName, args), ctx)).toBe(sentence);
  });

  test("the table above names every custom error of every ABI exactly once", () => {
    const names = cases.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...new Set(errorItems.map((item) => item.name))].sort()).toEqual([...names].sort());
  });
});
