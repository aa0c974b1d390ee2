/**
 * One pass of the catalog filter over every row: the rows to show in order, the facet counts, and how
 * many models of the other list (retired, or listed) the search finds, for "3 retired models match".
 */
import { compareMatches, fuzzyMatch, isEmptyQuery, strictMatch, type SearchKey, type SearchMatch } from '../search/model-search.ts';
import type { CatalogRow } from './catalog-row.ts';
import { compileFilter, effectiveSort, type CatalogFilterState, type RowVerdict } from './catalog-filter.ts';
import { countRow, emptyFacetCounts, type FacetCounts } from './catalog-facets.ts';

export interface CatalogEntry<R extends CatalogRow = CatalogRow> {
  row: R;
  key: SearchKey;
}

export interface CatalogResult<R extends CatalogRow> {
  rows: R[];
  facets: FacetCounts;
  /** Rows of the list not shown (retired when the listed ones are shown) that match the search alone. */
  otherListMatches: number;
  /** The search found nothing exact and fell back to typo-tolerant matching. */
  fuzzy: boolean;
}

/**
 * `ordered` holds every entry in the current column order (the caller sorts once per sort change);
 * `listed` says which list is shown.
 */
export function runCatalogFilter<R extends CatalogRow>(ordered: readonly CatalogEntry<R>[], state: CatalogFilterState, listed: boolean): CatalogResult<R> {
  const filter = compileFilter(state);
  const { query } = filter;
  const searching = !isEmptyQuery(query);
  const pass = (matcher: (key: SearchKey, q: typeof query) => SearchMatch | null) => {
    const facets = emptyFacetCounts();
    const shown: { entry: CatalogEntry<R>; match: SearchMatch | null }[] = [];
    let otherListMatches = 0;
    let searchMatches = 0;
    for (const entry of ordered) {
      const match = searching ? matcher(entry.key, query) : null;
      if (searching && match === null) continue;
      if (entry.row.listed !== listed) {
        if (searching) otherListMatches += 1;
        continue;
      }
      searchMatches += 1;
      const verdict: RowVerdict = filter.verdict(entry.row);
      countRow(facets, entry.row, verdict);
      if (verdict === 'pass') shown.push({ entry, match });
    }
    return { facets, shown, otherListMatches, searchMatches };
  };
  let result = pass(strictMatch);
  let fuzzy = false;
  if (searching && result.searchMatches === 0 && result.otherListMatches === 0) {
    result = pass(fuzzyMatch);
    fuzzy = result.shown.length > 0;
  }
  if (effectiveSort(state).sort === 'relevance' && searching) {
    result.shown.sort((a, b) => compareMatches({ key: a.entry.key, match: a.match! }, { key: b.entry.key, match: b.match! }));
  }
  return { rows: result.shown.map((s) => s.entry.row), facets: result.facets, otherListMatches: result.otherListMatches, fuzzy };
}
