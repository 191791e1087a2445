import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { metaPoolsByName } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { expect, test } from "../fixtures/journey";

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 375, height: 812 },
] as const;

/** Waits until no skeleton is left: the page shows real data (or its empty/error state). */
async function settled(page: Page) {
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 20_000 });
}

async function pages() {
  const byName = await metaPoolsByName();
  return [
    { slug: "explore", path: "/", heading: /MetaPools/i },
    { slug: "create", path: "/create", heading: /Create/i },
    { slug: "metapool-dex-core", path: `/metapool/${byName["DEX core"]}`, heading: /DEX core/ },
    { slug: "metapool-bridges", path: `/metapool/${byName["Bridges & restaking"]}`, heading: /Bridges & restaking/ },
    { slug: "portfolio", path: "/portfolio", heading: /Portfolio/i },
    { slug: "arbiter", path: "/arbiter", heading: /Arbiter/i },
    { slug: "how-it-works", path: "/how-it-works", heading: /How/i },
  ];
}

// Each page of the seeded market, as a connected seeker would see it (the arbiter page as the DEX
// core's arbiter): screenshots at both widths for the record, and an axe-core scan of each.
for (const size of WIDTHS) {
  test(`every page at ${size.width} px: screenshot and no serious accessibility violations`, async ({
    page,
    wallet,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: size.width, height: size.height });
    await wallet.useAccount(8);
    await page.goto("/how-it-works");
    await connectTestWallet(page, wallet.address);
    for (const entry of await pages()) {
      if (entry.slug === "arbiter") await wallet.useAccount(5);
      await page.goto(entry.path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(entry.heading);
      await settled(page);
      await page.screenshot({ path: `e2e/screenshots/${entry.slug}-${size.width}.png`, fullPage: true });
      const scan = await new AxeBuilder({
        page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"],
      })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const serious = scan.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${entry.path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(serious, serious.join("\n")).toEqual([]);
      if (entry.slug === "arbiter") await wallet.useAccount(8);
    }
  });
}
