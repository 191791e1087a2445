import { renderToStaticMarkup } from "react-dom/server";
import type { Address } from "viem";
import { describe, expect, test } from "vitest";

import {
  buildCreateParams,
  defaultCreateForm,
  validateCreateForm,
  type AssetInfo,
  type CreateForm,
} from "@/lib/forms/createMetaPool";

import { ArbiterStep } from "./steps/ArbiterStep";
import { CurveStep } from "./steps/CurveStep";
import { DescribeStep } from "./steps/DescribeStep";
import { PoolsStep } from "./steps/PoolsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { TermsStep } from "./steps/TermsStep";
import type { StepProps } from "./types";

const DUSD: AssetInfo = { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "dUSD", decimals: 6 };
const CREATOR: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

function props(form: CreateForm, showAll = true): StepProps {
  const errors = validateCreateForm(form, { asset: DUSD, creator: CREATOR });
  return {
    form,
    errors,
    update: () => {},
    shown: (_field, error) => (showAll ? error : undefined),
    touch: () => () => {},
    asset: DUSD,
    creator: CREATOR,
    goTo: () => {},
  };
}

const valid: CreateForm = {
  ...defaultCreateForm(DUSD.address),
  name: "Blue-chip lending",
  protectionStatement: "Pays when a listed lending market loses suppliers' funds.\nPhishing is not covered.",
  pools: [
    { name: "Aave v3", description: "Aave v3 core market." },
    { name: "Morpho", description: "" },
  ],
  arbiter: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
};

describe("create wizard steps render what the creator must see", () => {
  test("describe: byte counters count UTF-8 bytes", () => {
    const html = renderToStaticMarkup(<DescribeStep {...props({ ...valid, name: "Café" })} />);
    expect(html).toContain("5 / 64 bytes");
    expect(html).toContain("/ 4,096 bytes");
  });

  test("describe: a name another MetaPool already uses is warned about, with its address", () => {
    const existing = [{ name: "Blue-Chip Lending ", address: "0x1111111111111111111111111111111111111111" }];
    const html = renderToStaticMarkup(<DescribeStep {...props(valid)} existingNames={existing} />);
    expect(html).toContain("Another MetaPool is already called “Blue-Chip Lending” (0x1111…1111)");
    const fresh = renderToStaticMarkup(
      <DescribeStep {...props({ ...valid, name: "Perps" })} existingNames={existing} />,
    );
    expect(fresh).not.toContain("already called");
  });

  test("describe: an empty name says so next to the field once shown", () => {
    const html = renderToStaticMarkup(<DescribeStep {...props({ ...valid, name: "" })} />);
    expect(html).toContain("Enter a name for the MetaPool.");
    expect(renderToStaticMarkup(<DescribeStep {...props({ ...valid, name: "" }, false)} />)).not.toContain(
      "Enter a name",
    );
  });

  test("pools: duplicate names are flagged, the only pool cannot be removed", () => {
    const dup = renderToStaticMarkup(
      <PoolsStep {...props({ ...valid, pools: [valid.pools[0]!, { name: "aave V3", description: "" }] })} />,
    );
    expect(dup).toContain("Pool 1 already has this name");
    const one = renderToStaticMarkup(<PoolsStep {...props({ ...valid, pools: [valid.pools[0]!] })} />);
    expect(one).toMatch(/<button[^>]*disabled=""[^>]*aria-label="Remove pool 1 \(Aave v3\)"/);
    expect(one).toContain("1 of at most 16");
  });

  test("arbiter: self-arbitration shows a warning; fees split in words; payout example", () => {
    const html = renderToStaticMarkup(<ArbiterStep {...props({ ...valid, arbiter: CREATOR.toLowerCase() })} />);
    expect(html).toContain("arbiter of your own MetaPool");
    expect(html).toContain("underwriters keep 90 %");
    // 1 000 of cover, 20 000 free, capped at 3× (the default): 1 000 + min(20 000, 2 000) = 3 000;
    // uncapped: 21 000 (7× the premium), and 101 000 once underwriters add 80 000.
    expect(html).toContain('Capped at 3×</span>: a valid claim pays <span class="font-semibold">3,000 dUSD</span>');
    expect(html).toContain("21,000 dUSD</span>, so the same seekers pay 7× the premium");
    expect(html).toContain("grow to 101,000 dUSD");
  });

  test("arbiter: fees over 50 % are refused under the fields", () => {
    const html = renderToStaticMarkup(<ArbiterStep {...props({ ...valid, arbiterFee: "40", creatorFee: "20" })} />);
    expect(html).toContain("The fees add up to 60 % of the premium");
  });

  test("curve: the standard preset is selected by default and the rates are tabulated", () => {
    const html = renderToStaticMarkup(<CurveStep {...props(valid)} />);
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="create-curve-standard"/);
    expect(html).toContain("2 % APR");
    expect(html).toContain("110 % APR");
  });

  test("curve: an invalid kink hides the chart and says why", () => {
    const html = renderToStaticMarkup(<CurveStep {...props({ ...valid, curve: { ...valid.curve, kink: "100" } })} />);
    expect(html).toContain("below 100 %");
    expect(html).toContain("The chart appears once every field of the curve is valid.");
  });

  test("terms: amounts carry the asset's symbol", () => {
    const html = renderToStaticMarkup(<TermsStep {...props({ ...valid, claimBond: "0.5" })} />);
    expect(html).toContain("dUSD");
    expect(html).toContain("The claim bond must be at least 1.00 dUSD");
  });

  test("review: every parameter in plain words and the immutability statement", () => {
    const params = buildCreateParams(valid, DUSD, CREATOR);
    const html = renderToStaticMarkup(
      <ReviewStep params={params} asset={DUSD} creator={CREATOR} goTo={() => {}}>
        <button type="button">submit</button>
      </ReviewStep>,
    );
    expect(html).toContain("Nothing can ever be changed after creation.");
    for (const text of [
      "Blue-chip lending",
      "Aave v3",
      "Morpho",
      "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
      "Capped at 3× cover",
      "7 d",
      "1 d",
      "100.00 dUSD",
      "10.00 dUSD",
      "10 % APR",
    ]) {
      expect(html, text).toContain(text);
    }
  });

  test("review: an amount with more than two decimals is echoed rounded down, with its exact figure", () => {
    const params = buildCreateParams({ ...valid, minPurchase: "16627.22395", claimBond: "12.5" }, DUSD, CREATOR);
    const html = renderToStaticMarkup(
      <ReviewStep params={params} asset={DUSD} creator={CREATOR} goTo={() => {}}>
        <button type="button">submit</button>
      </ReviewStep>,
    );
    expect(html).toContain("16,627.22 dUSD (exactly 16,627.22395 dUSD) per purchase of cover");
    expect(html).toContain("12.50 dUSD locked by whoever files a claim");
    expect(html).not.toContain("(exactly 12.5");
  });
});
