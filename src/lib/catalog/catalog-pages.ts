/**
 * The catalog split into pages of server-rendered rows: the home page holds the first, /catalog/2/
 * and on the others. The island shows any rows it likes; these pages keep every model a link away
 * without JavaScript while the first load stays small whatever the catalog's size.
 */
export const ROWS_PER_PAGE = 50;

export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / ROWS_PER_PAGE));
}

export function pageRows<T>(rows: readonly T[], page: number): T[] {
  return rows.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);
}

export function catalogPagePath(page: number): string {
  return page === 1 ? '/' : `/catalog/${page}/`;
}
