/**
 * One catalog row per model: what the table shows, filters and sorts by. The server renders the first
 * rows into the page; the island gets every row from `/catalog/rows.json`, written by `rowsToJson`
 * and read back, checked field by field, by `rowsFromJson` (a bad entry is left out and counted,
 * never cast).
 */
import type { Model, Offer, Price, Provider } from '../data/schema.ts';
import { DECIMAL } from '../pricing/decimal.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';
import { offerSummary } from './offer-summary.ts';


export interface CatalogRow {
  id: string;
  /** The model's own name ("Mixtral 8x7B Instruct"). */
  name: string;
  displayName: string;
  author: string;
  authorLabel: string;
  inputModalities: string[];
  outputModalities: string[];
  contextLength: number | null;
  tags: string[];
  created: string;
  listed: boolean;
  retiredSince: string | null;
  /** The cheapest current offer's prices, USD per 1M tokens (see offer-summary.ts). */
  input: Price;
  output: Price;
  cheapestProviderId: string | null;
  /** Providers selling it now. */
  providerIds: string[];
  /** Artificial Analysis intelligence index, where known. */
  quality: number | null;
}

export function catalogRow(model: Model, offers: readonly Offer[], authorLabel = model.authorLabel): CatalogRow {
  const summary = offerSummary(model, offers);
  return {
    id: model.id,
    name: model.modelName,
    displayName: model.displayName,
    author: model.author,
    authorLabel,
    inputModalities: model.inputModalities,
    outputModalities: model.outputModalities,
    contextLength: model.contextLength,
    tags: model.tags,
    created: model.created,
    listed: model.listed,
    retiredSince: model.retiredSince,
    input: summary.input,
    output: summary.output,
    cheapestProviderId: summary.cheapestProviderId,
    providerIds: summary.providerIds,
    quality: model.quality?.intelligenceIndex ?? null,
  };
}

/** `/catalog/rows.json`: providers once, then each row as a compact tuple (thousands of rows). */
export interface CatalogRowsJson {
  asOf: string;
  providers: [id: string, name: string][];
  rows: RowTuple[];
}

type RowTuple = [
  id: string,
  name: string,
  displayName: string,
  author: string,
  authorLabel: string,
  input: string,
  output: string,
  contextLength: number,
  tags: string,
  inputModalities: string,
  outputModalities: string,
  created: string,
  retiredSince: string,
  providers: string,
  cheapestProvider: string,
  quality: number,
  listed: 0 | 1,
];

export function rowsToJson(asOf: string, rows: readonly CatalogRow[], providers: readonly Pick<Provider, 'id' | 'name'>[]): CatalogRowsJson {
  return {
    asOf,
    providers: providers.map((p) => [p.id, p.name]),
    rows: rows.map((r) => [
      r.id,
      r.name,
      r.displayName,
      r.author,
      r.authorLabel,
      r.input,
      r.output,
      r.contextLength ?? 0,
      r.tags.join(' '),
      r.inputModalities.join(' '),
      r.outputModalities.join(' '),
      r.created,
      r.retiredSince ?? '',
      r.providerIds.join(' '),
      r.cheapestProviderId ?? '',
      r.quality ?? -1,
      r.listed ? 1 : 0,
    ]),
  };
}

const words = (value: string) => (value === '' ? [] : value.split(' '));
const isPrice = (value: unknown): value is Price => value === VARIABLE_PRICE || (typeof value === 'string' && DECIMAL.test(value));
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function rowFromTuple(tuple: unknown): CatalogRow | null {
  if (!Array.isArray(tuple) || tuple.length !== 17) return null;
  const [id, name, displayName, author, authorLabel, input, output, context, tags, inMods, outMods, created, retiredSince, providers, cheapest, quality, listed] = tuple as unknown[];
  const strings = [id, name, displayName, author, authorLabel, tags, inMods, outMods, retiredSince, providers, cheapest];
  if (!strings.every((s) => typeof s === 'string') || id === '') return null;
  if (!isPrice(input) || !isPrice(output) || !isDate(created) || (retiredSince !== '' && !isDate(retiredSince))) return null;
  if (!Number.isSafeInteger(context) || (context as number) < 0 || typeof quality !== 'number' || !Number.isFinite(quality) || (listed !== 0 && listed !== 1)) return null;
  return {
    id: id as string,
    name: name as string,
    displayName: displayName as string,
    author: author as string,
    authorLabel: authorLabel as string,
    input,
    output,
    contextLength: context === 0 ? null : (context as number),
    tags: words(tags as string),
    inputModalities: words(inMods as string),
    outputModalities: words(outMods as string),
    created,
    retiredSince: retiredSince === '' ? null : (retiredSince as string),
    providerIds: words(providers as string),
    cheapestProviderId: cheapest === '' ? null : (cheapest as string),
    quality: quality < 0 ? null : quality,
    listed: listed === 1,
  };
}

export interface ReadRows {
  rows: CatalogRow[];
  providers: Map<string, string>;
  /** Entries left out because a field was missing or malformed. */
  rejected: number;
}

/** Reads `/catalog/rows.json`; throws only when the document as a whole is not one. */
export function rowsFromJson(json: unknown): ReadRows {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as CatalogRowsJson).rows) || !Array.isArray((json as CatalogRowsJson).providers)) {
    throw new Error('the catalog rows file is not an object with "rows" and "providers" lists');
  }
  const { rows: tuples, providers: pairs } = json as { rows: unknown[]; providers: unknown[] };
  const rows: CatalogRow[] = [];
  for (const tuple of tuples) {
    const row = rowFromTuple(tuple);
    if (row !== null) rows.push(row);
  }
  const providers = new Map<string, string>();
  for (const pair of pairs) if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') providers.set(pair[0], pair[1]);
  return { rows, providers, rejected: tuples.length - rows.length };
}

/** Whether a row can sit on the price-against-context chart's log scales: both values known and above zero. */
export function plottedOnLogScales(row: Pick<CatalogRow, 'contextLength' | 'input'>): boolean {
  return row.contextLength !== null && row.contextLength > 0 && row.input !== VARIABLE_PRICE && /[1-9]/.test(row.input);
}
