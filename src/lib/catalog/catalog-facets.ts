/**
 * Facet counts that follow the current filter: each option's count is how many rows the catalog
 * would show with that option ticked too. For an "all of" facet (tags, modalities) that is the rows
 * shown now that have the value; for an "any of" facet (providers, authors) it is the rows that pass
 * every other part of the filter and have the value.
 */
import type { CatalogRow } from './catalog-row.ts';
import type { RowVerdict } from './catalog-filter.ts';

export interface FacetCounts {
  providers: Map<string, number>;
  authors: Map<string, number>;
  tags: Map<string, number>;
  inputModalities: Map<string, number>;
  outputModalities: Map<string, number>;
}

export function emptyFacetCounts(): FacetCounts {
  return { providers: new Map(), authors: new Map(), tags: new Map(), inputModalities: new Map(), outputModalities: new Map() };
}

const add = (counts: Map<string, number>, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);

/** Counts one row that matched the search, given what the rest of the filter said of it. */
export function countRow(counts: FacetCounts, row: CatalogRow, verdict: RowVerdict): void {
  if (verdict === 'fail') return;
  if (verdict !== 'authors') for (const p of row.providerIds) add(counts.providers, p);
  if (verdict !== 'providers') add(counts.authors, row.author);
  if (verdict !== 'pass') return;
  for (const t of row.tags) add(counts.tags, t);
  for (const m of row.inputModalities) add(counts.inputModalities, m);
  for (const m of row.outputModalities) add(counts.outputModalities, m);
}

export interface FacetOption {
  value: string;
  label: string;
}

const english = new Intl.Collator('en');

/** The values a facet can take in these rows, labelled, in label order: fixed per page load. */
export function facetOptions(rows: readonly CatalogRow[], providerNames: ReadonlyMap<string, string>) {
  const collect = (pairs: Iterable<[string, string]>) =>
    [...new Map(pairs)].map(([value, label]) => ({ value, label })).sort((a, b) => english.compare(a.label, b.label));
  return {
    providers: collect(rows.flatMap((r) => r.providerIds.map((p): [string, string] => [p, providerNames.get(p) ?? p]))),
    authors: collect(rows.map((r) => [r.author, r.authorLabel === r.author ? r.author : `${r.authorLabel} (${r.author})`])),
    inputModalities: collect(rows.flatMap((r) => r.inputModalities.map((m): [string, string] => [m, m]))),
    outputModalities: collect(rows.flatMap((r) => r.outputModalities.map((m): [string, string] => [m, m]))),
  } satisfies Record<string, FacetOption[]>;
}
