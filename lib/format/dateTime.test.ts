import { describe, expect, test } from "vitest";

import { formatDateTime } from "./dateTime";

describe("formatDateTime", () => {
  test("en-GB order, 24 h, UTC shown", () => {
    expect(formatDateTime(1_735_689_600n)).toBe("1 Jan 2025, 00:00 UTC");
    expect(formatDateTime(1_764_075_900)).toBe("25 Nov 2025, 13:05 UTC");
  });

  test("independent of the process time zone", () => {
    const tz = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(formatDateTime(1_735_689_600)).toBe("1 Jan 2025, 00:00 UTC");
    } finally {
      process.env.TZ = tz;
    }
  });
});
