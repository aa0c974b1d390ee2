/**
 * The compact model the compare page fetches, one JSON file per model (/api/compare/<slug>.json):
 * the catalog model without description, notes, sources and provider rows, architecture figures as
 * bare values. Built at site build time; the shape is the zod/mini schema of compare-payload.ts.
 */
import type { Model, Offer, Provider } from '../data/schema.ts';
import type { ArchitectureValues, CompareModel, CompareOffer, CompareQuality, PickerEntry } from './compare-payload.ts';

export function toCompareOffer(offer: Offer, provider: Provider | undefined): CompareOffer {
  return {
    id: offer.id,
    providerId: offer.providerId,
    providerName: provider?.name ?? offer.providerId,
    providerModelId: offer.providerModelId,
    pricing: offer.pricing,
    contextLength: offer.contextLength,
    maxOutputTokens: offer.maxOutputTokens,
    quantization: offer.quantization,
    listed: offer.listed,
    lastSeen: offer.lastSeen,
    retiredSince: offer.retiredSince,
    statedBy: offer.statements.map((s) => ({ source: s.source, date: s.date })),
    history: offer.history.map((point) => ({ date: point.date, input: point.pricing.perMillionTokens.input, output: point.pricing.perMillionTokens.output })),
  };
}

function toCompareQuality(quality: Model['quality']): CompareQuality | null {
  if (quality === null) return null;
  const { source, ...figures } = quality;
  return { ...figures, source: { name: source.name, url: source.url, date: source.date } };
}

/** The model's offers come from data/offers.json (src/lib/data-files/catalog.ts offersOf). */
export function toCompareModel(model: Model, offers: readonly Offer[] = [], providerById: (id: string) => Provider | undefined = () => undefined): CompareModel {
  const { description: _d, notes: _n, sources: _s, providers, architecture, aliases: _a, quality, knowledgeCutoff: _k, reasoningEfforts: _r, ...rest } = model;
  const values: Record<string, unknown> = {};
  for (const [key, figure] of Object.entries(architecture)) if (figure !== undefined) values[key] = figure.value;
  const sourceFigure = architecture.layers ?? architecture.totalParams ?? Object.values(architecture).find((f) => f !== undefined);
  return {
    ...rest,
    architecture: values as ArchitectureValues,
    architectureSource: sourceFigure ? { label: sourceFigure.source.label, url: sourceFigure.source.url } : null,
    providerCount: providers.length,
    offers: offers.map((offer) => toCompareOffer(offer, providerById(offer.providerId))),
    quality: toCompareQuality(quality),
  };
}

export function toPickerEntry(model: Pick<Model, 'id' | 'displayName' | 'listed' | 'created' | 'retiredSince'>): PickerEntry {
  return { id: model.id, displayName: model.displayName, listed: model.listed, created: model.created, retiredSince: model.retiredSince };
}
