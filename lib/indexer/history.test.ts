import { describe, expect, it } from "vitest";

import { fundingRate, utilisation } from "@/lib/protocol";

import { parseHistory, seriesFromSnapshots } from "./history";

const WAD = 10n ** 18n;
const curve = { baseRate: WAD / 100n, slope1: WAD / 10n, kink: (WAD * 8n) / 10n, slope2: WAD };

describe("seriesFromSnapshots", () => {
  const points = parseHistory({
    points: [
      { t: 100, kind: "Deposited", capital: "1000", active: ["0", "0"] },
      { t: 200, kind: "PurchaseMatured", capital: "1000", active: ["300", "0"] },
      { t: 200, kind: "Synced", capital: "1010", active: ["300", "0"] },
      { t: 300, kind: "Purchased", capital: "1010", active: ["300", "0"] },
      { t: 400, kind: "MetaPoolShutDown", capital: "1010", active: ["300", "0"] },
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
          { t: 100, kind: "Deposited", capital: "1000", active: ["0"] },
          { t: 900, kind: "CoverEpochOpened", capital: "1000", active: ["0"] },
          { t: 500, kind: "PurchaseMatured", capital: "1000", active: ["300"] },
          { t: 900, kind: "Synced", capital: "1001", active: ["299"] },
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
