/**
 * The cells and rows of a comparison and the best-value rule. A row marks a best value only when its
 * values differ and at least two models have a comparable value; ties are all marked.
 * - prices and workload costs: lowest ("cheapest"); "variable" and "not offered" take no part;
 * - context, max output, supported parameters, modalities, providers, offers: highest ("longest"/"most");
 * - created: most recent ("newest");
 * - self-hosting memory (weights, KV cache): lowest ("smallest").
 * Architecture figures get no mark: more parameters or layers are not better or worse in themselves.
 */
import type { Price } from '../data/schema.ts';
import { compareCosts } from '../pricing/pricing.ts';
import { formatCount, formatDate } from '../format/format.ts';

export type BestRule = 'lowest' | 'highest';

export interface CompareCell {
  text: string;
  /** What equality means for this cell: two cells with the same key show the same value. */
  key: string;
  /** A comparable value for the best mark: a number, or an exact decimal string for money. */
  rank: number | { decimal: string } | null;
  href?: string;
  code?: boolean;
  /** A short qualifier shown under the value ("at its 16,384 maximum"). */
  note?: string;
}

export interface CompareRow {
  id: string;
  label: string;
  /** What the row means, for a tooltip-free explanation under the label. */
  hint?: string;
  cells: CompareCell[];
  differs: boolean;
  /** Per column: whether the cell holds the best value of the row. */
  best: boolean[];
  /** The word shown on the best cells ("cheapest", "longest"…); null when the row has no best rule. */
  bestLabel: string | null;
  /** One statement about all the models (every cell the same): shown once across the columns. */
  shared?: boolean;
}

export interface RowGroup {
  id: string;
  title: string;
  rows: CompareRow[];
}

function compareRanks(a: NonNullable<CompareCell['rank']>, b: NonNullable<CompareCell['rank']>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'object' && typeof b === 'object') return compareCosts(a.decimal, b.decimal);
  throw new TypeError('a row mixes numeric and decimal ranks');
}

/** Which cells hold the best value: only when values differ and two or more can be ranked. */
export function bestCells(cells: readonly CompareCell[], rule: BestRule | null): boolean[] {
  const none = cells.map(() => false);
  if (rule === null || new Set(cells.map((c) => c.key)).size < 2) return none;
  const ranked = cells.filter((c) => c.rank !== null);
  if (ranked.length < 2) return none;
  let extreme = ranked[0]!.rank!;
  for (const cell of ranked) {
    const order = compareRanks(cell.rank!, extreme);
    if (rule === 'lowest' ? order < 0 : order > 0) extreme = cell.rank!;
  }
  const isBest = cells.map((c) => c.rank !== null && compareRanks(c.rank, extreme) === 0);
  // All ranked values equal (the row differs only by unknowns): nothing is better than anything else.
  return isBest.filter(Boolean).length === ranked.length ? none : isBest;
}

export function row(
  id: string,
  label: string,
  cells: CompareCell[],
  best: { rule: BestRule; label: string } | null = null,
  hint?: string,
): CompareRow {
  const marks = bestCells(cells, best?.rule ?? null);
  return {
    id,
    label,
    ...(hint === undefined ? {} : { hint }),
    cells,
    differs: new Set(cells.map((c) => c.key)).size > 1,
    best: marks,
    bestLabel: marks.some(Boolean) ? (best?.label ?? null) : null,
  };
}

export const UNKNOWN: CompareCell = { text: 'unknown', key: 'unknown', rank: null };

export function textCell(value: string | null | undefined, fallback = 'none'): CompareCell {
  return value === null || value === undefined || value === '' ? { text: fallback, key: `∅${fallback}`, rank: null } : { text: value, key: value, rank: null };
}

/** The cell of a model that lacks the thing: every such cell has one key, so models lacking it read as alike. */
export function absentCell(text: string): CompareCell {
  return { text, key: '∅', rank: null };
}

/** `absent` when the model lacks the value, else the cell made from it. */
export function cellOr<T>(value: T | null | undefined, absent: string, cell: (value: T) => CompareCell): CompareCell {
  return value === null || value === undefined ? absentCell(absent) : cell(value);
}

export function countCell(value: number | null | undefined): CompareCell {
  return value === null || value === undefined ? UNKNOWN : { text: formatCount(value), key: String(value), rank: value };
}

/** Days since 1970-01-01 (chart.js needs numbers for a date axis; no date adapter is shipped). */
export function daysSinceEpoch(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

export function dateCell(isoDate: string | null, fallback: string): CompareCell {
  if (isoDate === null) return { text: fallback, key: `∅${fallback}`, rank: null };
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
    ? { text: formatDate(isoDate), key: isoDate, rank: daysSinceEpoch(isoDate) }
    : { text: isoDate, key: isoDate, rank: null };
}

export function listCell(values: readonly string[]): CompareCell {
  const sorted = [...values].sort();
  return values.length === 0 ? { text: 'none', key: '∅', rank: 0 } : { text: values.join(', '), key: sorted.join(','), rank: values.length };
}

export function priceCell(price: Price | undefined, format: (p: Price | undefined) => string): CompareCell {
  const text = format(price);
  if (price === undefined || price === 'variable') return { text, key: text, rank: null };
  return { text, key: price, rank: { decimal: price } };
}

export const CHEAPEST = { rule: 'lowest', label: 'cheapest' } as const;
export const LONGEST = { rule: 'highest', label: 'longest' } as const;
export const MOST = { rule: 'highest', label: 'most' } as const;
export const NEWEST = { rule: 'highest', label: 'newest' } as const;
export const SMALLEST = { rule: 'lowest', label: 'smallest' } as const;
