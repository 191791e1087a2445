import { describe, expect, it } from "vitest";

import { withGasMargin } from "./tx/sendWrite";

describe("withGasMargin", () => {
  it("adds 30 % and 25 000 gas to an estimate", () => {
    expect(withGasMargin(100_000n)).toBe(155_000n);
  });
});
