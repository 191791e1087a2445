// describeError is complete: every error item of every ABI of ours, with sample arguments, gets a sentence of its own.
import { describe, expect, test } from "vitest";

import { allAbis, ctx, errorItems, reverted, sample } from "./contractErrors.fixtures";
import { describeError } from "./index";

describe("describeError: completeness", () => {
  test.each(
    errorItems.map((item) => [Object.keys(allAbis).find((k) => allAbis[k]!.includes(item))!, item.name, item] as const),
  )("%s %s gets its own sentence, not the fallback", (abiName, errorName, item) => {
    const sentence = describeError(reverted(errorName, sample(item.inputs, errorName), allAbis[abiName]), ctx);
    expect(sentence.startsWith("Could not deposit 100.00 dUSD")).toBe(false);
    expect(sentence).not.toContain(errorName);
    expect(sentence).not.toMatch(/undefined|NaN|\[object|0x[0-9a-f]{8}\b/i);
    expect(sentence).not.toContain("\n");
    expect(sentence).toMatch(/^[A-Z].*\.$/);
  });
});
