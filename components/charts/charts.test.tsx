import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { formatAmount, formatPercentWad } from "@/lib/format";

import FundingCurveChartDefault, { FundingCurveChart } from "./FundingCurveChart";
import LineChartDefault, { LineChart } from "./LineChart";

const ONE = 10n ** 18n;
const PCT = 10n ** 16n;
const JAN_1 = 1_735_689_600;
const usd = (y: bigint) => formatAmount(y, 18, { symbol: "USD", compact: true });
const CURVE = { baseRate: 2n * PCT, slope1: 8n * PCT, kink: 80n * PCT, slope2: 100n * PCT };

describe("LineChart", () => {
  const series = [
    {
      label: "Capital",
      points: [
        { t: JAN_1, y: 1_000n * ONE },
        { t: JAN_1 + 86_400, y: 200n * ONE },
      ],
    },
    { label: "Aave v3", points: [{ t: JAN_1, y: 100n * ONE }] },
  ];

  it("draws an accessible, responsive SVG with a summary, unit ticks and date ticks", () => {
    const html = renderToStaticMarkup(<LineChart title="Capital over time" series={series} formatY={usd} />);
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 480 220"[^>]*width="100%"[^>]*role="img"/);
    expect(html).toMatch(/aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html).toContain("<title");
    expect(html).toContain("Capital over time");
    expect(html).toContain(
      "Capital: 1K USD on 1 Jan 2025, 00:00 UTC, 200.00 USD on 2 Jan 2025, 00:00 UTC, highest 1K USD.",
    );
    // Round ticks with units, 0 to 1 000.
    for (const tick of ["0 USD", "500.00 USD", "1K USD"]) expect(html).toContain(`>${tick}</text>`);
    expect(html).toContain("Date (UTC)");
    expect(html).toMatch(/>06:00<\/text>/);
    // Midnight inside an hourly axis names the day.
    expect(html).toMatch(/>2 Jan<\/text>/);
    // One step path per series with points, and a legend for several series.
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain("Aave v3");
  });

  it("draws steps: flat until the next event, then a jump", () => {
    const html = renderToStaticMarkup(<LineChart title="t" series={[series[0]!]} formatY={usd} />);
    const d = /<path d="([^"]+)"/.exec(html)![1]!;
    expect(d).toMatch(/^M[\d.]+,[\d.]+H[\d.]+V[\d.]+H[\d.]+$/);
  });

  it("shows a text instead of an empty plot", () => {
    const html = renderToStaticMarkup(
      <LineChart title="Cover" series={[{ label: "A", points: [] }]} formatY={usd} emptyText="No cover yet." />,
    );
    expect(html).not.toContain("<svg");
    expect(html).toContain("No cover yet.");
  });

  it("is the default export, for next/dynamic", () => {
    expect(LineChartDefault).toBe(LineChart);
  });
});

describe("FundingCurveChart", () => {
  it("labels the axes with units, marks the kink and places each pool", () => {
    const html = renderToStaticMarkup(
      <FundingCurveChart
        curve={CURVE}
        points={[{ label: "Aave v3", utilisation: 125n * 10n ** 15n, rate: 325n * 10n ** 14n }]}
      />,
    );
    expect(html).toMatch(/role="img"/);
    expect(html).toContain("Utilisation (%)");
    expect(html).toContain("Funding rate (% APR)");
    expect(html).toContain("kink 80 %");
    expect(html).toContain("Aave v3 3.25 %");
    expect(html).toContain(
      "The rate starts at 2 % APR with nothing used, rises to 10 % APR at the kink of 80 % utilisation, then more steeply to 110 % APR at 100 %. Aave v3: 12.5 % utilisation, 3.25 % APR.",
    );
    // The curve's three corners: (0 %, 2 %), (80 %, 10 %), (100 %, 110 %), on a 0–150 % axis... or the next round top.
    const corners = /<polyline points="([^"]+)"/.exec(html)![1]!.split(" ");
    expect(corners).toHaveLength(3);
    expect(html).toContain(`>${formatPercentWad(0n, 1)}</text>`);
  });

  it("draws a flat curve at 0 without dividing by zero", () => {
    const html = renderToStaticMarkup(
      <FundingCurveChart curve={{ baseRate: 0n, slope1: 0n, kink: 50n * PCT, slope2: 0n }} />,
    );
    expect(html).not.toContain("NaN");
    expect(html).toContain("kink 50 %");
  });

  it("is the default export, for next/dynamic", () => {
    expect(FundingCurveChartDefault).toBe(FundingCurveChart);
  });
});
