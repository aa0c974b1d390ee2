/**
 * Loads /catalog/rows.json once per page, for the filter island and the chart alike, and indexes it
 * for the search. Started on first use (a focus in the search box, opening the filters, a sort, a
 * shared filtered link, the chart scrolling into view), so the first load carries none of it.
 */
import { rowsFromJson, type CatalogRow } from '../../lib/catalog/catalog-row.ts';
import type { CatalogEntry } from '../../lib/catalog/catalog-query.ts';
import { searchKey } from '../../lib/search/model-search.ts';

export interface CatalogData {
  entries: CatalogEntry<CatalogRow>[];
  providers: Map<string, string>;
  rejected: number;
}

let loading: Promise<CatalogData> | undefined;

export function loadCatalogData(): Promise<CatalogData> {
  loading ??= fetch('/catalog/rows.json')
    .then((response) => {
      if (!response.ok) throw new Error(`the catalog rows could not be loaded (HTTP ${response.status})`);
      return response.json() as Promise<unknown>;
    })
    .then((json) => {
      const { rows, providers, rejected } = rowsFromJson(json);
      return { entries: rows.map((row) => ({ row, key: searchKey(row) })), providers, rejected };
    });
  return loading;
}
