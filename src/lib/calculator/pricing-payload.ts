/**
 * /api/pricing.json, the file the calculator fetches: for every model the few facts the ranking and
 * the token counter need, and for every offer (one provider selling one model) its prices and limits.
 * Statements, history and disagreements stay on the cards: the file carries prices, not provenance.
 * The island checks it against this zod/mini schema instead of casting it.
 */
import * as z from 'zod/mini';
import type { Model, Offer, OfferCatalog, Provider } from '../data/schema.ts';
import { PricingMini } from '../pricing/pricing-schema-mini.ts';

const count = z.nullable(z.number());

export const PricedModel = z.object({
  id: z.string(),
  slug: z.string(),
  displayName: z.string(),
  author: z.string(),
  authorLabel: z.string(),
  contextLength: count,
  maxCompletionTokens: count,
  inputModalities: z.array(z.string()),
  tokenizer: z.nullable(z.string()),
  tags: z.array(z.string()),
  listed: z.boolean(),
  /** Artificial Analysis intelligence index, when known. */
  intelligenceIndex: z.nullable(z.number()),
});
export type PricedModel = z.infer<typeof PricedModel>;

export const PricedOffer = z.object({
  id: z.string(),
  modelId: z.string(),
  providerId: z.string(),
  providerModelId: z.string(),
  pricing: PricingMini,
  contextLength: count,
  maxOutputTokens: count,
  listed: z.boolean(),
});
export type PricedOffer = z.infer<typeof PricedOffer>;

export const PricingPayload = z.object({
  asOf: z.string(),
  /** The newest Artificial Analysis date among the quality figures, for the attribution line. */
  qualityAsOf: z.nullable(z.string()),
  providers: z.array(z.object({ id: z.string(), name: z.string() })),
  models: z.array(PricedModel),
  offers: z.array(PricedOffer),
});
export type PricingPayload = z.infer<typeof PricingPayload>;

export const OPENROUTER_PROVIDER = { id: 'openrouter', name: 'OpenRouter' } as const;

export function toPricedModel(model: Model): PricedModel {
  return {
    id: model.id,
    slug: model.slug,
    displayName: model.displayName,
    author: model.author,
    authorLabel: model.authorLabel,
    contextLength: model.contextLength,
    maxCompletionTokens: model.maxCompletionTokens,
    inputModalities: model.inputModalities,
    tokenizer: model.tokenizer,
    tags: model.tags,
    listed: model.listed,
    intelligenceIndex: model.quality?.intelligenceIndex ?? null,
  };
}

function toPricedOffer(offer: Offer): PricedOffer {
  const { id, modelId, providerId, providerModelId, pricing, contextLength, maxOutputTokens, listed } = offer;
  return { id, modelId, providerId, providerModelId, pricing, contextLength, maxOutputTokens, listed };
}

/**
 * A model that no offer sells still has the price OpenRouter lists for it (models.json is OpenRouter's
 * catalog), so it takes part as OpenRouter's offer rather than vanishing from the ranking.
 */
function listedPriceOffer(model: Model): PricedOffer {
  return {
    id: `${OPENROUTER_PROVIDER.id}/${model.id}`,
    modelId: model.id,
    providerId: OPENROUTER_PROVIDER.id,
    providerModelId: model.id,
    pricing: model.pricing,
    contextLength: model.contextLength,
    maxOutputTokens: model.maxCompletionTokens,
    listed: model.listed,
  };
}

export function toPricingPayload(asOf: string, models: readonly Model[], offerCatalog: Pick<OfferCatalog, 'offers' | 'providers'>): PricingPayload {
  const offered = new Set(offerCatalog.offers.map((o) => o.modelId));
  const known = new Set(models.map((m) => m.id));
  const offers = [
    ...offerCatalog.offers.filter((o) => known.has(o.modelId)).map(toPricedOffer),
    ...models.filter((m) => !offered.has(m.id)).map(listedPriceOffer),
  ];
  const providers: Pick<Provider, 'id' | 'name'>[] = offerCatalog.providers.map((p) => ({ id: p.id, name: p.name }));
  if (!providers.some((p) => p.id === OPENROUTER_PROVIDER.id) && offers.some((o) => o.providerId === OPENROUTER_PROVIDER.id)) providers.push({ ...OPENROUTER_PROVIDER });
  const qualityDates = models.flatMap((m) => (m.quality ? [m.quality.source.date] : [])).sort();
  return { asOf, qualityAsOf: qualityDates.at(-1) ?? null, providers, models: models.map(toPricedModel), offers };
}
