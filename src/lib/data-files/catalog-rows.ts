/**
 * The catalog's rows, one per model with its offer summary, built once per build from models.json and
 * offers.json: the home page, its pages without JavaScript, the retired list and `/catalog/rows.json`
 * all read them from here.
 */
import { catalogRow, type CatalogRow } from '../catalog/catalog-row.ts';
import { authorLabels } from '../catalog/authors.ts';
import { DEFAULT_SORT, sortRows } from '../catalog/catalog-sort.ts';
import { dataDir, loadCatalog, loadOfferCatalog, offersOf } from './catalog.ts';

let cached: { dir: string; rows: CatalogRow[] } | undefined;

/** Every model, listed and retired, in the default order (newest first). */
export function catalogRows(): CatalogRow[] {
  const dir = dataDir();
  if (cached?.dir === dir) return cached.rows;
  const { models } = loadCatalog();
  // Some display names carry no "Author:" prefix, so a model's own label can be its raw id; the
  // author's usual label keeps one author one label in the table and the facets.
  const labels = authorLabels(models);
  const rows = sortRows(
    models.map((m) => catalogRow(m, offersOf(m.id), labels.get(m.author) ?? m.authorLabel)),
    DEFAULT_SORT.sort,
    DEFAULT_SORT.direction,
  );
  cached = { dir, rows };
  return rows;
}

/** Provider names by id, for the table's "cheapest at" text and the provider facet. */
export function providerNames(): Map<string, string> {
  return new Map(loadOfferCatalog().providers.map((p) => [p.id, p.name]));
}
