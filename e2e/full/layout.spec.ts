import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { metaPoolsByName } from "../fixtures/chain";
import { connectTestWallet } from "../fixtures/connect";
import { expect, test } from "../fixtures/journey";
import { ROLE } from "./helpers";

/**
 * Every page of the seeded market at 375 and 1280 px: no element holding a number overflows its
 * box (a figure cut mid-unit, "234.36K dUS…", is a number the user cannot read), the page never
 * scrolls sideways, the axe scan stays clean, and a screenshot of each page lands in
 * e2e/screenshots/ to be looked at.
 */

const WIDTHS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
] as const;

const TABS = ["overview", "underwrite", "protect", "claims"] as const;
const METAPOOLS = ["Blue-chip lending", "DEX core", "Bridges & restaking", "Legacy yield vaults"] as const;

interface Entry {
  slug: string;
  path: string;
  /** The Anvil account the page is seen as. */
  account: number;
  tab?: (typeof TABS)[number];
}

async function entries(): Promise<Entry[]> {
  const byName = await metaPoolsByName();
  const list: Entry[] = [
    { slug: "explore", path: "/", account: ROLE.seeker },
    { slug: "create", path: "/create", account: ROLE.seeker },
    { slug: "portfolio-seeker", path: "/portfolio", account: ROLE.seeker },
    { slug: "portfolio-underwriter", path: "/portfolio", account: ROLE.underwriter },
    { slug: "arbiter", path: "/arbiter", account: ROLE.dexArbiter },
    { slug: "how-it-works", path: "/how-it-works", account: ROLE.seeker },
  ];
  for (const name of METAPOOLS) {
    const slug = name.toLowerCase().replace(/[^a-z]+/g, "-");
    for (const tab of TABS) {
      list.push({
        slug: `metapool-${slug}-${tab}`,
        path: `/metapool/${byName[name]}?tab=${tab}`,
        account: ROLE.seeker,
        tab,
      });
    }
  }
  return list;
}

/** Waits until no skeleton is left: the page shows real data (or its empty/error state). */
async function settled(page: Page) {
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 20_000 });
}

/**
 * Elements whose own text holds a digit, measured on the box that lays that text out (the nearest
 * ancestor that is not inline): overflowing means scrollWidth > clientWidth. Scroll containers
 * (a wide table scrolled on purpose) and visually hidden text are not boxes a reader sees cut.
 */
async function overflowingNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A number: a digit not glued to a letter before it ("4,987.12", "25 %", "#2"; not "Aave v3").
      if (!/(^|[^\p{L}\d])\d/u.test(node.textContent ?? "")) continue;
      let box = node.parentElement;
      while (box && getComputedStyle(box).display.startsWith("inline") && box.parentElement) box = box.parentElement;
      if (!box || seen.has(box) || box.closest("svg")) continue;
      seen.add(box);
      const style = getComputedStyle(box);
      if (style.overflowX === "auto" || style.overflowX === "scroll") continue;
      const rect = box.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === "hidden") continue;
      if (box.closest(".sr-only")) continue;
      if (box.scrollWidth > box.clientWidth) {
        const id = box.getAttribute("data-testid") ?? box.tagName.toLowerCase();
        const text = (box.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 80);
        out.push(`<${id} class="${box.className}"> "${text}": ${box.scrollWidth} > ${box.clientWidth} px`);
      }
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
    return out;
  });
}

for (const size of WIDTHS) {
  test(`every page at ${size.width} px: no number overflows its box, screenshots, axe clean`, async ({
    page,
    wallet,
  }) => {
    test.setTimeout(420_000);
    await page.setViewportSize(size);
    await wallet.useAccount(ROLE.seeker);
    await page.goto("/how-it-works");
    await connectTestWallet(page, wallet.address);
    const problems: string[] = [];
    for (const entry of await entries()) {
      await wallet.useAccount(entry.account);
      await page.goto(entry.path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (entry.tab) await expect(page.getByTestId(`tab-${entry.tab}`)).toHaveAttribute("aria-selected", "true");
      await settled(page);
      await page.screenshot({ path: `e2e/screenshots/layout-${entry.slug}-${size.width}.png`, fullPage: true });
      problems.push(...(await overflowingNumbers(page)).map((p) => `${entry.slug}: ${p}`));
      const scan = await new AxeBuilder({
        page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"],
      })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      problems.push(
        ...scan.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${entry.slug}: axe ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      );
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
}
