/**
 * What the provider pages show: each provider with how much it sells and how many models it is the
 * cheapest seller of for the default workload, and one provider's offers as table rows (the same rows
 * as the card's providers table, with the model instead of the provider). Upstream URLs become links
 * only when they are http(s).
 */
import type { Model, Offer, OfferCatalog, Provider } from '../data/schema.ts';
import { formatCount } from '../format/format.ts';
import { modelPath, providerPath } from '../format/slug.ts';
import { SOURCE_INFO } from '../format/sources.ts';
import { safeHttpUrl } from '../format/url.ts';
import { offerRows, type OfferRow } from '../card/offer-table.ts';
import { workloadCost, type OfferIndex } from '../offers/offer-cost.ts';
import { sortRanks } from '../offers/sort-ranks.ts';
import type { Workload } from '../pricing/workload.ts';

export interface StatedUrl {
  text: string;
  /** Null when the stated value is not an http(s) URL: shown as text, never linked. */
  href: string | null;
}

export interface ProviderSummary {
  id: string;
  name: string;
  href: string;
  currentOffers: number;
  retiredOffers: number;
  /** Models it sells now. */
  models: number;
  cheapestFor: number;
  apiBaseUrl: StatedUrl | null;
  docUrl: StatedUrl | null;
  sources: string[];
}

const statedUrl = (value: string | null): StatedUrl | null => (value === null ? null : { text: value, href: safeHttpUrl(value) });

export function providerSummary(provider: Provider, index: OfferIndex): ProviderSummary {
  const offers = index.offersByProvider.get(provider.id) ?? [];
  const current = offers.filter((o) => o.listed);
  return {
    id: provider.id,
    name: provider.name,
    href: providerPath(provider.id),
    currentOffers: current.length,
    retiredOffers: offers.length - current.length,
    models: new Set(current.map((o) => o.modelId)).size,
    cheapestFor: index.cheapestCountByProvider.get(provider.id) ?? 0,
    apiBaseUrl: statedUrl(provider.apiBaseUrl),
    docUrl: statedUrl(provider.docUrl),
    sources: provider.sources.map((s) => SOURCE_INFO[s].label),
  };
}

/** Every provider, those selling the most models first, then by name. */
export function providerSummaries(catalog: OfferCatalog, index: OfferIndex): ProviderSummary[] {
  return catalog.providers
    .map((p) => providerSummary(p, index))
    .sort((a, b) => b.models - a.models || a.name.localeCompare(b.name, 'en'));
}

/** Provider pages live at toSlug(id); two ids with one slug would overwrite a page, so the build stops. */
export function checkProviderPaths(providers: readonly Provider[]): void {
  const seen = new Map<string, string>();
  for (const p of providers) {
    const path = providerPath(p.id);
    const other = seen.get(path);
    if (other !== undefined) throw new Error(`offers.json: providers "${other}" and "${p.id}" would share the page ${path}`);
    seen.set(path, p.id);
  }
}

export interface ProviderOfferRow extends OfferRow {
  modelName: string;
  modelHref: string | null;
  modelRank: number;
}

export interface ProviderOffers {
  current: ProviderOfferRow[];
  retired: ProviderOfferRow[];
  models: number;
}

type Lookups = { modelById: (id: string) => Model | undefined; providerById: (id: string) => Provider | undefined };

function rowsWithModels(offers: readonly Offer[], workload: Workload, index: OfferIndex, { modelById, providerById }: Lookups): ProviderOfferRow[] {
  const nameOf = (o: Offer) => modelById(o.modelId)?.displayName ?? o.modelId;
  const sorted = [...offers].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en') || a.id.localeCompare(b.id, 'en'));
  const cheapestIds = new Set(sorted.flatMap((o) => (index.cheapestByModel.get(o.modelId) ?? []).map((c) => c.offer.id)));
  const rows = offerRows(sorted.map((offer) => ({ offer, cost: workloadCost(offer.pricing, workload) })), providerById, cheapestIds);
  const modelRanks = sortRanks(sorted, nameOf);
  return rows.map((row, i) => {
    const offer = sorted[i] as Offer;
    const model = modelById(offer.modelId);
    return { ...row, modelName: nameOf(offer), modelHref: model ? modelPath(model.slug) : null, modelRank: modelRanks[i] ?? i };
  });
}

/** One provider's offers by model name, current and retired apart. */
export function providerOffers(providerId: string, workload: Workload, index: OfferIndex, lookups: Lookups): ProviderOffers {
  const offers = index.offersByProvider.get(providerId) ?? [];
  const listed = offers.filter((o) => o.listed);
  return {
    current: rowsWithModels(listed, workload, index, lookups),
    retired: rowsWithModels(offers.filter((o) => !o.listed), workload, index, lookups),
    models: new Set(listed.map((o) => o.modelId)).size,
  };
}

/** "Sells 12 models; the cheapest seller of 3 of them for a chat turn." */
export function providerSentence(summary: ProviderSummary): string {
  const models = `${formatCount(summary.models)} model${summary.models === 1 ? '' : 's'}`;
  return `Sells ${models} now; the cheapest seller of ${formatCount(summary.cheapestFor)} of them for a chat turn.`;
}
