import { describe, expect, test } from "vitest";

import { WAD } from "@/lib/protocol";

import { formatApy, formatCostRate, formatMultiple } from "./format";
import { payoutCapLabel } from "./payout";

describe("economics formats", () => {
  test("APY, cost and multiples read as people say them", () => {
    expect(formatApy(70_200_000_000_000_000n)).toBe("7.02 % APY");
    expect(formatApy(null)).toBe("—");
    expect(formatCostRate(260_000_000_000_000_000n)).toBe("26 %");
    expect(formatCostRate(412_345_000_000_000_000n)).toBe("41.2 %");
    expect(formatCostRate(WAD / 100n)).toBe("1 %");
    expect(formatCostRate(11n * WAD)).toBe("over 1,000 %");
    expect(formatMultiple(8n * WAD)).toBe("8×");
    expect(formatMultiple((16n * WAD) / 10n)).toBe("1.6×");
    expect(formatMultiple(15_870_000_000_000_000_000n)).toBe("16×");
    expect(formatMultiple(100_000_000n * WAD)).toBe("100,000,000×");
    expect(payoutCapLabel(0)).toBe("uncapped");
    expect(payoutCapLabel(3)).toBe("3× cap");
  });
});
