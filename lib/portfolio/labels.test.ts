import { describe, expect, it } from "vitest";

import { moreSectionsLabel, PORTFOLIO_SECTIONS_STEP } from "./labels";

describe("moreSectionsLabel", () => {
  it("is null when every MetaPool shows", () => {
    expect(moreSectionsLabel(20, 20)).toBeNull();
    expect(moreSectionsLabel(20, 3)).toBeNull();
  });

  it("offers the next step and says how many are left", () => {
    expect(moreSectionsLabel(PORTFOLIO_SECTIONS_STEP, 246)).toBe(
      `Show ${PORTFOLIO_SECTIONS_STEP} more MetaPools (226 not shown)`,
    );
  });

  it("offers the rest when it is no more than a step", () => {
    expect(moreSectionsLabel(240, 246)).toBe("Show the last 6 MetaPools");
    expect(moreSectionsLabel(245, 246)).toBe("Show the last MetaPool");
  });
});
