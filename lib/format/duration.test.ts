import { describe, expect, test } from "vitest";

import { formatCountdown, formatDuration } from "./duration";

describe("formatDuration", () => {
  test("the two largest units, rounded down", () => {
    expect(formatDuration(6 * 86_400 + 23 * 3_600 + 59 * 60)).toBe("6 d 23 h");
    expect(formatDuration(45 * 60 + 30)).toBe("45 min");
    expect(formatDuration(3_600 + 5 * 60)).toBe("1 h 5 min");
    expect(formatDuration(7n * 86_400n)).toBe("7 d");
    expect(formatDuration(86_400 + 5 * 60)).toBe("1 d"); // no "1 d 0 h"
  });

  test("seconds only under a minute; negatives and zero", () => {
    expect(formatDuration(30)).toBe("30 s");
    expect(formatDuration(0)).toBe("0 s");
    expect(formatDuration(-5)).toBe("0 s");
    expect(formatDuration(59.9)).toBe("59 s");
  });

  test("long durations stay in days", () => {
    expect(formatDuration(1403n * 86_400n + 7_200n)).toBe("1403 d 2 h");
  });
});

describe("formatCountdown", () => {
  test("ticks in seconds under an hour", () => {
    expect(formatCountdown(1_000n + 44n * 60n + 30n, 1_000n)).toBe("44 min 30 s");
    expect(formatCountdown(1_012, 1_000)).toBe("12 s");
    expect(formatCountdown(1_000 + 3_600 + 65, 1_000)).toBe("1 h 1 min");
  });

  test('"0 s" once reached or passed', () => {
    expect(formatCountdown(1_000, 1_000)).toBe("0 s");
    expect(formatCountdown(1_000, 2_000)).toBe("0 s");
  });
});
