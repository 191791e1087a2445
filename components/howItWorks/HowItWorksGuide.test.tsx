import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { glossary, termHref, type GlossaryTerm } from "@/lib/glossary";

import { HowItWorksGuide } from "./HowItWorksGuide";
import { TermLink } from "./TermLink";

const html = renderToStaticMarkup(<HowItWorksGuide />);

describe("HowItWorksGuide", () => {
  it("has an anchor for every glossary term, each once", () => {
    for (const term of Object.keys(glossary)) {
      expect(html.split(`id="${term}"`).length - 1, term).toBe(1);
    }
  });

  it("keeps a heading hierarchy: one h1, then h2s, h3s only inside a section", () => {
    const levels = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.slice(1).forEach((level, i) => expect(level - levels[i]!).toBeLessThanOrEqual(1));
  });

  it("draws SPEC example 1 with its computed numbers", () => {
    expect(html).toContain("Before: capital 1,000.00 DAI");
    expect(html).toContain("valid claim on A pays 100.00 + 700.00 = 800.00 DAI");
    expect(html).toContain("After: capital 200.00 DAI, still backing B and C");
    expect(html).toContain("redeem 900.00 DAI");
    expect(html).toContain("3.25 % APR");
    expect(html).toContain("12.5 %");
    expect(html.match(/role="img"/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it("states the fixed durations from the protocol constants", () => {
    expect(html).toContain("The withdrawal window (7 d)");
    expect(html).toContain("waited 30 d for a ruling");
  });
});

describe("glossary", () => {
  it("links each term to its anchor on /how-it-works", () => {
    const terms: GlossaryTerm[] = [
      "capital",
      "coverage-pool",
      "funding-rate",
      "purchase-delay",
      "withdrawal-period",
      "withdrawal-window",
      "claims",
      "payout",
      "shutdown",
      "arbiter",
      "fees",
      "utilisation",
    ];
    for (const term of terms) expect(termHref(term)).toBe(`/how-it-works#${term}`);
  });

  it("TermLink shows the term, or the given words, with its meaning on hover", () => {
    const link = renderToStaticMarkup(<TermLink term="funding-rate" />);
    expect(link).toContain('href="/how-it-works#funding-rate"');
    expect(link).toContain(">funding rate</a>");
    expect(link).toContain(`title="${glossary["funding-rate"].summary}"`);
    expect(renderToStaticMarkup(<TermLink term="payout">what you get</TermLink>)).toContain(">what you get</a>");
  });
});
