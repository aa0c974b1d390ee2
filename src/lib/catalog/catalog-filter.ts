/**
 * The catalog's filter state and the test it makes of each row. Facets within a group are "any of"
 * (providers, authors) or "all of" (tags, modalities); groups combine with "and". The search is the
 * site's one model search (src/lib/search), which also orders the rows when a query is typed and no
 * column sort was chosen.
 */
import Big from 'big.js';
import { compileQuery, type CompiledQuery } from '../search/model-search.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';
import type { Price } from '../data/schema.ts';
import type { CatalogRow } from './catalog-row.ts';
import { DEFAULT_SORT, type SortDirection, type SortKey } from './catalog-sort.ts';

/** The tag facets the catalog offers, in the order shown ("open-weights" is a switch of its own). */
export const FILTER_TAGS = ['moe', 'free', 'vision', 'audio', 'tools', 'reasoning', 'image-output'] as const;

export interface CatalogFilterState {
  query: string;
  /** Providers of which at least one sells the model now. */
  providers: string[];
  authors: string[];
  /** Tags a model must all have. */
  tags: string[];
  /** Modalities a model must all accept or produce. */
  inputModalities: string[];
  outputModalities: string[];
  minContext: number | null;
  /** USD per 1M tokens of the cheapest current offer, as decimal strings. */
  minInput: string | null;
  maxInput: string | null;
  maxOutput: string | null;
  hideFree: boolean;
  openWeights: boolean;
  minQuality: number | null;
  maxQuality: number | null;
  sort: SortKey;
  direction: SortDirection;
}

export function emptyFilterState(): CatalogFilterState {
  return {
    query: '',
    providers: [],
    authors: [],
    tags: [],
    inputModalities: [],
    outputModalities: [],
    minContext: null,
    minInput: null,
    maxInput: null,
    maxOutput: null,
    hideFree: false,
    openWeights: false,
    minQuality: null,
    maxQuality: null,
    ...DEFAULT_SORT,
  };
}

/** How many filters other than the search and the sort are set (shown on the "Filters" toggle). */
export function activeFilterCount(state: CatalogFilterState): number {
  const lists = state.providers.length + state.authors.length + state.tags.length + state.inputModalities.length + state.outputModalities.length;
  const singles = [state.minContext, state.minInput, state.maxInput, state.maxOutput, state.minQuality, state.maxQuality].filter((v) => v !== null).length;
  return lists + singles + (state.hideFree ? 1 : 0) + (state.openWeights ? 1 : 0);
}

/** The order rows are shown in: by search rank while a query is typed and the sort is left at its default. */
export function effectiveSort(state: CatalogFilterState): { sort: SortKey; direction: SortDirection } {
  const defaultOrder = state.sort === DEFAULT_SORT.sort && state.direction === DEFAULT_SORT.direction;
  if (state.sort === 'relevance' || (defaultOrder && state.query.trim() !== '')) return { sort: 'relevance', direction: 'desc' };
  return { sort: state.sort, direction: state.direction };
}

/**
 * Which part of the filter a row fails: none ("pass"), only the providers facet, only the authors
 * facet (an "any of" facet counts the rows that fail nothing else), or something else ("fail").
 */
export type RowVerdict = 'pass' | 'providers' | 'authors' | 'fail';

export interface CompiledFilter {
  query: CompiledQuery;
  /** Every test but the search, which the caller ranks. */
  verdict(row: CatalogRow): RowVerdict;
}

/** A decimal string is zero when it has no digit 1–9; a variable price is not free. */
const zero = (price: Price) => price !== VARIABLE_PRICE && !/[1-9]/.test(price);
const isFree = (row: CatalogRow) => row.tags.includes('free') || (zero(row.input) && zero(row.output));

function priceWithin(price: Price, min: Big | null, max: Big | null): boolean {
  if (min === null && max === null) return true;
  if (price === VARIABLE_PRICE) return false;
  const value = new Big(price);
  return (min === null || value.gte(min)) && (max === null || value.lte(max));
}

/** Parses the state once (terms, price bounds), so that testing thousands of rows per keystroke parses nothing. */
export function compileFilter(state: CatalogFilterState): CompiledFilter {
  const providers = state.providers.length > 0 ? new Set(state.providers) : null;
  const authors = state.authors.length > 0 ? new Set(state.authors) : null;
  const { tags, inputModalities, outputModalities, minContext, minQuality, maxQuality, hideFree, openWeights } = state;
  const minInput = state.minInput === null ? null : new Big(state.minInput);
  const maxInput = state.maxInput === null ? null : new Big(state.maxInput);
  const maxOutput = state.maxOutput === null ? null : new Big(state.maxOutput);
  const others = (row: CatalogRow): boolean => {
    for (const tag of tags) if (!row.tags.includes(tag)) return false;
    for (const m of inputModalities) if (!row.inputModalities.includes(m)) return false;
    for (const m of outputModalities) if (!row.outputModalities.includes(m)) return false;
    if (minContext !== null && (row.contextLength === null || row.contextLength < minContext)) return false;
    if (openWeights && !row.tags.includes('open-weights')) return false;
    if (hideFree && isFree(row)) return false;
    if ((minQuality !== null || maxQuality !== null) && (row.quality === null || (minQuality !== null && row.quality < minQuality) || (maxQuality !== null && row.quality > maxQuality))) return false;
    return priceWithin(row.input, minInput, maxInput) && priceWithin(row.output, null, maxOutput);
  };
  return {
    query: compileQuery(state.query),
    verdict(row) {
      if (!others(row)) return 'fail';
      const byProvider = providers === null || row.providerIds.some((p) => providers.has(p));
      const byAuthor = authors === null || authors.has(row.author);
      if (byProvider && byAuthor) return 'pass';
      if (byAuthor) return 'providers';
      if (byProvider) return 'authors';
      return 'fail';
    },
  };
}
