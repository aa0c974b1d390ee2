/**
 * What a workload costs at each offer, and which current offers are cheapest: the one ranking of
 * offers that the card's providers table, the provider pages and /value/ share. Costs come from the
 * one costing function (src/lib/pricing); nothing here formats.
 */
import type { Offer, OfferCatalog, Pricing } from '../data/schema.ts';
import { compareCosts, requestCost, type RequestCost } from '../pricing/pricing.ts';
import { usageFor, type Workload } from '../pricing/workload.ts';

/** What ranking needs of an offer; the value page ships only this much to the browser. */
export type PricedOffer = Pick<Offer, 'id' | 'providerId' | 'pricing' | 'listed'>;

export interface CostedOffer<T extends PricedOffer = Offer> {
  offer: T;
  cost: RequestCost;
}

/** One request of the workload on these prices. */
export function workloadCost(pricing: Pricing, workload: Workload): RequestCost {
  return requestCost(pricing, usageFor(workload));
}

/** Priced offers cheapest first, then variable and unavailable ones; ties by provider name, then offer id. */
export function rankOffers<T extends PricedOffer>(offers: readonly T[], workload: Workload, providerName: (id: string) => string): CostedOffer<T>[] {
  const costed = offers.map((offer) => ({ offer, cost: workloadCost(offer.pricing, workload) }));
  return costed.sort((a, b) => {
    const aPriced = a.cost.kind === 'priced';
    const bPriced = b.cost.kind === 'priced';
    if (aPriced !== bPriced) return aPriced ? -1 : 1;
    if (a.cost.kind === 'priced' && b.cost.kind === 'priced') {
      const byCost = compareCosts(a.cost.total, b.cost.total);
      if (byCost !== 0) return byCost;
    }
    return providerName(a.offer.providerId).localeCompare(providerName(b.offer.providerId), 'en') || a.offer.id.localeCompare(b.offer.id, 'en');
  });
}

/** The current (listed) offers that share the lowest priced cost: usually one, all of them on a tie. */
export function cheapestCurrent<T extends PricedOffer>(ranked: readonly CostedOffer<T>[]): CostedOffer<T>[] {
  const current = ranked.filter((r) => r.offer.listed && r.cost.kind === 'priced');
  const first = current[0];
  if (first === undefined || first.cost.kind !== 'priced') return [];
  const lowest = first.cost.total;
  return current.filter((r) => r.cost.kind === 'priced' && compareCosts(r.cost.total, lowest) === 0);
}

export interface OfferIndex {
  /** Every model's offers, ranked for the workload. */
  rankedByModel: Map<string, CostedOffer[]>;
  /** Every model's cheapest current offers for the workload. */
  cheapestByModel: Map<string, CostedOffer[]>;
  /** How many models each provider is (one of) the cheapest current sellers of. */
  cheapestCountByProvider: Map<string, number>;
  /** Every offer of each provider, by provider id. */
  offersByProvider: Map<string, Offer[]>;
}

/**
 * Ranks every model's offers once. Pages of a build all ask for the default workload, so the result is
 * kept per catalog object and workload: thousands of cards and provider pages share one computation.
 */
const memo = new WeakMap<OfferCatalog, Map<string, OfferIndex>>();

export function offerIndex(catalog: OfferCatalog, workload: Workload): OfferIndex {
  const key = JSON.stringify(workload);
  const perWorkload = memo.get(catalog) ?? new Map<string, OfferIndex>();
  memo.set(catalog, perWorkload);
  const cached = perWorkload.get(key);
  if (cached) return cached;
  const names = new Map(catalog.providers.map((p) => [p.id, p.name]));
  const providerName = (id: string) => names.get(id) ?? id;
  const byModel = new Map<string, Offer[]>();
  const offersByProvider = new Map<string, Offer[]>();
  const add = (map: Map<string, Offer[]>, key: string, offer: Offer) => {
    const list = map.get(key);
    if (list) list.push(offer);
    else map.set(key, [offer]);
  };
  for (const offer of catalog.offers) {
    add(byModel, offer.modelId, offer);
    add(offersByProvider, offer.providerId, offer);
  }
  const index: OfferIndex = { rankedByModel: new Map(), cheapestByModel: new Map(), cheapestCountByProvider: new Map(), offersByProvider };
  for (const [modelId, offers] of byModel) {
    const ranked = rankOffers(offers, workload, providerName);
    const cheapest = cheapestCurrent(ranked);
    index.rankedByModel.set(modelId, ranked);
    index.cheapestByModel.set(modelId, cheapest);
    for (const providerId of new Set(cheapest.map((c) => c.offer.providerId))) {
      index.cheapestCountByProvider.set(providerId, (index.cheapestCountByProvider.get(providerId) ?? 0) + 1);
    }
  }
  perWorkload.set(key, index);
  return index;
}
