/**
 * The calculator's answer: every offer (one provider selling one model) priced for the workload by the
 * one costing function, and ranked cheapest first; by default one row per model, its cheapest offer.
 * Offers the workload cannot use (too small a context, no image input, no search price) and offers
 * with a variable price are listed apart, never ranked.
 */
import { compareCosts, type CostLine, type PeriodCosts } from '../pricing/pricing.ts';
import { fitProblems, workloadCost, type Workload } from '../pricing/workload.ts';
import { cachedSearchKey, compileQuery, isEmptyQuery, rankMatches } from '../search/model-search.ts';
import type { PriceTier } from '../data/schema.ts';
import type { PricedModel, PricedOffer, PricingPayload } from './pricing-payload.ts';

export interface OfferFilters {
  /** Words of a model's name or id (the site's one model search). */
  query: string;
  author: string;
  tag: string;
  /** A provider id, or '' for every provider. */
  provider: string;
  /** Artificial Analysis intelligence index at least this; models without one are left out. */
  minQuality: number | null;
  /** Only offers whose stated context is at least the workload's prompt. */
  contextHoldsPrompt: boolean;
  /** Retired models and offers too, at their last known prices. */
  retired: boolean;
  /** One row per model: its cheapest offer. */
  onePerModel: boolean;
}

export const DEFAULT_OFFER_FILTERS: Readonly<OfferFilters> = {
  query: '',
  author: '',
  tag: '',
  provider: '',
  minQuality: null,
  contextHoldsPrompt: false,
  retired: false,
  onePerModel: true,
};

interface OfferOf {
  model: PricedModel;
  offer: PricedOffer;
  providerName: string;
}

export interface OfferRow extends OfferOf {
  costs: PeriodCosts;
  lines: CostLine[];
  tier: PriceTier | null;
  discount: string | null;
}

/** A model and a provider have at most one offer together, so the pair names it (React keys, test hooks). */
export function offerKey(offer: Pick<PricedOffer, 'modelId' | 'providerId'>): string {
  return `${offer.providerId} ${offer.modelId}`;
}

export interface OfferRanking {
  /** Offers with a cost above zero, cheapest first (ties by model name, then provider). */
  ranked: OfferRow[];
  /** Offers that serve the workload at no charge. */
  free: OfferRow[];
  variable: (OfferOf & { reason: string })[];
  cannotServe: (OfferOf & { reasons: string[] })[];
}

/**
 * The models the filters keep. With a query, the site's model search picks them and they come best
 * match first; without one, in the catalog's order.
 */
export function filterModels(models: readonly PricedModel[], filters: OfferFilters): PricedModel[] {
  const query = compileQuery(filters.query);
  const candidates = isEmptyQuery(query) ? models : rankMatches(models, cachedSearchKey, query);
  return candidates.filter(
    (m) =>
      (filters.retired || m.listed) &&
      (!filters.author || m.author === filters.author) &&
      (!filters.tag || m.tags.includes(filters.tag)) &&
      (filters.minQuality === null || (m.intelligenceIndex !== null && m.intelligenceIndex >= filters.minQuality)),
  );
}

function keepOffer(offer: PricedOffer, filters: OfferFilters, workload: Workload): boolean {
  if (!filters.retired && !offer.listed) return false;
  if (filters.provider && offer.providerId !== filters.provider) return false;
  if (filters.contextHoldsPrompt && (offer.contextLength === null || offer.contextLength < workload.inputTokens)) return false;
  return true;
}

const byName = (a: OfferOf, b: OfferOf) =>
  a.model.displayName.localeCompare(b.model.displayName, 'en') || a.providerName.localeCompare(b.providerName, 'en') || a.offer.providerId.localeCompare(b.offer.providerId, 'en');

const byCost = (a: OfferRow, b: OfferRow) => compareCosts(a.costs.perRequest, b.costs.perRequest) || byName(a, b);

/** What the workload costs on every offer the filters keep, ranked. */
export function rankOffers(payload: Pick<PricingPayload, 'models' | 'offers' | 'providers'>, workload: Workload, filters: OfferFilters): OfferRanking {
  const models = new Map(filterModels(payload.models, filters).map((m) => [m.id, m]));
  const providerNames = new Map(payload.providers.map((p) => [p.id, p.name]));
  const all: OfferRanking = { ranked: [], free: [], variable: [], cannotServe: [] };
  for (const offer of payload.offers) {
    const model = models.get(offer.modelId);
    if (!model || !keepOffer(offer, filters, workload)) continue;
    const of: OfferOf = { model, offer, providerName: providerNames.get(offer.providerId) ?? offer.providerId };
    // An offer's own limits decide what it can serve; the model's modalities decide image input.
    const reasons = fitProblems({ contextLength: offer.contextLength, maxCompletionTokens: offer.maxOutputTokens, inputModalities: model.inputModalities, outputModalities: model.outputModalities }, workload);
    const cost = workloadCost(offer.pricing, workload);
    if (cost.kind === 'unavailable') reasons.push(cost.reason);
    if (reasons.length > 0) all.cannotServe.push({ ...of, reasons });
    else if (cost.kind === 'variable') all.variable.push({ ...of, reason: cost.reason });
    else if (cost.kind === 'priced') {
      const row: OfferRow = { ...of, costs: { perRequest: cost.perRequest, perDay: cost.perDay, perMonth: cost.perMonth }, lines: cost.lines, tier: cost.tier, discount: cost.discount };
      (compareCosts(cost.perRequest, '0') === 0 ? all.free : all.ranked).push(row);
    }
  }
  const ranking = filters.onePerModel ? cheapestPerModel(all) : all;
  ranking.ranked.sort(byCost);
  ranking.free.sort(byName);
  ranking.variable.sort(byName);
  ranking.cannotServe.sort(byName);
  return ranking;
}

/**
 * One row per model: a model with a free offer is free; else its cheapest paid offer is ranked; a model
 * with no priced offer is variable if any offer is, else listed as unable to serve (with its first offer's reasons).
 */
function cheapestPerModel(all: OfferRanking): OfferRanking {
  const free = firstPerModel([...all.free].sort(byName));
  const freeIds = new Set(free.map((r) => r.model.id));
  const ranked = firstPerModel([...all.ranked].sort(byCost)).filter((r) => !freeIds.has(r.model.id));
  const priced = new Set([...free, ...ranked].map((r) => r.model.id));
  const variable = firstPerModel(all.variable.filter((v) => !priced.has(v.model.id)));
  const settled = new Set([...priced, ...variable.map((v) => v.model.id)]);
  return { ranked, free, variable, cannotServe: firstPerModel(all.cannotServe.filter((c) => !settled.has(c.model.id))) };
}

/** The first row of each model, in the given order. */
function firstPerModel<T extends OfferOf>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.model.id) && seen.add(row.model.id));
}

/** The model a search means and every offer of it the filters keep, each priced for the workload. */
export interface ModelMeant {
  model: PricedModel;
  /** Its offers: free ones, then paid ones cheapest first, then those without a price for the workload. */
  offers: OfferRanking;
  /** The next best matches of the search, best first. */
  others: PricedModel[];
}

/**
 * The search's best match among the models the filters keep, with its offers ranked by cost (not one
 * row per model: the point is where to buy it); null without a query or a match.
 */
export function modelMeant(payload: Pick<PricingPayload, 'models' | 'offers' | 'providers'>, workload: Workload, filters: OfferFilters, othersLimit = 5): ModelMeant | null {
  if (isEmptyQuery(compileQuery(filters.query))) return null;
  const [model, ...others] = filterModels(payload.models, filters);
  if (!model) return null;
  return { model, offers: offersOfModel(payload, model, workload, filters), others: others.slice(0, othersLimit) };
}

/**
 * The model a link selects (`?model=`, the card's "price it in the calculator"), shown like a search's
 * best match: its offers free first, then cheapest first. Null for an id the prices do not know.
 */
export function selectedModel(payload: Pick<PricingPayload, 'models' | 'offers' | 'providers'>, workload: Workload, filters: OfferFilters, id: string): ModelMeant | null {
  const model = payload.models.find((m) => m.id === id);
  return model ? { model, offers: offersOfModel(payload, model, workload, filters), others: [] } : null;
}

function offersOfModel(payload: Pick<PricingPayload, 'models' | 'offers' | 'providers'>, model: PricingPayload['models'][number], workload: Workload, filters: OfferFilters): OfferRanking {
  const own = { models: [model], offers: payload.offers.filter((o) => o.modelId === model.id), providers: payload.providers };
  return rankOffers(own, workload, { ...filters, query: '', onePerModel: false });
}
