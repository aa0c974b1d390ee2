/**
 * /api/pricing.json, the file the calculator fetches: for every model the few facts the ranking and
 * the token counter need, and for every offer (one provider selling one model) its prices and limits.
 * Statements, history and disagreements stay on the cards: the file carries prices, not provenance.
 *
 * With thousands of offers the file is written compactly (the wire form): models and offers as
 * tuples, offers pointing at models and providers by index, prices without empty parts. A model and
 * a provider have at most one offer together (data/offers.json is keyed so), so the pair names an
 * offer. The island checks the wire form against a zod/mini schema instead of casting it, then
 * expands it with `fromPricingWire`; the server renders its fallback through the same two steps.
 */
import * as z from 'zod/mini';
import type { Model, OfferCatalog, Pricing } from '../data/schema.ts';
import { toSlug } from '../format/slug.ts';
import { PricingMini } from '../pricing/pricing-schema-mini.ts';

export interface PricedModel {
  id: string;
  slug: string;
  displayName: string;
  author: string;
  authorLabel: string;
  contextLength: number | null;
  maxCompletionTokens: number | null;
  inputModalities: string[];
  outputModalities: string[];
  tokenizer: string | null;
  tags: string[];
  listed: boolean;
  /** Artificial Analysis intelligence index, when known. */
  intelligenceIndex: number | null;
  /** ISO date: the site's model search ranks equally good matches newest first. */
  created: string;
}

export interface PricedOffer {
  modelId: string;
  providerId: string;
  pricing: Pricing;
  contextLength: number | null;
  maxOutputTokens: number | null;
  listed: boolean;
}

export interface PricingPayload {
  asOf: string;
  /** The newest Artificial Analysis date among the quality figures, for the attribution line. */
  qualityAsOf: string | null;
  providers: { id: string; name: string }[];
  models: PricedModel[];
  offers: PricedOffer[];
}

export const OPENROUTER_PROVIDER = { id: 'openrouter', name: 'OpenRouter' } as const;

const count = z.nullable(z.number());
const flag = z.union([z.literal(0), z.literal(1)]);

/** [id, displayName, author, authorLabel, contextLength, maxCompletionTokens, inputModalities, outputModalities, tokenizer, tags, listed, intelligenceIndex, created] */
const WireModel = z.tuple([z.string(), z.string(), z.string(), z.string(), count, count, z.array(z.string()), z.array(z.string()), z.nullable(z.string()), z.array(z.string()), flag, count, z.string()]);

/** Prices with the parts that are usually empty left out. */
const WirePricing = z.object({
  perMillionTokens: PricingMini.shape.perMillionTokens,
  perUnit: z.optional(PricingMini.shape.perUnit),
  tiers: z.optional(PricingMini.shape.tiers),
  discount: PricingMini.shape.discount,
});

/** [model index, provider index, pricing, contextLength, maxOutputTokens, listed] */
const WireOffer = z.tuple([z.number(), z.number(), WirePricing, count, count, flag]);

export const PricingWire = z.object({
  asOf: z.string(),
  qualityAsOf: z.nullable(z.string()),
  providers: z.array(z.tuple([z.string(), z.string()])),
  models: z.array(WireModel),
  offers: z.array(WireOffer),
});
export type PricingWire = z.infer<typeof PricingWire>;

function wirePricing(pricing: Pricing): z.infer<typeof WirePricing> {
  // `unknown` keys are not billed by the calculator (pricing.ts prices only the dimensions it knows).
  const wire: z.infer<typeof WirePricing> = { perMillionTokens: pricing.perMillionTokens };
  if (Object.keys(pricing.perUnit).length > 0) wire.perUnit = pricing.perUnit;
  if (pricing.tiers.length > 0) wire.tiers = pricing.tiers;
  if (pricing.discount !== undefined) wire.discount = pricing.discount;
  return wire;
}

/**
 * The wire form of the catalog. A model that no offer sells still has the price OpenRouter lists for
 * it (models.json is OpenRouter's catalog), so it takes part as OpenRouter's offer.
 */
export function toPricingWire(asOf: string, models: readonly Model[], offerCatalog: Pick<OfferCatalog, 'offers' | 'providers'>): PricingWire {
  const modelIndex = new Map(models.map((m, i) => [m.id, i]));
  const providers: [string, string][] = offerCatalog.providers.map((p) => [p.id, p.name]);
  const providerIndex = new Map(providers.map(([id], i) => [id, i]));
  const indexOfProvider = (id: string, name: string) => {
    let index = providerIndex.get(id);
    if (index === undefined) {
      index = providers.push([id, name]) - 1;
      providerIndex.set(id, index);
    }
    return index;
  };
  const offered = new Set<string>();
  const offers: PricingWire['offers'] = [];
  for (const offer of offerCatalog.offers) {
    const m = modelIndex.get(offer.modelId);
    if (m === undefined) continue;
    offered.add(offer.modelId);
    offers.push([m, indexOfProvider(offer.providerId, offer.providerId), wirePricing(offer.pricing), offer.contextLength, offer.maxOutputTokens, offer.listed ? 1 : 0]);
  }
  models.forEach((model, m) => {
    if (offered.has(model.id)) return;
    const p = indexOfProvider(OPENROUTER_PROVIDER.id, OPENROUTER_PROVIDER.name);
    offers.push([m, p, wirePricing(model.pricing), model.contextLength, model.maxCompletionTokens, model.listed ? 1 : 0]);
  });
  const qualityDates = models.flatMap((m) => (m.quality ? [m.quality.source.date] : [])).sort();
  return {
    asOf,
    qualityAsOf: qualityDates.at(-1) ?? null,
    providers,
    models: models.map((m) => [
      m.id,
      m.displayName,
      m.author,
      m.authorLabel,
      m.contextLength,
      m.maxCompletionTokens,
      m.inputModalities,
      m.outputModalities,
      m.tokenizer,
      m.tags,
      m.listed ? 1 : 0,
      m.quality?.intelligenceIndex ?? null,
      m.created,
    ]),
    offers,
  };
}

/** The wire form expanded into models and offers; an offer pointing at no model or provider is an error. */
export function fromPricingWire(wire: PricingWire): PricingPayload {
  const models = wire.models.map(
    ([id, displayName, author, authorLabel, contextLength, maxCompletionTokens, inputModalities, outputModalities, tokenizer, tags, listed, intelligenceIndex, created]): PricedModel => ({
      id,
      slug: toSlug(id),
      displayName,
      author,
      authorLabel,
      contextLength,
      maxCompletionTokens,
      inputModalities,
      outputModalities,
      tokenizer,
      tags,
      listed: listed === 1,
      intelligenceIndex,
      created,
    }),
  );
  const providers = wire.providers.map(([id, name]) => ({ id, name }));
  const offers = wire.offers.map(([m, p, pricing, contextLength, maxOutputTokens, listed], index): PricedOffer => {
    const model = models[m];
    const provider = providers[p];
    if (!model || !provider) throw new Error(`offers.${index} points at a model or provider the file does not have`);
    return {
      modelId: model.id,
      providerId: provider.id,
      pricing: { perMillionTokens: pricing.perMillionTokens, perUnit: pricing.perUnit ?? {}, tiers: pricing.tiers ?? [], unknown: {}, ...(pricing.discount === undefined ? {} : { discount: pricing.discount }) },
      contextLength,
      maxOutputTokens,
      listed: listed === 1,
    };
  });
  return { asOf: wire.asOf, qualityAsOf: wire.qualityAsOf, providers, models, offers };
}
