import { describe, expect, it } from "vitest";

import { PAGE_SIZE, pageNumbers, paginate } from "./paginate";

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("paginate", () => {
  it("shows 10 a page by default", () => {
    expect(PAGE_SIZE).toBe(10);
    const p = paginate(items(25), 1);
    expect(p).toMatchObject({ page: 1, pageCount: 3, total: 25, from: 1, to: 10 });
    expect(p.items).toEqual(items(10));
  });
  it("cuts the last, partial page", () => {
    const p = paginate(items(25), 3);
    expect(p.items).toEqual([21, 22, 23, 24, 25]);
    expect(p).toMatchObject({ from: 21, to: 25 });
  });
  it("clamps a page past the end to the last page (a filter shrank the list)", () => {
    expect(paginate(items(25), 9).page).toBe(3);
  });
  it("clamps below 1 and non-integers to page 1", () => {
    expect(paginate(items(25), 0).page).toBe(1);
    expect(paginate(items(25), 2.5).page).toBe(1);
    expect(paginate(items(25), Number.NaN).page).toBe(1);
  });
  it("has one empty page for an empty list", () => {
    expect(paginate([], 4)).toEqual({ items: [], page: 1, pageCount: 1, total: 0, from: 0, to: 0 });
  });
  it("fills exactly", () => {
    expect(paginate(items(20), 2)).toMatchObject({ pageCount: 2, from: 11, to: 20 });
  });
  it("refuses a page size below 1", () => {
    expect(() => paginate(items(3), 1, 0)).toThrow(RangeError);
  });
});

describe("pageNumbers", () => {
  it("lists every page when there are few", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
  it("puts gaps around the current page", () => {
    expect(pageNumbers(6, 12)).toEqual([1, null, 5, 6, 7, null, 12]);
  });
  it("fills a gap of one page with that page instead of an ellipsis", () => {
    expect(pageNumbers(4, 12)).toEqual([1, 2, 3, 4, 5, null, 12]);
    expect(pageNumbers(1, 12)).toEqual([1, 2, null, 12]);
    expect(pageNumbers(12, 12)).toEqual([1, null, 11, 12]);
  });
});
