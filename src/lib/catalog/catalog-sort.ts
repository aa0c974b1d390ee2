/**
 * Sort orders of the catalog table. Unknown values (no context, variable prices, no quality index)
 * go last in both directions: they are not "largest" or "smallest", they are missing. Ties fall
 * back to the id, so every order is total and stable across browsers.
 */
import Big from 'big.js';
import type { Price } from '../data/schema.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';
import type { CatalogRow } from './catalog-row.ts';

export const SORT_KEYS = ['relevance', 'name', 'author', 'context', 'input', 'output', 'providers', 'quality', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The server renders the table in this order, so it is also the order with no JavaScript. */
export const DEFAULT_SORT: { sort: SortKey; direction: SortDirection } = { sort: 'created', direction: 'desc' };

/** The natural first direction for a column: names A→Z and prices low→high; counts, scores and dates largest first. */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === 'name' || sort === 'author' || sort === 'input' || sort === 'output' ? 'asc' : 'desc';
}

const SORT_LABELS: Record<SortKey, string> = {
  relevance: 'Best match',
  name: 'Name',
  author: 'Author',
  context: 'Context',
  input: 'Input price',
  output: 'Output price',
  providers: 'Providers',
  quality: 'Quality index',
  created: 'Created',
};

/** "Input price low→high", "Created newest first": the sort menu's words for a column and direction. */
export function sortOptionLabel(sort: SortKey, direction: SortDirection): string {
  const words =
    sort === 'name' || sort === 'author'
      ? ['A→Z', 'Z→A']
      : sort === 'created'
        ? ['oldest first', 'newest first']
        : sort === 'relevance'
          ? ['', '']
          : ['low→high', 'high→low'];
  return `${SORT_LABELS[sort]} ${words[direction === 'asc' ? 0 : 1]}`.trim();
}

// One collator for every comparison: `localeCompare(b, 'en')` looks the locale up on each call,
// which dominates sorting thousands of rows.
const english = new Intl.Collator('en');

type SortValue = string | number | Big | null;

function sortValue(row: CatalogRow, sort: SortKey): SortValue {
  switch (sort) {
    case 'name':
      return row.name;
    case 'author':
      return row.authorLabel;
    case 'created':
    case 'relevance':
      return row.created;
    case 'context':
      return row.contextLength;
    case 'input':
    case 'output':
      return priceValue(row[sort]);
    case 'providers':
      return row.providerIds.length;
    case 'quality':
      return row.quality;
  }
}

const priceValue = (price: Price): Big | null => (price === VARIABLE_PRICE ? null : new Big(price));

function compareValues(a: SortValue, b: SortValue): number {
  if (a instanceof Big && b instanceof Big) return a.cmp(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return english.compare(a, b);
  return 0;
}

/**
 * The rows in the order of one column. Each row's value is computed once (a price is parsed once,
 * not twice per comparison). "relevance" without a query is the default order.
 */
export function sortRows<T extends CatalogRow>(rows: readonly T[], sort: SortKey, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const primary = sign * compareValues(a.value, b.value);
      if (primary !== 0) return primary;
    }
    return english.compare(a.row.id, b.row.id);
  });
  return keyed.map((k) => k.row);
}
