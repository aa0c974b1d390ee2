/**
 * The catalog's filter state as a query string ("q=mistral&provider=mistral&ctx=128K&sort=input"),
 * spelled by the site's one URL-state helper (format/url-state.ts): defaults left out so an
 * unfiltered catalog has a clean URL; lists comma-joined and sorted, so equal states give equal URLs. Values that make no sense ("abc" as a price) are dropped on reading.
 */
import { readChoice, readDecimal, readList, readSwitch, readText, switchValue, textValue, writeQuery } from '../format/url-state.ts';
import { emptyFilterState, FILTER_TAGS, type CatalogFilterState } from './catalog-filter.ts';
import { DEFAULT_SORT, defaultDirection, SORT_KEYS, type SortDirection, type SortKey } from './catalog-sort.ts';
import { parseTokenCount, tokenCountLabel } from './context-labels.ts';

const LIST_PARAMS = {
  providers: 'provider',
  authors: 'author',
  tags: 'tag',
  inputModalities: 'in',
  outputModalities: 'out',
} as const satisfies Partial<Record<keyof CatalogFilterState, string>>;

const PRICE_PARAMS = { minInput: 'minin', maxInput: 'maxin', maxOutput: 'maxout' } as const;
const QUALITY_PARAMS = { minQuality: 'qmin', maxQuality: 'qmax' } as const;
const SWITCH_PARAMS = { hideFree: 'nofree', openWeights: 'open' } as const;

const SORT_DIRECTIONS = ['asc', 'desc'] as const satisfies readonly SortDirection[];

const entries = <T extends object>(o: T) => Object.entries(o) as [keyof T, string][];

export function encodeFilterState(state: CatalogFilterState): string {
  const sorted = state.sort !== DEFAULT_SORT.sort || state.direction !== DEFAULT_SORT.direction;
  return writeQuery([
    ['q', textValue(state.query)],
    ...entries(LIST_PARAMS).map(([field, name]) => [name, [...new Set(state[field])].sort()] as const),
    ['ctx', state.minContext === null ? null : tokenCountLabel(state.minContext)],
    ...entries(PRICE_PARAMS).map(([field, name]) => [name, state[field]] as const),
    ...entries(QUALITY_PARAMS).map(([field, name]) => [name, state[field]] as const),
    ...entries(SWITCH_PARAMS).map(([field, name]) => [name, switchValue(state[field])] as const),
    ['sort', sorted ? state.sort : null],
    ['dir', sorted ? state.direction : null],
  ]);
}

export function decodeFilterState(search: string): CatalogFilterState {
  const params = new URLSearchParams(search);
  const state = emptyFilterState();
  state.query = readText(params, 'q');
  for (const [field, name] of entries(LIST_PARAMS)) {
    state[field] = [...new Set(readList(params, [name]))].sort();
  }
  state.minContext = parseTokenCount(params.get('ctx') ?? '');
  for (const [field, name] of entries(PRICE_PARAMS)) state[field] = readDecimal(params, name);
  for (const [field, name] of entries(QUALITY_PARAMS)) {
    const value = readDecimal(params, name);
    state[field] = value === null ? null : Number(value);
  }
  for (const [field, name] of entries(SWITCH_PARAMS)) state[field] = readSwitch(params, name);
  const sort = readChoice<SortKey | ''>(params, 'sort', SORT_KEYS, '');
  if (sort !== '') {
    state.sort = sort;
    state.direction = readChoice(params, 'dir', SORT_DIRECTIONS, defaultDirection(sort));
  }
  return state;
}

/** The catalog filtered by one tag, for a card's tag links; null for tags the catalog cannot filter by. */
export function catalogUrlForTag(tag: string): string | null {
  const state = emptyFilterState();
  if (tag === 'open-weights') state.openWeights = true;
  else if ((FILTER_TAGS as readonly string[]).includes(tag)) state.tags = [tag];
  else return null;
  return `/?${encodeFilterState(state)}`;
}
