import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { DEFAULT_QUERY, rowFigures, summarise, toExploreRow, toExploreRows } from "@/lib/explore";
import { pct, source, USD6 } from "@/lib/explore/testkit";

import { ExploreControls } from "./ExploreControls";
import { ExploreSummary } from "./ExploreSummary";
import { MetaPoolCards } from "./MetaPoolCards";
import { MetaPoolTable, type ShownRow } from "./MetaPoolTable";
import { Pagination } from "./Pagination";

// The arbiter column asks nothing in these tests: no ENS name, no creation text read yet.
vi.mock("@/hooks/useEnsName", () => ({ useEnsName: () => undefined }));
vi.mock("@/hooks/useArbiterRecord", () => ({ useKnownArbiterStatement: () => null }));

const WAD = 10n ** 18n;
const ARBITER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const noop = () => {};

function shown(account?: `0x${string}`): ShownRow[] {
  const rows = [
    toExploreRow(
      source({
        metaPool: "0x00000000000000000000000000000000000000a1",
        capital: 1_000n * WAD,
        freeCapital: 700n * WAD,
        totalActive: 300n * WAD,
        totalPending: 50n * WAD,
        pools: [
          { name: "Aave v3", rate: pct(3.25) },
          { name: "Compound", rate: pct(2) },
        ],
        config: { name: "Blue <chips>", arbiter: ARBITER },
      }),
      0,
    ),
    toExploreRow(
      source({ metaPool: "0x00000000000000000000000000000000000000a2", shutDown: true, config: { name: "Closed" } }),
      1,
    ),
  ];
  return rows.map((row) => ({ row, symbol: "dUSD", figures: rowFigures(row, "dUSD", account) }));
}

describe("MetaPoolTable", () => {
  const html = renderToStaticMarkup(
    <MetaPoolTable rows={shown()} sort="rate" dir="asc" onSort={noop} caption="All MetaPools" />,
  );
  it("scopes column and row headers and has a caption", () => {
    expect(html).toContain('<caption class="sr-only">All MetaPools</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(10);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
  });
  it("marks the sorted column and only that one", () => {
    expect(html.match(/aria-sort="ascending"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-sort="ascending"[^>]*><button[^>]*>Cost of cover/);
    expect(html.match(/aria-sort="none"/g)).toHaveLength(3);
  });
  it("links each MetaPool and escapes its name", () => {
    expect(html).toContain('href="/metapool/0x00000000000000000000000000000000000000a1"');
    expect(html).toContain("Blue &lt;chips&gt;");
  });
  it("shows figures with units, pending cover and the rate range", () => {
    expect(html).toContain("1K dUSD");
    expect(html).toContain("700.00 dUSD free");
    expect(html).toContain("+ 50.00 dUSD pending");
    expect(html).toContain("30 %");
    expect(html).toContain("2 – 3.25 % APR");
    expect(html).toContain("5 % to the arbiter and 5 % to the creator");
    expect(html).toContain("Active");
    expect(html).toContain("Shut down");
  });
  it('says "you" when the connected account is the arbiter', () => {
    expect(html).toContain("0x7099…79C8");
    const mine = renderToStaticMarkup(
      <MetaPoolTable rows={shown(ARBITER)} sort="capital" dir="desc" onSort={noop} caption="" />,
    );
    expect(mine).toContain(">you</span>");
  });
});

describe("MetaPoolCards", () => {
  const html = renderToStaticMarkup(<MetaPoolCards rows={shown()} />);
  it("labels every figure", () => {
    for (const label of [
      "Capital",
      "Cover sold",
      "Utilisation",
      "APY",
      "Cost of cover",
      "Payout",
      "Purchase delay",
      "Withdrawal period",
      "Fees (arbiter + creator)",
      "Arbiter",
    ]) {
      expect(html).toContain(`<dt class="text-xs text-muted">${label}</dt>`);
    }
  });
  it("shows a dash for a shut-down MetaPool’s rate and utilisation", () => {
    expect(html.match(/>—</g)?.length).toBeGreaterThanOrEqual(2);
  });
  it("links to the MetaPool page", () => {
    expect(html).toContain('href="/metapool/0x00000000000000000000000000000000000000a2"');
  });
});

describe("ExploreSummary", () => {
  it("shows capital and cover per asset and the status counts", () => {
    const summary = summarise(
      toExploreRows([
        source({ capital: 2_500_000n * WAD, totalActive: 300n * WAD }),
        source({
          config: { asset: USD6, decimals: 6 },
          capital: 70n * 10n ** 6n,
          pendingClaims: 1n,
          totalPending: 5n * 10n ** 6n,
        }),
      ]),
    );
    const html = renderToStaticMarkup(
      <ExploreSummary summary={summary} symbolOf={(a) => (a === USD6.toLowerCase() ? "USDC" : "DAI")} />,
    );
    expect(html).toContain("2.5M DAI");
    expect(html).toContain("70.00 USDC");
    expect(html).toContain("300.00 DAI");
    expect(html).toContain("+ 5.00 pending");
    expect(html).toContain("1 active · 1 claim pending");
  });
});

describe("ExploreControls", () => {
  const html = renderToStaticMarkup(
    <ExploreControls
      query={{ ...DEFAULT_QUERY, sort: "rate", dir: "asc" }}
      searchText="aave"
      onSearch={noop}
      onChange={noop}
      assets={[USD6]}
      symbolOf={() => "USDC"}
    />,
  );
  it("labels the search box and every select", () => {
    for (const label of ["Search", "Asset", "Status", "Sort by"])
      expect(html).toMatch(new RegExp(`<label for="[^"]+"[^>]*>${label}</label>`));
    expect(html).toContain('type="search"');
    expect(html).toContain('value="aave"');
  });
  it("selects the current sort", () => {
    expect(html).toMatch(/<option value="rate:asc" selected="">Cost of cover, cheapest first<\/option>/);
  });
});

describe("Pagination", () => {
  it("marks the current page and disables Previous on the first", () => {
    const html = renderToStaticMarkup(<Pagination page={1} pageCount={12} onPage={noop} />);
    expect(html).toMatch(/aria-current="page" aria-label="Page 1"/);
    expect(html).toMatch(/<button type="button" class="btn-secondary" disabled="">/);
    expect(html).toContain("…");
  });
  it("renders nothing for one page", () => {
    expect(renderToStaticMarkup(<Pagination page={1} pageCount={1} onPage={noop} />)).toBe("");
  });
});
