/**
 * The text of each cell of a catalog row. The server (CatalogTable.astro) and the island
 * (row-element.ts) both build their cells from this, so a row reads the same before and after the
 * island takes over.
 */
import { formatCount, formatDate, formatPricePerMillion } from '../format/format.ts';
import { modelPath, toSlug } from '../format/slug.ts';
import type { CatalogRow } from './catalog-row.ts';

export interface RowCells {
  href: string;
  name: string;
  /** The id cut after each "/", "." and ":", where a line may break (hyphens break by themselves). */
  idParts: string[];
  author: string;
  context: string;
  input: string;
  output: string;
  /** How many providers sell it now. */
  providers: string;
  quality: string;
  /** Created, or retired since for a retired model. */
  date: { iso: string; text: string };
}

export function rowCells(row: CatalogRow): RowCells {
  const count = row.providerIds.length;
  const date = row.listed || row.retiredSince === null ? row.created : row.retiredSince;
  return {
    href: modelPath(toSlug(row.id)),
    name: row.name || row.displayName,
    idParts: row.id.split(/(?<=[/.:])/),
    author: row.authorLabel,
    context: formatCount(row.contextLength),
    input: formatPricePerMillion(row.input),
    output: formatPricePerMillion(row.output),
    providers: count === 0 ? '–' : String(count),
    quality: row.quality === null ? '–' : String(row.quality),
    date: { iso: date, text: formatDate(date) },
  };
}
