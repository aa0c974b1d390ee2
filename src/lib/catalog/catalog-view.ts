/**
 * The catalog as pages and the filter island see it: one row per model, the facets people filter by,
 * sort orders, the filter state and its URL form, and "similar models" for the cards. Pure functions
 * only; the island reads rows back from the server-rendered table's data attributes, so the server
 * and the browser share `rowToDataset` / `rowFromDataset` and can never disagree on a field.
 */
import Big from 'big.js';
import { pick } from '../format/pick.ts';
// Type-only import of the schema: this module runs in the catalog island, and importing schema.ts at
// runtime would ship zod to the browser.
import type { Model, Price } from '../data/schema.ts';
import { DECIMAL } from '../pricing/decimal.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';

/** The fields of a model that the catalog table shows, filters and sorts by. */
const CATALOG_ROW_FIELDS = [
  'id',
  'slug',
  'displayName',
  'author',
  'authorLabel',
  'inputModalities',
  'outputModalities',
  'contextLength',
  'tags',
  'tokenizer',
  'created',
] as const satisfies readonly (keyof Model)[];

export type CatalogRow = Pick<Model, (typeof CATALOG_ROW_FIELDS)[number]> & { input: Price; output: Price };

export function catalogRow(model: Model): CatalogRow {
  return {
    ...pick(model, CATALOG_ROW_FIELDS),
    input: model.pricing.perMillionTokens.input,
    output: model.pricing.perMillionTokens.output,
  };
}

/**
 * What the filter island reads back from a table row: the catalog row without its slug (the row's
 * link already carries it, and the island never needs it).
 */
export type CatalogRowData = Omit<CatalogRow, 'slug'>;

/** Data attributes (without the `data-` prefix, camelCase as in `HTMLElement.dataset`). */
export type RowDataset = Record<string, string | undefined>;

/**
 * The row as data attributes. Every byte here is repeated once per listed model in the catalog's
 * HTML, so empty values are left out and read back as empty.
 */
export function rowToDataset(row: CatalogRowData): Record<string, string> {
  const data: Record<string, string> = {
    id: row.id,
    name: row.displayName,
    author: row.author,
    authorLabel: row.authorLabel,
    in: row.inputModalities.join(' '),
    out: row.outputModalities.join(' '),
    context: row.contextLength === null ? '' : String(row.contextLength),
    tags: row.tags.join(' '),
    tokenizer: row.tokenizer ?? '',
    created: row.created,
    input: row.input,
    output: row.output,
  };
  if (data.authorLabel === data.author) delete data.authorLabel;
  for (const key of ['tags', 'tokenizer', 'context'] as const) if (data[key] === '') delete data[key];
  return data;
}

const words = (value: string | undefined) => (value ? value.split(' ').filter(Boolean) : []);

function priceFrom(value: string | undefined): Price {
  if (value === VARIABLE_PRICE) return VARIABLE_PRICE;
  return value !== undefined && DECIMAL.test(value) ? value : VARIABLE_PRICE;
}

export function rowFromDataset(data: RowDataset): CatalogRowData {
  const context = Number(data.context);
  return {
    id: data.id ?? '',
    displayName: data.name ?? data.id ?? '',
    author: data.author ?? '',
    authorLabel: data.authorLabel ?? data.author ?? '',
    inputModalities: words(data.in),
    outputModalities: words(data.out),
    contextLength: data.context && Number.isSafeInteger(context) && context > 0 ? context : null,
    tags: words(data.tags),
    tokenizer: data.tokenizer ? data.tokenizer : null,
    created: data.created ?? '',
    input: priceFrom(data.input),
    output: priceFrom(data.output),
  };
}

// ---------------------------------------------------------------------------------------------
// Filter state and its URL form

export const SORT_KEYS = ['name', 'author', 'context', 'input', 'output', 'created'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The tag facets the catalog offers, in the order shown. */
export const FILTER_TAGS = ['moe', 'free', 'vision', 'tools', 'reasoning', 'open-weights'] as const;

export interface CatalogFilterState {
  query: string;
  authors: string[];
  /** Modalities a model must all accept. */
  inputModalities: string[];
  outputModalities: string[];
  minContext: number | null;
  /** USD per 1M tokens, as decimal strings. */
  maxInput: string | null;
  maxOutput: string | null;
  /** Tags a model must all have. */
  tags: string[];
  tokenizers: string[];
  sort: SortKey;
  direction: SortDirection;
}

/** The server renders the table in this order, so it is also the order with no JavaScript. */
export const DEFAULT_SORT: { sort: SortKey; direction: SortDirection } = { sort: 'created', direction: 'desc' };

export function emptyFilterState(): CatalogFilterState {
  return {
    query: '',
    authors: [],
    inputModalities: [],
    outputModalities: [],
    minContext: null,
    maxInput: null,
    maxOutput: null,
    tags: [],
    tokenizers: [],
    ...DEFAULT_SORT,
  };
}

/** The natural first direction for a column: names A→Z, numbers and dates largest first. */
export function defaultDirection(sort: SortKey): SortDirection {
  return sort === 'name' || sort === 'author' || sort === 'input' || sort === 'output' ? 'asc' : 'desc';
}

const LIST_PARAMS = {
  authors: 'author',
  inputModalities: 'in',
  outputModalities: 'out',
  tags: 'tag',
  tokenizers: 'tokenizer',
} as const satisfies Partial<Record<keyof CatalogFilterState, string>>;

/**
 * The state as a query string ("q=mistral&tag=moe&sort=input"), leaving defaults out so that an
 * unfiltered catalog has a clean URL. Lists are comma-joined and sorted, so equal states give equal URLs.
 */
export function encodeFilterState(state: CatalogFilterState): string {
  const params = new URLSearchParams();
  if (state.query.trim() !== '') params.set('q', state.query.trim());
  for (const [field, name] of Object.entries(LIST_PARAMS) as [keyof typeof LIST_PARAMS, string][]) {
    const values = [...new Set(state[field])].sort();
    if (values.length > 0) params.set(name, values.join(','));
  }
  if (state.minContext !== null) params.set('ctx', String(state.minContext));
  if (state.maxInput !== null) params.set('maxin', state.maxInput);
  if (state.maxOutput !== null) params.set('maxout', state.maxOutput);
  if (state.sort !== DEFAULT_SORT.sort || state.direction !== DEFAULT_SORT.direction) {
    params.set('sort', state.sort);
    params.set('dir', state.direction);
  }
  return params.toString();
}

function decimalParam(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? trimmed : null;
}

/** Reads a query string back; values that make no sense (a negative context, "abc" as a price) are dropped. */
export function decodeFilterState(search: string): CatalogFilterState {
  const params = new URLSearchParams(search);
  const state = emptyFilterState();
  state.query = (params.get('q') ?? '').trim();
  for (const [field, name] of Object.entries(LIST_PARAMS) as [keyof typeof LIST_PARAMS, string][]) {
    const raw = params.get(name);
    state[field] = raw === null ? [] : [...new Set(raw.split(',').filter(Boolean))].sort();
  }
  const ctx = Number(params.get('ctx'));
  state.minContext = params.has('ctx') && Number.isSafeInteger(ctx) && ctx > 0 ? ctx : null;
  state.maxInput = decimalParam(params.get('maxin'));
  state.maxOutput = decimalParam(params.get('maxout'));
  const sort = params.get('sort');
  if (sort !== null && (SORT_KEYS as readonly string[]).includes(sort)) {
    state.sort = sort as SortKey;
    const dir = params.get('dir');
    state.direction = dir === 'asc' || dir === 'desc' ? dir : defaultDirection(state.sort);
  }
  return state;
}

// ---------------------------------------------------------------------------------------------
// Filtering and sorting

function priceAtMost(price: Price, max: Big | null): boolean {
  if (max === null) return true;
  return price !== VARIABLE_PRICE && new Big(price).lte(max);
}

/** The lower-cased text a search looks in. Worth computing once per row: every keystroke reads it. */
export function searchText(row: CatalogRowData): string {
  return `${row.id} ${row.displayName} ${row.authorLabel}`.toLowerCase();
}

/** A filter state turned into a test for one row, given the row's `searchText`. */
export type RowMatcher = (row: CatalogRowData, haystack: string) => boolean;

/**
 * Parses the state once (search terms, price ceilings) so that testing thousands of rows per
 * keystroke does no string splitting or decimal parsing of the state.
 */
export function compileFilter(state: CatalogFilterState): RowMatcher {
  const terms = state.query.toLowerCase().split(/\s+/).filter(Boolean);
  const authors = state.authors.length > 0 ? new Set(state.authors) : null;
  const tokenizers = state.tokenizers.length > 0 ? new Set(state.tokenizers) : null;
  const { inputModalities, outputModalities, tags, minContext } = state;
  const maxInput = state.maxInput === null ? null : new Big(state.maxInput);
  const maxOutput = state.maxOutput === null ? null : new Big(state.maxOutput);
  return (row, haystack) => {
    for (const term of terms) if (!haystack.includes(term)) return false;
    if (authors !== null && !authors.has(row.author)) return false;
    for (const m of inputModalities) if (!row.inputModalities.includes(m)) return false;
    for (const m of outputModalities) if (!row.outputModalities.includes(m)) return false;
    for (const tag of tags) if (!row.tags.includes(tag)) return false;
    if (tokenizers !== null && !tokenizers.has(row.tokenizer ?? '')) return false;
    if (minContext !== null && (row.contextLength === null || row.contextLength < minContext)) return false;
    return priceAtMost(row.input, maxInput) && priceAtMost(row.output, maxOutput);
  };
}

export function matchesFilter(row: CatalogRowData, state: CatalogFilterState): boolean {
  return compileFilter(state)(row, searchText(row));
}

// One collator for every comparison: `localeCompare(b, 'en')` gives the same order but looks the
// locale up again on each call, which dominates sorting thousands of rows.
const english = new Intl.Collator('en');

function comparePrice(a: Price, b: Price): number {
  if (a === VARIABLE_PRICE || b === VARIABLE_PRICE) return a === b ? 0 : a === VARIABLE_PRICE ? 1 : -1;
  return new Big(a).cmp(b);
}

function compareNullableNumber(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/**
 * Orders two rows by a column. Unknown values (no context, variable prices) go last in both
 * directions: they are not "largest" or "smallest", they are missing. Ties fall back to the id.
 */
export function compareRows(a: CatalogRowData, b: CatalogRowData, sort: SortKey, direction: SortDirection): number {
  const sign = direction === 'asc' ? 1 : -1;
  let primary: number;
  switch (sort) {
    case 'name':
      primary = sign * english.compare(a.displayName, b.displayName);
      break;
    case 'author':
      primary = sign * english.compare(a.authorLabel, b.authorLabel);
      break;
    case 'created':
      primary = sign * a.created.localeCompare(b.created);
      break;
    case 'context':
      primary = a.contextLength === null || b.contextLength === null
        ? compareNullableNumber(a.contextLength, b.contextLength)
        : sign * (a.contextLength - b.contextLength);
      break;
    case 'input':
    case 'output':
      primary = a[sort] === VARIABLE_PRICE || b[sort] === VARIABLE_PRICE ? comparePrice(a[sort], b[sort]) : sign * comparePrice(a[sort], b[sort]);
      break;
  }
  return primary !== 0 ? primary : english.compare(a.id, b.id);
}

export function sortRows<T extends CatalogRowData>(rows: readonly T[], sort: SortKey, direction: SortDirection): T[] {
  if (sort !== 'input' && sort !== 'output') return [...rows].sort((a, b) => compareRows(a, b, sort, direction));
  // Price sorts parse each decimal once instead of twice per comparison: the same order as
  // compareRows, at a fraction of the cost for thousands of rows.
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, price: row[sort] === VARIABLE_PRICE ? null : new Big(row[sort]) }));
  keyed.sort((a, b) => {
    const primary = a.price === null || b.price === null ? (a.price === b.price ? 0 : a.price === null ? 1 : -1) : sign * a.price.cmp(b.price);
    return primary !== 0 ? primary : english.compare(a.row.id, b.row.id);
  });
  return keyed.map((k) => k.row);
}

/** Whether a row can sit on the price-against-context chart's log scales: both values known and above zero. */
export function plottedOnLogScales(row: Pick<CatalogRowData, 'contextLength' | 'input'>): boolean {
  return row.contextLength !== null && row.contextLength > 0 && row.input !== VARIABLE_PRICE && new Big(row.input).gt(0);
}

// ---------------------------------------------------------------------------------------------
// Facets

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface CatalogFacets {
  authors: FacetOption[];
  inputModalities: FacetOption[];
  outputModalities: FacetOption[];
  tokenizers: FacetOption[];
  tags: FacetOption[];
}

function countBy(values: Iterable<[string, string]>): FacetOption[] {
  const counts = new Map<string, FacetOption>();
  for (const [value, label] of values) {
    const option = counts.get(value) ?? { value, label, count: 0 };
    option.count += 1;
    counts.set(value, option);
  }
  return [...counts.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** The values each facet can take in these rows, with how many rows have each. */
export function catalogFacets(rows: readonly CatalogRowData[]): CatalogFacets {
  return {
    authors: countBy(rows.map((r) => [r.author, r.authorLabel === r.author ? r.author : `${r.authorLabel} (${r.author})`])),
    inputModalities: countBy(rows.flatMap((r) => r.inputModalities.map((m): [string, string] => [m, m]))),
    outputModalities: countBy(rows.flatMap((r) => r.outputModalities.map((m): [string, string] => [m, m]))),
    tokenizers: countBy(rows.flatMap((r): [string, string][] => (r.tokenizer ? [[r.tokenizer, r.tokenizer]] : []))),
    tags: FILTER_TAGS.map((tag) => ({ value: tag, label: tag, count: rows.filter((r) => r.tags.includes(tag)).length })),
  };
}

// ---------------------------------------------------------------------------------------------
// Size classes and similar models

export const SIZE_CLASSES = ['small', 'medium', 'large', 'frontier'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * Total parameters, from the architecture when known, else from the name ("8x7b" → 56e9, "70b" →
 * 70e9; "a22b" is an active count and is skipped). Null when neither says.
 */
export function parameterEstimate(model: Pick<Model, 'id' | 'architecture'>): number | null {
  const known = model.architecture.totalParams?.value;
  if (known !== undefined) return known;
  const name = model.id.toLowerCase().split('/').pop() ?? '';
  const experts = /(?:^|[^a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z0-9])/.exec(name);
  if (experts) return Number(experts[1]) * Number(experts[2]) * 1e9;
  const dense = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)([bm])(?![a-z0-9])/.exec(name);
  if (dense) return Number(dense[1]) * (dense[2] === 'b' ? 1e9 : 1e6);
  return null;
}

/** Four coarse classes by total parameters: under 15B, under 80B, under 300B, and larger. */
export function sizeClass(model: Pick<Model, 'id' | 'architecture'>): SizeClass | null {
  const params = parameterEstimate(model);
  if (params === null) return null;
  if (params < 15e9) return 'small';
  if (params < 80e9) return 'medium';
  if (params < 300e9) return 'large';
  return 'frontier';
}

function priceDistance(a: Model, b: Model): number {
  const pa = a.pricing.perMillionTokens.input;
  const pb = b.pricing.perMillionTokens.input;
  if (pa === VARIABLE_PRICE || pb === VARIABLE_PRICE) return Number.POSITIVE_INFINITY;
  // A rank, not money: the ratio only orders candidates, so floating point is fine here.
  return Math.abs(Math.log10(Number(pa) + 0.01) - Math.log10(Number(pb) + 0.01));
}

interface SimilarityIndex {
  byAuthor: Map<string, Model[]>;
  bySize: Map<SizeClass, Model[]>;
  sizes: Map<string, SizeClass | null>;
}

// Every card asks for its similar models; indexing the catalog once keeps that linear, not quadratic,
// in the catalog size (a 10k-model build would otherwise run the name regexes 10^8 times).
const similarityIndexes = new WeakMap<readonly Model[], SimilarityIndex>();

function similarityIndex(catalog: readonly Model[]): SimilarityIndex {
  const cached = similarityIndexes.get(catalog);
  if (cached) return cached;
  const index: SimilarityIndex = { byAuthor: new Map(), bySize: new Map(), sizes: new Map() };
  for (const m of catalog) {
    const size = sizeClass(m);
    index.sizes.set(m.id, size);
    const byAuthor = index.byAuthor.get(m.author) ?? [];
    byAuthor.push(m);
    index.byAuthor.set(m.author, byAuthor);
    if (size === null) continue;
    const bySize = index.bySize.get(size) ?? [];
    bySize.push(m);
    index.bySize.set(size, bySize);
  }
  similarityIndexes.set(catalog, index);
  return index;
}

/**
 * Models to compare this one with: same author and same size class first, then same author, then
 * the same size class; within each group the closest input price. Variants of the model itself are
 * left out (the card links them separately), and listed models come before retired ones.
 */
export function similarModels(model: Model, catalog: readonly Model[], limit = 4): Model[] {
  const index = similarityIndex(catalog);
  const size = index.sizes.get(model.id) ?? sizeClass(model);
  const family = new Set([model.id, model.baseId ?? model.id, ...model.variantIds]);
  const score = (other: Model) => {
    const sameAuthor = other.author === model.author;
    const sameSize = size !== null && index.sizes.get(other.id) === size;
    return (sameAuthor && sameSize ? 4 : sameAuthor ? 2 : sameSize ? 1 : 0) + (other.listed ? 0.5 : 0);
  };
  const candidates = new Set([...(index.byAuthor.get(model.author) ?? []), ...(size === null ? [] : (index.bySize.get(size) ?? []))]);
  return [...candidates]
    .filter((other) => !family.has(other.id) && other.baseId === null)
    .map((other) => ({ other, score: score(other), distance: priceDistance(model, other) }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.other.id.localeCompare(b.other.id))
    .slice(0, limit)
    .map(({ other }) => other);
}


// ---------------------------------------------------------------------------------------------
// Authors

export interface AuthorSummary {
  author: string;
  /** The label most of the author's models use ("Mistral" for mistralai). */
  label: string;
  listed: number;
  retired: number;
}

const authorLabelMaps = new WeakMap<readonly Model[], Map<string, string>>();

/** Each author's usual label, computed once per catalog array (every card and table asks). */
export function authorLabels(models: readonly Model[]): Map<string, string> {
  const cached = authorLabelMaps.get(models);
  if (cached) return cached;
  const labels = new Map(authorSummaries(models).map((a) => [a.author, a.label]));
  authorLabelMaps.set(models, labels);
  return labels;
}

/** One entry per author, most listed models first, then by label. */
export function authorSummaries(models: readonly Model[]): AuthorSummary[] {
  const byAuthor = new Map<string, { labels: Map<string, number>; listed: number; retired: number }>();
  for (const m of models) {
    const entry = byAuthor.get(m.author) ?? { labels: new Map<string, number>(), listed: 0, retired: 0 };
    entry.labels.set(m.authorLabel, (entry.labels.get(m.authorLabel) ?? 0) + 1);
    if (m.listed) entry.listed += 1;
    else entry.retired += 1;
    byAuthor.set(m.author, entry);
  }
  return [...byAuthor.entries()]
    .map(([author, e]) => ({
      author,
      label: [...e.labels.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? author,
      listed: e.listed,
      retired: e.retired,
    }))
    .sort((a, b) => b.listed - a.listed || a.label.localeCompare(b.label, 'en'));
}
