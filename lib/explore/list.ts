import { filterRows } from "./filter";
import { PAGE_SIZE, paginate, type Page } from "./paginate";
import type { ExploreQuery } from "./query";
import type { ExploreRow } from "./rows";
import { sortRows } from "./sort";

/** The whole pipeline: filter, then sort, then cut the requested page (`total` counts the rows that matched). */
export function exploreList<R extends ExploreRow>(rows: readonly R[], query: ExploreQuery, size = PAGE_SIZE): Page<R> {
  return paginate(sortRows(filterRows(rows, query), query.sort, query.dir), query.page, size);
}
