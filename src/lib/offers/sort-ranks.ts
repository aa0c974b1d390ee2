/**
 * Ranks of table rows under a column, for tables sorted in the browser by precomputed rank
 * (src/components/sortable-table.ts): exact comparisons happen here, at build time, so the browser
 * never compares prices as floats.
 */
import Big from 'big.js';

export type SortValue = Big | number | string | null;

/** Position of each row when sorted ascending by `value`: unknown (null) values last, ties in the given order. */
export function sortRanks<T>(rows: readonly T[], value: (row: T) => SortValue): number[] {
  const order = rows.map((row, position) => ({ position, value: value(row) }));
  order.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.position - b.position : a.value === null ? 1 : -1;
    let cmp: number;
    if (a.value instanceof Big) cmp = a.value.cmp(b.value as Big);
    else if (typeof a.value === 'number') cmp = a.value - (b.value as number);
    else cmp = a.value.localeCompare(b.value as string, 'en');
    return cmp || a.position - b.position;
  });
  const ranks = new Array<number>(rows.length);
  order.forEach((entry, rank) => (ranks[entry.position] = rank));
  return ranks;
}

/** `data-rank-<key>` attributes for one row, keys lower-cased as HTML data attributes are. */
export function rankAttributes(ranks: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(ranks).map(([key, rank]) => [`data-rank-${key.toLowerCase()}`, rank]));
}
