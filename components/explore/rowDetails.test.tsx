import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

import { trackRecord } from "@/lib/arbiter";

import { MetaPoolCardDetails, MetaPoolRowDetails } from "./MetaPoolRowDetails";

const ARBITER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const POOL = "0x00000000000000000000000000000000000000a1" as const;
const STATEMENT = "Pays on exploits of listed lending markets. Claims are ruled by the Acme security council.";

vi.mock("@/hooks/useMetaPool", () => ({
  useMetaPool: () => ({ isPending: false, isError: false, data: { params: { protectionStatement: STATEMENT } } }),
}));
vi.mock("@/hooks/useEnsName", () => ({ useEnsName: () => undefined }));
vi.mock("@/hooks/useArbiterRecord", () => ({
  useArbiterRecord: () => ({
    isPending: false,
    isError: false,
    data: {
      source: "chain",
      record: trackRecord({
        arbiter: ARBITER,
        metaPools: [{ address: POOL, name: "L", protectionStatement: STATEMENT, shutDownAt: null }],
        claims: [
          { metaPool: POOL, claimId: 0n, filedAt: 0n, status: "valid", resolvedAt: 183_600n },
          { metaPool: POOL, claimId: 1n, filedAt: 0n, status: "pending", resolvedAt: null },
        ],
      }),
    },
  }),
}));

const row = { address: POOL, name: "Blue-chip lending", arbiter: ARBITER, arbiterIsYou: false };

describe("Explore's row details", () => {
  it("show the statement, the arbiter with the creator's sentence about it, and its record", () => {
    const html = renderToStaticMarkup(<MetaPoolRowDetails row={row} id="d" />);
    expect(html).toContain(STATEMENT);
    expect(html).toContain("“Claims are ruled by the Acme security council.”");
    expect(html).toContain("as described by the creator");
    expect(html).toContain("0x7099…79C8");
    expect(html).toContain("ruled 1 claim: 1 valid, 0 invalid");
    expect(html).toContain("median 2 d 3 h from filing to ruling");
    expect(html).toContain("1 pending");
  });

  it("start closed behind a button that says what it opens and for which MetaPool", () => {
    const html = renderToStaticMarkup(<MetaPoolCardDetails row={row} />);
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*aria-controls="[^"]+"/);
    expect(html).toContain("for Blue-chip lending");
    expect(html).not.toContain(STATEMENT);
  });
});
