import { describe, expect, it } from "vitest";

import { fundingRate, utilisation } from "@/lib/protocol";

import { parseHistory, seriesFromSnapshots, sharePricesFromSnapshots } from "./history";

const WAD = 10n ** 18n;
const curve = { baseRate: WAD / 100n, slope1: WAD / 10n, kink: (WAD * 8n) / 10n, slope2: WAD };

describe("seriesFromSnapshots", () => {
  const points = parseHistory({
    points: [
      { t: 100, kind: "Deposited", capital: "1000", supply: "0", active: ["0", "0"] },
      { t: 200, kind: "PurchaseMatured", capital: "1000", supply: "0", active: ["300", "0"] },
      { t: 200, kind: "Synced", capital: "1010", supply: "0", active: ["300", "0"] },
      { t: 300, kind: "Purchased", capital: "1010", supply: "0", active: ["300", "0"] },
      { t: 400, kind: "MetaPoolShutDown", capital: "1010", supply: "0", active: ["300", "0"] },
    ],
  });
  const series = seriesFromSnapshots(points, curve);

  it("keeps the last value of each second and adds nothing for unchanged values", () => {
    expect(series.capital).toEqual([
      { t: 100, y: 1000n },
      { t: 200, y: 1010n },
    ]);
    expect(series.pools[0]!.active).toEqual([
      { t: 100, y: 0n },
      { t: 200, y: 300n },
    ]);
  });

  it("derives free capital, utilisation and the curve's rate as the log replay does, 0 after shutdown", () => {
    expect(series.freeCapital.at(-1)).toEqual({ t: 200, y: 710n });
    const u = utilisation(300n, 710n);
    expect(series.pools[0]!.utilisation.at(-1)).toEqual({ t: 200, y: u });
    expect(series.pools[0]!.rate).toEqual([
      { t: 100, y: fundingRate(curve, 0n) },
      { t: 200, y: fundingRate(curve, u) },
      { t: 400, y: 0n },
    ]);
  });

  it("places a maturity at its own time even after a same-block event that changed nothing (as the log replay does)", () => {
    const matured = seriesFromSnapshots(
      parseHistory({
        points: [
          { t: 100, kind: "Deposited", capital: "1000", supply: "0", active: ["0"] },
          { t: 900, kind: "CoverEpochOpened", capital: "1000", supply: "0", active: ["0"] },
          { t: 500, kind: "PurchaseMatured", capital: "1000", supply: "0", active: ["300"] },
          { t: 900, kind: "Synced", capital: "1001", supply: "0", active: ["299"] },
        ],
      }),
      curve,
    );
    expect(matured.pools[0]!.active).toEqual([
      { t: 100, y: 0n },
      { t: 500, y: 300n },
      { t: 900, y: 299n },
    ]);
  });
});

describe("sharePricesFromSnapshots", () => {
  const point = (t: number, kind: string, capital: number, supply: number) => ({
    t,
    kind,
    capital: String(capital),
    supply: String(supply),
    active: ["0"],
  });

  it("follows the events that carry C and the supply, one point a second, the epoch counted at each close", () => {
    const prices = sharePricesFromSnapshots(
      parseHistory({
        points: [
          point(100, "Deposited", 1000, 1000),
          point(150, "ProtectionBought", 1000, 1000), // moves neither C nor the supply
          point(200, "Synced", 1010, 1000),
          point(200, "WithdrawalCompleted", 905, 900),
          point(300, "ClaimVoided", 990, 900), // C changed by charged debt: the log replay sees it at the next sync
          point(400, "WithdrawalCancelled", 990, 880),
          point(500, "ShareEpochClosed", 3, 3),
        ],
      }),
    );
    expect(prices).toEqual([
      { t: 100, capital: 1000n, supply: 1000n, shareEpoch: 0 },
      { t: 200, capital: 905n, supply: 900n, shareEpoch: 0 },
      { t: 400, capital: 905n, supply: 880n, shareEpoch: 0 },
      { t: 500, capital: 3n, supply: 3n, shareEpoch: 1 },
    ]);
  });

  it("never moves its clock back: a sync accrued to an earlier second lands at the latest time seen", () => {
    const prices = sharePricesFromSnapshots(
      parseHistory({ points: [point(300, "Deposited", 10, 10), point(250, "Synced", 11, 10)] }),
    );
    expect(prices).toEqual([{ t: 300, capital: 11n, supply: 10n, shareEpoch: 0 }]);
  });

  it("refuses an answer without the share supply", () => {
    expect(() => parseHistory({ points: [{ t: 1, kind: "Deposited", capital: "1", active: [] }] })).toThrow(
      "share supply",
    );
  });
});
