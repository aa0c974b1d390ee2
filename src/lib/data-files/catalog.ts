/**
 * Reads the normalized catalog once per process. Pages call these functions instead of parsing
 * data/models.json themselves: parsing per page made large builds several times slower.
 * ATLAS_DATA_DIR points the build at another data folder (fixtures, synthetic benchmark catalogs).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Catalog, OfferCatalog, type Model, type Offer, type Provider } from '../data/schema.ts';
import { toSlug } from '../format/slug.ts';

let cached: { dir: string; catalog: Catalog; byId: Map<string, Model> } | undefined;

export function dataDir(): string {
  return path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
}

export function loadCatalog(): Catalog {
  return catalogIndex().catalog;
}

export function modelById(id: string): Model | undefined {
  return catalogIndex().byId.get(id);
}

export function modelBySlug(slug: string): Model | undefined {
  return catalogIndex().catalog.models.find((m) => m.slug === slug);
}

function catalogIndex() {
  const dir = dataDir();
  if (cached?.dir === dir) return cached;
  const file = path.join(dir, 'models.json');
  const parsed = Catalog.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} does not match the catalog schema (run npm run data:build): ${parsed.error.message}`);
  }
  const byId = new Map(parsed.data.models.map((m) => [m.id, m]));
  for (const m of parsed.data.models) {
    if (m.slug !== toSlug(m.id)) throw new Error(`${file}: model ${m.id} has slug ${m.slug}, expected ${toSlug(m.id)}`);
  }
  cached = { dir, catalog: parsed.data, byId };
  return cached;
}

let cachedOffers: { dir: string; offers: OfferCatalog; byModel: Map<string, Offer[]>; providers: Map<string, Provider> } | undefined;

/** data/offers.json; a data folder without one (an old fixture) has no offers and no providers. */
export function loadOfferCatalog(): OfferCatalog {
  return offerIndex().offers;
}

/** Every offer of one model, listed and retired, in the file's order (by offer id). */
export function offersOf(modelId: string): Offer[] {
  return offerIndex().byModel.get(modelId) ?? [];
}

export function providerById(id: string): Provider | undefined {
  return offerIndex().providers.get(id);
}

function offerIndex() {
  const dir = dataDir();
  if (cachedOffers?.dir === dir) return cachedOffers;
  const file = path.join(dir, 'offers.json');
  let offers: OfferCatalog = { asOf: loadCatalog().asOf, providers: [], offers: [] };
  if (existsSync(file)) {
    const parsed = OfferCatalog.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} does not match the offer schema (run npm run data:build): ${parsed.error.message}`);
    offers = parsed.data;
  }
  const byModel = new Map<string, Offer[]>();
  for (const offer of offers.offers) {
    const list = byModel.get(offer.modelId) ?? [];
    list.push(offer);
    byModel.set(offer.modelId, list);
  }
  cachedOffers = { dir, offers, byModel, providers: new Map(offers.providers.map((p) => [p.id, p])) };
  return cachedOffers;
}
