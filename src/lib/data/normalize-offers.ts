/**
 * The identity and offer stage: every source listing's entries → a catalog model (matched or its
 * own) → offers, providers, and what the listings add to the models (listed while anyone sells
 * them, quality, descriptions, other ids).
 */
import { VARIABLE_PRICE, type IsoDate, type Model, type OfferMatch, type Provider, type Quality, type SourceName, type TokenPriceKey } from './schema.ts';
import type { ListingEntry, SourceListing } from './sources/listing.ts';
import type { SnapshotRecord } from './normalize-snapshots.ts';
import { buildModelIndex, identify, type CuratedAliasesFile, type IdentityResult, type ModelIndex } from './identity.ts';
import { catalogProviderId, openRouterSlugOf, type ProviderNaming } from './identity-providers.ts';
import { groupOwnModels, isOwnModelId, ownModelId, type UnmatchedEntry } from './identity-own.ts';
import { buildOffers, completeListingDates, openRouterRetirements, type OffersResult, type PlacedEntry } from './offers.ts';
import { ownModel } from './normalize-own-models.ts';
import type { ArtificialAnalysisListing, ModelFigures } from './sources/artificial-analysis.ts';
import { unstatedEntry } from './sources/source-file.ts';

export interface ProviderInfo {
  id: string;
  name: string;
  api: string | null;
  doc: string | null;
}

export interface OfferStageInputs {
  models: Model[];
  listings: SourceListing[];
  aliases: CuratedAliasesFile;
  /** models.dev provider records (id, name, api, doc), newest first wins. */
  providerInfo: ProviderInfo[];
  /** OpenRouter's providers file: display name and slug of every seller it routes to. */
  openRouterProviders: { name: string; slug: string }[];
  artificialAnalysis: ArtificialAnalysisListing[];
}

export interface MatchFigures {
  source: SourceName;
  key: number;
  rule: number;
  alias: number;
  unmatched: number;
}

export interface OfferStageResult extends OffersResult {
  models: Model[];
  providers: Provider[];
  matchFigures: MatchFigures[];
  /** Distinct source entries that matched no catalog model: "source provider/id". */
  unmatched: string[];
}

/** OpenRouter's own listed price per snapshot, as a listing of provider "openrouter", for inputs that come without the reader's listings (tests, benchmarks). */
export function openRouterListing(date: IsoDate, file: string, records: Map<string, SnapshotRecord>): SourceListing {
  const entries: ListingEntry[] = [...records.entries()].map(([id, r]) => ({
    ...unstatedEntry(),
    providerId: 'openrouter',
    providerName: 'OpenRouter',
    providerModelId: id,
    key: id,
    index: r.index,
    keys: { openRouterId: id, ...(r.canonicalSlug ? { canonicalSlug: r.canonicalSlug } : {}), ...(r.huggingFaceId ? { huggingFaceId: r.huggingFaceId } : {}) },
    name: r.displayName,
    description: r.description,
    pricing: r.pricing,
    contextLength: r.contextLength,
    maxOutputTokens: r.maxCompletionTokens,
    releaseDate: r.created,
    knowledgeCutoff: r.knowledgeCutoff,
    inputModalities: r.inputModalities,
    outputModalities: r.outputModalities,
  }));
  return { source: 'openrouter', date, file, completeFor: ['openrouter'], entries, rejected: [], skipped: [], trimmed: [], providers: [] };
}

const MATCH_RANK: Record<OfferMatch['by'], number> = { key: 0, rule: 1, alias: 2, own: 3 };

/**
 * Identity for every entry. One seller id is one model whatever source names it: where sources
 * disagree (one states a key, another only a name), the strongest match decides for all of them.
 */
function identifyAll(listings: SourceListing[], index: ModelIndex, naming: ProviderNaming) {
  // Per catalog provider, keyed by the seller's model id: no joined key string per entry (~70,000).
  const bestBySeller = new Map<string, Map<string, IdentityResult>>();
  // Most entries are the same seller id stated again by a later file: identify each once.
  const memo = new Map<string, Map<string, IdentityResult>>();
  const within = <V>(maps: Map<string, Map<string, V>>, providerId: string) => {
    let map = maps.get(providerId);
    if (!map) maps.set(providerId, (map = new Map()));
    return map;
  };
  const perEntry: { listing: SourceListing; entry: ListingEntry; providerId: string; best: Map<string, IdentityResult>; result: IdentityResult }[] = [];
  for (const listing of listings) {
    // Per source provider id in this listing: its catalog id and that provider's two maps, looked up once.
    const providers = new Map<string, { providerId: string; identified: Map<string, IdentityResult>; best: Map<string, IdentityResult> }>();
    for (const entry of listing.entries) {
      let provider = providers.get(entry.providerId);
      if (provider === undefined) {
        const providerId = catalogProviderId(listing.source, entry.providerId, naming);
        provider = { providerId, identified: within(memo, providerId), best: within(bestBySeller, providerId) };
        providers.set(entry.providerId, provider);
      }
      const { providerId, identified, best } = provider;
      const memoKey = hasStatedKeys(entry) ? `${entry.providerModelId}\u0000${statedKeysText(entry)}` : entry.providerModelId;
      let result = identified.get(memoKey);
      if (!result) {
        result = identify(entry, providerId, index);
        identified.set(memoKey, result);
      }
      perEntry.push({ listing, entry, providerId, best, result });
      const known = best.get(entry.providerModelId);
      if (!known || MATCH_RANK[result.match.by] < MATCH_RANK[known.match.by]) best.set(entry.providerModelId, result);
    }
  }
  for (const p of perEntry) p.result = p.best.get(p.entry.providerModelId)!;
  return perEntry;
}

function hasStatedKeys({ keys }: ListingEntry): boolean {
  return keys.openRouterId !== undefined || keys.canonicalSlug !== undefined || keys.huggingFaceId !== undefined || keys.aaSlug !== undefined || keys.aaCreator !== undefined;
}

function statedKeysText({ keys }: ListingEntry): string {
  return `${keys.openRouterId ?? ''}\u0000${keys.canonicalSlug ?? ''}\u0000${keys.huggingFaceId ?? ''}\u0000${keys.aaSlug ?? ''}\u0000${keys.aaCreator ?? ''}`;
}

/**
 * "variable" for every token price is how readers spell a missing cost (models.dev entries without
 * `cost`); only OpenRouter's own API states it on purpose ("-1", its routers). Elsewhere it is no price.
 */
function statesAPrice(source: SourceName, entry: ListingEntry): boolean {
  const p = entry.pricing;
  if (p === null) return false;
  if (source === 'openrouter') return true;
  if (p.tiers.length > 0) return true;
  if (Object.keys(p.perUnit).length > 0) return true;
  for (const key in p.perMillionTokens) {
    const value = p.perMillionTokens[key as TokenPriceKey];
    if (value !== undefined && value !== VARIABLE_PRICE) return true;
  }
  return false;
}

export function offerStage(inputs: OfferStageInputs): OfferStageResult {
  const modelsDevIds = new Set(inputs.listings.filter((l) => l.source === 'models.dev').flatMap((l) => l.entries.map((e) => e.providerId)));
  for (const info of inputs.providerInfo) modelsDevIds.add(info.id);
  const naming: ProviderNaming = { modelsDevIds, openRouterSlugByName: new Map(inputs.openRouterProviders.map((p) => [p.name, p.slug])) };
  const index = buildModelIndex(inputs.models, inputs.aliases.aliases);
  const identified = identifyAll(inputs.listings, index, naming);

  const figures = new Map<SourceName, MatchFigures>();
  const unmatchedNames = new Set<string>();
  const placed: PlacedEntry[] = [];
  const unmatched: UnmatchedEntry[] = [];
  for (const { listing, entry: stated, providerId, result } of identified) {
    const entry = statesAPrice(listing.source, stated) ? stated : { ...stated, pricing: null };
    const f = figures.get(listing.source) ?? { source: listing.source, key: 0, rule: 0, alias: 0, unmatched: 0 };
    figures.set(listing.source, f);
    if (result.modelId === null) {
      f.unmatched += 1;
      unmatchedNames.add(`${listing.source} ${providerId}/${entry.providerModelId}`);
      unmatched.push({ listing, entry, providerId });
      continue;
    }
    f[result.match.by as 'key' | 'rule' | 'alias'] += 1;
    placed.push({ listing, entry, providerId, modelId: result.modelId, match: result.match });
  }

  const models = [...inputs.models];
  const unpricedOwn: OffersResult['priceless'] = [];
  for (const [id, group] of groupOwnModels(unmatched)) {
    // A page for a model nobody states a price for would say nothing; it is listed in unmatched.json.
    if (group.every((u) => u.entry.pricing === null)) {
      unpricedOwn.push({ providerId: group[0]!.providerId, modelId: id, keys: [...new Set(group.map((u) => `${u.listing.source}:${u.entry.key}`))].sort() });
      continue;
    }
    models.push(ownModel(id, group));
    for (const u of group) placed.push({ ...u, modelId: id, match: { by: 'own', detail: `matches no catalog model; its own page ${id}` } });
  }

  const completeDates = completeListingDates(inputs.listings);
  // OpenRouter's own offers first: its endpoints retire with them.
  const openRouterRetired = openRouterRetirements(placed, { completeListingDates: completeDates, openRouterRetiredSince: () => undefined });
  const context = { completeListingDates: completeDates, openRouterRetiredSince: (modelId: string) => openRouterRetired.get(modelId) };
  const { offers, priceless } = buildOffers(placed, context);

  const quality = qualityStage(inputs.artificialAnalysis, index);
  figures.set('artificial-analysis', quality.figures);
  for (const name of quality.unmatched) unmatchedNames.add(name);
  return {
    models: enrichModels(models, offers, placed, quality.byModel),
    offers,
    priceless: [...priceless, ...unpricedOwn].sort((a, b) => (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : a.providerId < b.providerId ? -1 : 1)),
    providers: providerRecords(offers, inputs, naming),
    matchFigures: [...figures.values()].sort((a, b) => (a.source < b.source ? -1 : 1)),
    unmatched: [...unmatchedNames].sort(),
  };
}

function providerRecords(offers: OffersResult['offers'], inputs: OfferStageInputs, naming: ProviderNaming): Provider[] {
  const info = new Map<string, ProviderInfo>();
  for (const p of inputs.providerInfo) if (!info.has(p.id)) info.set(p.id, p);
  const openRouter = new Map<string, { name: string; slug: string }>();
  for (const p of inputs.openRouterProviders) openRouter.set(catalogProviderId('openrouter-endpoints', p.name, naming), p);
  const sources = new Map<string, Set<SourceName>>();
  const endpointNames = new Map<string, string>();
  for (const offer of offers) {
    const set = sources.get(offer.providerId) ?? new Set<SourceName>();
    for (const s of offer.statements) set.add(s.source);
    sources.set(offer.providerId, set);
    for (const s of offer.statements) if (s.source === 'openrouter-endpoints') endpointNames.set(offer.providerId, s.key.split('@').pop() ?? s.key);
  }
  return [...sources.keys()].sort().map((id) => {
    const known = info.get(id);
    const viaOpenRouter = openRouter.get(id);
    const endpointName = endpointNames.get(id);
    const orName = viaOpenRouter?.name ?? endpointName ?? null;
    return {
      id,
      name: known?.name ?? orName ?? id,
      apiBaseUrl: known?.api ?? null,
      docUrl: known?.doc ?? null,
      openRouterSlug: viaOpenRouter?.slug ?? (endpointName ? openRouterSlugOf(endpointName, naming) : id === 'openrouter' ? null : null),
      openRouterName: orName,
      sources: [...sources.get(id)!].sort(),
    };
  });
}

/** Listed while any offer is; quality, descriptions and other ids from what the sources state. */
function enrichModels(models: Model[], offers: OffersResult['offers'], placed: PlacedEntry[], qualityByModel: Map<string, Quality>): Model[] {
  const byModel = new Map<string, OffersResult['offers']>();
  for (const offer of offers) {
    const list = byModel.get(offer.modelId);
    if (list) list.push(offer);
    else byModel.set(offer.modelId, [offer]);
  }
  const descriptions = newestDescriptions(placed);
  return models.map((model) => {
    const own = byModel.get(model.id) ?? [];
    if (own.length === 0) return { ...model, quality: qualityByModel.get(model.id) ?? model.quality };
    const listed = own.some((o) => o.listed);
    const lastSeen = own.reduce((d, o) => (o.lastSeen > d ? o.lastSeen : d), model.lastSeen);
    const retiredSince = listed ? null : own.map((o) => o.retiredSince ?? o.lastSeen).sort().pop()!;
    const aliases = new Set(model.aliases);
    const enriched: Model = {
      ...model,
      listed,
      lastSeen,
      retiredSince,
      description: model.description || descriptions.get(model.id) || '',
      quality: qualityByModel.get(model.id) ?? model.quality,
    };
    if (isOwnModelId(model.id)) {
      // Its first seller's offer stands for the model's own price, context and history.
      const first = own.find((o) => ownModelId(o.providerId, o.providerModelId) === model.id) ?? own.find((o) => o.listed) ?? own[0]!;
      Object.assign(enriched, { pricing: first.pricing, contextLength: first.contextLength, maxCompletionTokens: first.maxOutputTokens, history: first.history });
      for (const o of own) if (ownModelId(o.providerId, o.providerModelId) !== model.id) aliases.add(ownModelId(o.providerId, o.providerModelId));
    }
    enriched.aliases = [...aliases].filter((a) => a !== model.id).sort();
    return enriched;
  });
}

/** The newest description any seller's entry gives, for models whose own source has none. */
function newestDescriptions(placed: PlacedEntry[]): Map<string, string> {
  const newest = new Map<string, { date: IsoDate; text: string }>();
  for (const p of placed) {
    const text = p.entry.description?.trim();
    if (!text) continue;
    const known = newest.get(p.modelId);
    if (!known || p.listing.date > known.date) newest.set(p.modelId, { date: p.listing.date, text });
  }
  return new Map([...newest].map(([id, d]) => [id, d.text]));
}

/**
 * Artificial Analysis' figures → the models they describe, by the same identity (AA's slug under its
 * creator). AA's own figures win over OpenRouter's copy of them (they add speed and the math index);
 * a model AA lists twice (two reasoning settings) keeps the first AA lists. AA entries that match no
 * model make no page: they are figures, not offers.
 */
function qualityStage(listings: ArtificialAnalysisListing[], index: ModelIndex) {
  const byModel = new Map<string, Quality>();
  const figures: MatchFigures = { source: 'artificial-analysis', key: 0, rule: 0, alias: 0, unmatched: 0 };
  const unmatched: string[] = [];
  for (const listing of [...listings].sort((a, b) => (a.date < b.date ? 1 : -1))) {
    for (const m of listing.models) {
      const entry = aaEntry(m);
      const result = identify(entry, 'artificial-analysis', index);
      if (result.modelId === null) {
        figures.unmatched += 1;
        unmatched.push(`artificial-analysis ${m.creatorSlug ?? '?'}/${m.slug}`);
        continue;
      }
      figures[result.match.by as 'key' | 'rule' | 'alias'] += 1;
      if (byModel.has(result.modelId)) continue;
      byModel.set(result.modelId, {
        intelligenceIndex: m.intelligenceIndex,
        codingIndex: m.codingIndex,
        mathIndex: m.mathIndex,
        // AA writes 0 for a speed it has not measured (models no longer served): no figure, not zero.
        outputTokensPerSecond: m.outputTokensPerSecond || null,
        timeToFirstTokenSeconds: m.timeToFirstTokenSeconds || null,
        source: { name: listing.attribution.name, url: listing.attribution.url, date: listing.date, via: 'artificial-analysis', slug: m.slug },
      });
    }
  }
  return { byModel, figures, unmatched };
}

/** An AA model as identity sees entries: its slug, under its creator. */
function aaEntry(m: ModelFigures): ListingEntry {
  return {
    ...unstatedEntry(),
    providerId: 'artificial-analysis',
    providerModelId: m.slug,
    key: m.slug,
    index: m.index,
    keys: { aaSlug: m.slug, ...(m.creatorSlug ? { aaCreator: m.creatorSlug } : {}) },
    name: m.name,
    releaseDate: m.releaseDate,
  };
}
