/**
 * What the catalog says about a model's offers: its cheapest current offer and who sells it now.
 * "Cheapest" is the lowest input plus output price per 1M tokens among the offers listed today with
 * both prices stated (an equal-weight blend: the catalog has no workload; the calculator ranks offers
 * for one). A model without such an offer keeps its own listed price.
 */
import Big from 'big.js';
import type { Model, Offer, Price } from '../data/schema.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';

export interface OfferSummary {
  input: Price;
  output: Price;
  /** The provider of the cheapest current offer; null when the price is the model's own listing. */
  cheapestProviderId: string | null;
  /** Providers with a current offer, sorted. */
  providerIds: string[];
}

const priced = (price: Price | undefined): price is string => price !== undefined && price !== VARIABLE_PRICE;

export function offerSummary(model: Pick<Model, 'pricing'>, offers: readonly Offer[]): OfferSummary {
  const current = offers.filter((offer) => offer.listed);
  let best: { offer: Offer; blend: Big } | null = null;
  for (const offer of current) {
    const { input, output } = offer.pricing.perMillionTokens;
    if (!priced(input) || !priced(output)) continue;
    const blend = new Big(input).plus(output);
    if (best === null || blend.lt(best.blend) || (blend.eq(best.blend) && offer.providerId < best.offer.providerId)) best = { offer, blend };
  }
  const providerIds = [...new Set(current.map((offer) => offer.providerId))].sort();
  if (best === null) {
    const own = model.pricing.perMillionTokens;
    return { input: own.input, output: own.output, cheapestProviderId: null, providerIds };
  }
  const prices = best.offer.pricing.perMillionTokens;
  return { input: prices.input!, output: prices.output!, cheapestProviderId: best.offer.providerId, providerIds };
}
