import { formatUnits } from "viem";

import type { MetaPoolPortfolio, ProtectionStatus, RequestStatus } from "./summary";

/**
 * The portfolio as CSV (RFC 4180): CRLF line ends, a header row, fields quoted when they hold a
 * comma, a quote, a line break or surrounding spaces, quotes doubled. Amounts are exact decimals
 * (every base unit, no rounding, no grouping) with their unit in the next column; times are
 * ISO 8601 UTC. Text that came from other people (MetaPool and pool names) is defused against
 * spreadsheet formula injection.
 */

export const CSV_HEADER = [
  "MetaPool",
  "MetaPool address",
  "Position",
  "Reference",
  "Coverage pool",
  "Status",
  "Quantity",
  "Quantity unit",
  "Value",
  "Claimable now",
  "Deposited",
  "Withdrawn",
  "Net result",
  "Asset",
  "Asset address",
  "Time (UTC)",
  "Time meaning",
] as const;

type Row = Record<(typeof CSV_HEADER)[number], string>;

/** One RFC 4180 field. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of fields as RFC 4180 text, CRLF after every record. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/**
 * Text from other users, made inert in spreadsheets: a leading = + - @ tab or CR would start a
 * formula, so such text gets a leading apostrophe (OWASP's advice). Never used on numbers.
 */
export function safeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** An exact decimal of a base-unit amount: "1250.5", "-0.000001", "0". */
export function exactDecimal(value: bigint, decimals: number): string {
  return formatUnits(value, decimals);
}

/** Unix seconds as "2026-11-25T16:32:27Z". */
export function isoTime(unixSeconds: bigint): string {
  return new Date(Number(unixSeconds) * 1000).toISOString().replace(".000Z", "Z");
}

const REQUEST_STATUS: Record<RequestStatus, string> = {
  locked: "locked until unlock",
  frozen: "frozen by a pending claim",
  open: "withdrawable in full",
  partial: "withdrawable in part (free capital)",
  expired: "window closed (cancel only)",
  shutdown: "payable at once (shut down)",
};

const PROTECTION_STATUS: Record<ProtectionStatus, string> = {
  pending: "pending (purchase delay)",
  maturing: "maturing at next sync",
  frozen: "frozen by a pending claim (refundable)",
  voided: "voided (refundable)",
  rest: "matured in part (rest refundable)",
  active: "active cover",
  "not-in-force": "not in force (shut down)",
  redeemable: "redeemable payout",
};

/**
 * `now`: the chain time the values are taken at; rows without a time of their own (shares, cover,
 * fees) carry it as "valued at", so every row says when its figures held.
 */
export function portfolioCsv(items: readonly MetaPoolPortfolio[], now?: bigint): string {
  const valuedAt = now !== undefined ? isoTime(now) : "";
  const valuedMeaning = now !== undefined ? "valued at" : "";
  const rows: Row[] = [];
  for (const m of items) {
    const amount = (v: bigint) => exactDecimal(v, m.asset.decimals);
    const base = (): Row => ({
      MetaPool: safeText(m.name),
      "MetaPool address": m.metaPool,
      Position: "",
      Reference: "",
      "Coverage pool": "",
      Status: "",
      Quantity: "",
      "Quantity unit": "",
      Value: "",
      "Claimable now": "",
      Deposited: "",
      Withdrawn: "",
      "Net result": "",
      Asset: safeText(m.asset.symbol),
      "Asset address": m.asset.address,
      "Time (UTC)": valuedAt,
      "Time meaning": valuedMeaning,
    });
    if (m.shares > 0n || m.deposited > 0n || m.withdrawn > 0n || m.requests.length > 0) {
      rows.push({
        ...base(),
        Position: "Underwriting shares",
        Status: m.shutDown
          ? "exit at once (shut down)"
          : m.claimPending
            ? "frozen by a pending claim"
            : "earning premium",
        Quantity: amount(m.shares),
        "Quantity unit": "shares",
        Value: amount(m.shareValue),
        Deposited: amount(m.deposited),
        Withdrawn: amount(m.withdrawn),
        "Net result": amount(m.netResult),
      });
    }
    for (const r of m.requests) {
      const beforeUnlock = r.status === "locked";
      rows.push({
        ...base(),
        Position: "Withdrawal request",
        Reference: `#${r.id}`,
        Status: REQUEST_STATUS[r.status],
        Quantity: amount(r.shares),
        "Quantity unit": "shares",
        Value: amount(r.assets),
        "Claimable now": amount(r.withdrawableNow),
        "Time (UTC)": isoTime(beforeUnlock ? r.unlockAt : r.windowEnd),
        "Time meaning": beforeUnlock ? "unlocks" : "window closes",
      });
    }
    for (const x of m.protection) {
      rows.push({
        ...base(),
        Position: x.kind === "purchase" ? "Protection purchase" : "Cover tokens",
        Reference: x.kind === "purchase" ? `#${x.purchaseId}` : `epoch ${x.epoch}`,
        "Coverage pool": safeText(x.poolName),
        Status: PROTECTION_STATUS[x.status],
        Quantity: amount(x.quantity),
        "Quantity unit": x.quantityUnit,
        Value: amount(x.value),
        "Claimable now": amount(x.claimableNow),
        ...(x.time !== undefined
          ? {
              "Time (UTC)": isoTime(x.time),
              "Time meaning":
                x.status === "pending" || x.status === "maturing" || x.status === "frozen" ? "matures" : "matured",
            }
          : {}),
      });
    }
    if (m.exitNow > 0n) {
      rows.push({
        ...base(),
        Position: "Exit (shut down)",
        Status: "payable at once",
        Value: amount(m.exitNow),
        "Claimable now": amount(m.exitNow),
      });
    }
    if (m.feesOwed > 0n || m.isArbiter || m.isCreator) {
      const roles = [m.isArbiter && "arbiter", m.isCreator && "creator"].filter(Boolean).join(" and ");
      rows.push({
        ...base(),
        Position: "Fees owed",
        Status: `as ${roles}`,
        Value: amount(m.feesOwed),
        "Claimable now": amount(m.feesOwed),
      });
    }
    if (m.bondsOwed > 0n) {
      rows.push({
        ...base(),
        Position: "Returned bonds",
        Status: "claim bonds returned, to collect",
        Value: amount(m.bondsOwed),
        "Claimable now": amount(m.bondsOwed),
      });
    }
  }
  return toCsv([[...CSV_HEADER], ...rows.map((row) => CSV_HEADER.map((column) => row[column]))]);
}

/** "canopy-portfolio-0x1234abcd-2026-11-25.csv". */
export function csvFileName(account: string, now: bigint): string {
  return `canopy-portfolio-${account.slice(0, 10).toLowerCase()}-${isoTime(now).slice(0, 10)}.csv`;
}
