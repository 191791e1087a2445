import { describe, expect, it } from "vitest";

import { CSV_HEADER, csvField, csvFileName, exactDecimal, isoTime, portfolioCsv, safeText, toCsv } from "./csv";
import { metaPoolPortfolio } from "./summary";
import { ASSET, ME, METAPOOL, position, purchaseRecord, quote, view } from "./testkit";

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("csvField and toCsv (RFC 4180)", () => {
  it("leaves plain fields bare", () => {
    expect(csvField("Aave v3")).toBe("Aave v3");
  });
  it("quotes commas, quotes (doubled), line breaks and surrounding spaces", () => {
    expect(csvField("Bridges, restaking")).toBe('"Bridges, restaking"');
    expect(csvField('the "safe" pool')).toBe('"the ""safe"" pool"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded ")).toBe('" padded "');
  });
  it("ends every record with CRLF", () => {
    expect(
      toCsv([
        ["a", "b"],
        ["1", "2"],
      ]),
    ).toBe("a,b\r\n1,2\r\n");
  });
  it("round-trips through a strict reader", () => {
    const rows = [["x,y", 'q"', "l\r\nb", ""]];
    expect(parse(toCsv(rows))).toEqual(rows);
  });
});

describe("safeText", () => {
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(safeText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeText("+1")).toBe("'+1");
    expect(safeText("-1")).toBe("'-1");
    expect(safeText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeText("\tx")).toBe("'\tx");
    expect(safeText("DEX core")).toBe("DEX core");
  });
});

describe("exact amounts and times", () => {
  it("keeps every base unit, no rounding or grouping", () => {
    expect(exactDecimal(1_234_567_890_123n, 6)).toBe("1234567.890123");
    expect(exactDecimal(1n, 18)).toBe("0.000000000000000001");
    expect(exactDecimal(-500_000n, 6)).toBe("-0.5");
    expect(exactDecimal(0n, 6)).toBe("0");
  });
  it("writes ISO 8601 UTC times", () => {
    expect(isoTime(1_795_995_223n)).toBe("2026-11-29T23:33:43Z");
  });
  it("names the file after the account and the chain's date", () => {
    expect(csvFileName("0xABCDEF0123456789", 1_795_995_223n)).toBe("canopy-portfolio-0xabcdef01-2026-11-29.csv");
  });
});

describe("portfolioCsv", () => {
  const D = 1_000_000n;
  const m = metaPoolPortfolio({
    view: view({ config: { ...view().config, name: '=cmd, "evil"' } }),
    position: position({
      shares: 900n * D,
      shareValue: 912_345_678n,
      deposited: 1_000n * D,
      withdrawn: 0n,
      feesOwed: 1n,
      requests: [{ id: 4n, quote: quote({ unlockAt: 3_000 }) }],
      purchases: [{ id: 9n, record: purchaseRecord({ maturesAt: 1_795_995_223 }), state: "pending", refundable: 0n }],
      cover: [{ poolId: 1, epoch: 2, token: ASSET.address, tokens: 3n * D, underlying: 2_999_999n, closed: true }],
    }),
    asset: ASSET,
    account: ME,
    now: 2_000n,
  });
  const rows = parse(portfolioCsv([m], 1_795_000_000n));
  const col = (row: string[], name: (typeof CSV_HEADER)[number]) => row[CSV_HEADER.indexOf(name)];

  it("has a header and one row per position", () => {
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows.slice(1).map((r) => col(r, "Position"))).toEqual([
      "Underwriting shares",
      "Withdrawal request",
      "Cover tokens",
      "Protection purchase",
      "Returned bonds",
    ]);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });
  it("writes exact amounts with their units", () => {
    const [, shares, request, cover, purchase, fees] = rows;
    expect([
      col(shares!, "Quantity"),
      col(shares!, "Quantity unit"),
      col(shares!, "Value"),
      col(shares!, "Net result"),
    ]).toEqual(["900", "shares", "912.345678", "12.345678"]);
    expect([
      col(request!, "Reference"),
      col(request!, "Status"),
      col(request!, "Time (UTC)"),
      col(request!, "Time meaning"),
    ]).toEqual(["#4", "locked until unlock", "1970-01-01T00:50:00Z", "unlocks"]);
    expect([col(cover!, "Quantity unit"), col(cover!, "Claimable now"), col(cover!, "Coverage pool")]).toEqual([
      "cnpy-1-e2",
      "2.999999",
      "Compound",
    ]);
    expect([col(purchase!, "Reference"), col(purchase!, "Time (UTC)"), col(purchase!, "Quantity unit")]).toEqual([
      "#9",
      "2026-11-29T23:33:43Z",
      "dUSD",
    ]);
    expect([col(fees!, "Value"), col(fees!, "Status")]).toEqual(["0.000001", "claim bonds returned, to collect"]);
    expect(rows.slice(1).every((r) => col(r, "Asset") === "dUSD" && col(r, "MetaPool address") === METAPOOL)).toBe(
      true,
    );
  });
  it("fills every row's time: its own (unlock, maturity) or the time the values were taken", () => {
    const [, shares, , cover, purchase, fees] = rows;
    for (const row of [shares!, cover!, fees!]) {
      expect([col(row, "Time (UTC)"), col(row, "Time meaning")]).toEqual(["2026-11-18T11:06:40Z", "valued at"]);
    }
    expect(col(purchase!, "Time meaning")).toBe("matures");
    expect(rows.slice(1).every((r) => col(r, "Time (UTC)") !== "")).toBe(true);
  });
  it("keeps a hostile MetaPool name as inert text", () => {
    expect(col(rows[1]!, "MetaPool")).toBe('\'=cmd, "evil"');
  });
});
