/** The explore page's list logic: rows from MetaPool views, search, filters, sort, pages and the summary strip. */
export * from "./rows";
export * from "./query";
export * from "./filter";
export * from "./sort";
export * from "./paginate";
export * from "./summary";
export * from "./display";
export * from "./list";
