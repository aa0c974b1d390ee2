/**
 * What each source contributes to this build, counted from the data itself, so /about/ says what each
 * source is used for and how much of the catalog rests on it.
 */
import { SOURCE_NAMES, type Catalog, type OfferCatalog, type SourceName } from '../data/schema.ts';

export interface SourceUsage {
  source: SourceName;
  /** Offers with a statement from this source. */
  offers: number;
  /** Models with quality figures from this source. */
  qualityModels: number;
  /** The newest date this source states anything for. */
  newest: string | null;
}

export function sourceUsage(catalog: Pick<Catalog, 'models' | 'generatedFrom'>, offers: Pick<OfferCatalog, 'offers'>): SourceUsage[] {
  const usage = new Map<SourceName, SourceUsage>(SOURCE_NAMES.map((source) => [source, { source, offers: 0, qualityModels: 0, newest: null }]));
  const seen = (entry: SourceUsage, date: string) => {
    if (entry.newest === null || date > entry.newest) entry.newest = date;
  };
  for (const offer of offers.offers) {
    for (const source of new Set(offer.statements.map((s) => s.source))) usage.get(source)!.offers += 1;
    for (const statement of offer.statements) seen(usage.get(statement.source)!, statement.date);
  }
  for (const model of catalog.models) {
    if (model.quality === null) continue;
    // The figures are Artificial Analysis's whether read from its API or from OpenRouter's copy of them.
    const entry = usage.get('artificial-analysis')!;
    entry.qualityModels += 1;
    seen(entry, model.quality.source.date);
  }
  for (const snapshot of catalog.generatedFrom) {
    const source: SourceName = snapshot.source === 'models.dev' ? 'models.dev' : 'openrouter';
    seen(usage.get(source)!, snapshot.date);
  }
  return [...usage.values()];
}

/** Architecture figures by where they came from: Hugging Face config files and curated notes. */
export function architectureSourceCounts(models: Catalog['models']): { configModels: number; noteModels: number } {
  let configModels = 0;
  let noteModels = 0;
  for (const model of models) {
    const kinds = new Set(Object.values(model.architecture).map((figure) => figure?.source.kind));
    if (kinds.has('hf-config')) configModels += 1;
    if (kinds.has('note') || model.notes.length > 0) noteModels += 1;
  }
  return { configModels, noteModels };
}
