/**
 * The /value/ page's models, computed once per build from the catalog and the offers (the page and
 * /api/value.json both ask for them).
 */
import { loadCatalog, loadOfferCatalog, offersOf, providerById } from './catalog.ts';
import { modelPath } from '../format/slug.ts';
import { toValueModels, type ValueData } from '../value/value-view.ts';

let cached: { key: object; data: ValueData } | undefined;

export function loadValueData(): ValueData {
  const catalog = loadCatalog();
  if (cached?.key === catalog) return cached.data;
  const models = toValueModels(catalog.models, offersOf, (id) => providerById(id)?.name ?? id, (m) => modelPath(m.slug));
  const sources = catalog.models.flatMap((m) => (m.quality !== null && m.quality.intelligenceIndex !== null ? [m.quality.source] : []));
  const newest = sources.reduce<(typeof sources)[number] | null>((best, s) => (best === null || s.date > best.date ? s : best), null);
  const data: ValueData = {
    asOf: loadOfferCatalog().asOf,
    qualitySource: newest === null ? null : { name: newest.name, url: 'https://artificialanalysis.ai', date: newest.date },
    models,
  };
  cached = { key: catalog, data };
  return data;
}
