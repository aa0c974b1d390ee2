/**
 * Offers: one per (provider, model), built from every source's statements about it.
 *
 * - Each source keeps its newest statement of each of its keys; the offer shows the newest of those
 *   (ties go to the provider's own listing, then the direct price lists, then OpenRouter's endpoints),
 *   except where the seller has a listing of its own (OpenRouter): then its own newest statement.
 * - A provider's OpenRouter endpoint and its direct price are one offer with two statements: the same
 *   seller and model, reached two ways. Where the two prices differ the disagreement says so.
 * - Only a source's own newer complete listing retires what it sold (SourceListing.completeFor). An
 *   endpoint is retired with its OpenRouter model. OpenRouter's own offers are listed only while
 *   OpenRouter's models API lists them: models.dev's copy of OpenRouter is a second opinion on the
 *   price, never on whether OpenRouter sells it.
 * - Disagreements compare the statements of sources that still list the offer, dimension by
 *   dimension, exactly (decimal strings are canonical, so equal text is equal value).
 * - History has a point wherever some source's own figure changed.
 */
import type { HistoryPoint, IsoDate, Offer, OfferMatch, OfferStatement, Pricing, PriceDisagreement, SourceName } from './schema.ts';
import type { ListingEntry, SourceListing } from './sources/listing.ts';
import { samePricing } from './same-pricing.ts';

/** A listing entry with its catalog provider and model decided. */
export interface PlacedEntry {
  listing: SourceListing;
  entry: ListingEntry;
  providerId: string;
  modelId: string;
  match: OfferMatch;
}

/** Tie order for statements of the same date: the seller's own listing first, endpoints last. */
const SOURCE_PRIORITY: readonly SourceName[] = ['openrouter', 'models.dev', 'litellm', 'genai-prices', 'openrouter-endpoints', 'artificial-analysis'];
const PRIORITY_RANK = new Map(SOURCE_PRIORITY.map((source, rank) => [source, rank]));
const rankOf = (source: SourceName) => PRIORITY_RANK.get(source)!;

/** Providers whose own listing alone says whether they sell a model. */
const OWN_LISTING: Readonly<Record<string, SourceName>> = { openrouter: 'openrouter' };

export interface OfferContext {
  /** Dates of every listing per source that is complete for a source provider id: "source\0providerId" → dates. */
  completeListingDates: Map<string, IsoDate[]>;
  /** When OpenRouter stopped listing a model (null while listed), for its endpoints. */
  openRouterRetiredSince: (modelId: string) => IsoDate | null | undefined;
}

export function completeListingDates(listings: SourceListing[]): Map<string, IsoDate[]> {
  const dates = new Map<string, IsoDate[]>();
  for (const listing of listings) {
    for (const provider of listing.completeFor) {
      const key = `${listing.source}\u0000${provider}`;
      const list = dates.get(key);
      if (list) list.push(listing.date);
      else dates.set(key, [listing.date]);
    }
  }
  for (const list of dates.values()) list.sort();
  return dates;
}

const byDateThenPriority = (a: { date: IsoDate; source: SourceName }, b: { date: IsoDate; source: SourceName }) =>
  a.date < b.date ? 1 : a.date > b.date ? -1 : rankOf(a.source) - rankOf(b.source);

interface SourceView {
  source: SourceName;
  /** The chosen entry of each date this source listed the offer, oldest first. */
  dated: PlacedEntry[];
  /** The newest priced statement of each of the source's keys for this offer, newest first. */
  statements: OfferStatement[];
  lastSeen: IsoDate;
  retiredSince: IsoDate | null;
}

/**
 * Which of two entries of one source and date speaks for the date (Bedrock regions, endpoint tags):
 * the priced one, then the shortest id, then the smallest key. Negative when `a` does.
 */
function comparePrimary(a: PlacedEntry, b: PlacedEntry): number {
  return (
    Number(a.entry.pricing === null) - Number(b.entry.pricing === null) ||
    a.entry.providerModelId.length - b.entry.providerModelId.length ||
    (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0)
  );
}

/** The entry that speaks for its date: the first of the best by comparePrimary. */
function primaryEntry(entries: PlacedEntry[]): PlacedEntry {
  let best = entries[0]!;
  for (let i = 1; i < entries.length; i++) if (comparePrimary(entries[i]!, best) < 0) best = entries[i]!;
  return best;
}

function statementOf(placed: PlacedEntry): OfferStatement {
  const { listing, entry } = placed;
  return { source: listing.source, date: listing.date, file: listing.file, key: entry.key, pricing: entry.pricing!, contextLength: entry.contextLength, maxOutputTokens: entry.maxOutputTokens };
}

function sourceView(source: SourceName, placed: PlacedEntry[], context: OfferContext): SourceView {
  const byDate = new Map<IsoDate, PlacedEntry[]>();
  const newestByKey = new Map<string, PlacedEntry>();
  for (const p of placed) {
    const sameDate = byDate.get(p.listing.date);
    if (sameDate) sameDate.push(p);
    else byDate.set(p.listing.date, [p]);
    const known = newestByKey.get(p.entry.key);
    if (p.entry.pricing !== null && (!known || known.listing.date < p.listing.date)) newestByKey.set(p.entry.key, p);
  }
  const dated = [...byDate.keys()].sort().map((date) => primaryEntry(byDate.get(date)!));
  const newest = dated[dated.length - 1]!;
  const lastSeen = newest.listing.date;
  const statements = [...newestByKey.values()]
    .sort((a, b) => (a.listing.date < b.listing.date ? 1 : a.listing.date > b.listing.date ? -1 : comparePrimary(a, b) <= 0 ? -1 : 1))
    .map(statementOf);
  const completeDates = context.completeListingDates.get(`${source}\u0000${newest.entry.providerId}`) ?? [];
  let retiredSince = completeDates.find((d) => d > lastSeen) ?? null;
  if (retiredSince === null && newest.entry.viaOpenRouter) retiredSince = context.openRouterRetiredSince(newest.modelId) ?? null;
  return { source, dated, statements, lastSeen, retiredSince };
}

function pricingDimensions(pricing: Pricing): Map<string, string> {
  const dims = new Map<string, string>();
  for (const [key, value] of Object.entries(pricing.perMillionTokens)) if (value !== undefined) dims.set(`perMillionTokens.${key}`, value);
  for (const [key, value] of Object.entries(pricing.perUnit)) if (value !== undefined) dims.set(`perUnit.${key}`, value);
  if (pricing.discount !== undefined) dims.set('discount', pricing.discount);
  return dims;
}

/**
 * Dimensions two or more sources state with different values; each source's figure, newest first.
 * A source speaks once (its first statement): one source's own ids for one offer (Bedrock regions,
 * endpoint tags) are prices of their own, not a disagreement.
 */
export function disagreementsOf(statements: OfferStatement[]): PriceDisagreement[] {
  const onePerSource = statements.filter((s, i) => statements.findIndex((t) => t.source === s.source) === i);
  if (onePerSource.length < 2) return [];
  const stated = onePerSource.map((s) => ({ s, dims: pricingDimensions(s.pricing) }));
  const names = new Set(stated.flatMap(({ dims }) => [...dims.keys()]));
  const result: PriceDisagreement[] = [];
  for (const dimension of [...names].sort()) {
    const values = stated.filter(({ dims }) => dims.has(dimension)).map(({ s, dims }) => ({ source: s.source, date: s.date, value: dims.get(dimension)! }));
    if (new Set(values.map((v) => v.value)).size > 1) result.push({ dimension, values });
  }
  return result;
}

/** Same context and prices. */
function sameFigures(a: { contextLength: number | null; pricing: Pricing | null }, b: { contextLength: number | null; pricing: Pricing | null }): boolean {
  return a.contextLength === b.contextLength && (a.pricing === b.pricing || (a.pricing !== null && b.pricing !== null && samePricing(a.pricing, b.pricing)));
}

/** A point wherever one source's own figure changed (its first statement included), merged by date. */
export function offerHistory(views: SourceView[]): HistoryPoint[] {
  const events: (HistoryPoint & { source: SourceName })[] = [];
  for (const view of views) {
    let previous: ListingEntry | null = null;
    for (const p of view.dated) {
      if (p.entry.pricing === null) continue;
      if (!previous || !sameFigures(previous, p.entry)) events.push({ date: p.listing.date, source: view.source, contextLength: p.entry.contextLength, pricing: p.entry.pricing });
      previous = p.entry;
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rankOf(a.source) - rankOf(b.source)));
  const points: HistoryPoint[] = [];
  for (const event of events) {
    const last = points[points.length - 1];
    if (last && last.date === event.date) continue;
    if (last && sameFigures(last, event)) continue;
    points.push(event);
  }
  return points;
}

function buildOffer(placed: PlacedEntry[], context: OfferContext): Offer | null {
  const views = [...Map.groupBy(placed, (p) => p.listing.source)].map(([source, entries]) => sourceView(source, entries, context));
  // Stable: within a source, statements keep their order (newest, then the entry that speaks for the date).
  const byDate = views.flatMap((v) => v.statements).sort(byDateThenPriority);
  if (byDate.length === 0) return null;
  const own = OWN_LISTING[placed[0]!.providerId];
  const ownView = own ? views.find((v) => v.source === own && v.statements.length > 0) : undefined;
  const deciding = ownView ? [ownView] : views;
  const listed = deciding.some((v) => v.retiredSince === null);
  const retiredSince = listed ? null : deciding.map((v) => v.retiredSince!).sort().pop()!;

  // The seller's own word is shown where it has a listing of its own; elsewhere the newest statement.
  const shown = ownView ? ownView.statements[0]! : byDate[0]!;
  const statements = [shown, ...byDate.filter((s) => s !== shown)];
  const allDated = views.flatMap((v) => v.dated);
  // The first of the newest by byDateThenPriority (what a stable sort would put first).
  const newestOf = <T>(read: (p: PlacedEntry) => T | null): { value: T; date: IsoDate } | null => {
    let best: { value: T; date: IsoDate } | null = null;
    let bestEntry: PlacedEntry | null = null;
    for (const p of allDated) {
      const value = read(p);
      if (value === null || (bestEntry !== null && byDateThenPriority(p.listing, bestEntry.listing) >= 0)) continue;
      best = { value, date: p.listing.date };
      bestEntry = p;
    }
    return best;
  };
  // The id to send: the seller's own listing's, else a direct price list's, else OpenRouter's route.
  const direct = newestOf((p) => (p.entry.viaOpenRouter ? null : p.entry.providerModelId));
  const ownId = ownView ? ownView.dated[ownView.dated.length - 1]!.entry.providerModelId : null;
  const providerModelId = ownId ?? direct?.value ?? newestOf((p) => p.entry.providerModelId)!.value;
  const uptime = newestOf((p) => p.entry.uptime);
  // Compared: what each source states now (its newest date, while it still lists the offer).
  const currentOf = (s: OfferStatement) => {
    const view = views.find((v) => v.source === s.source)!;
    return s.date === view.lastSeen && (view.retiredSince === null || !listed);
  };
  let firstSeen = placed[0]!.listing.date;
  let lastSeen = firstSeen;
  for (const { listing } of placed) {
    if (listing.date < firstSeen) firstSeen = listing.date;
    if (listing.date > lastSeen) lastSeen = listing.date;
  }
  const shownEntry = placed.find((p) => p.listing.source === shown.source && p.listing.date === shown.date && p.entry.key === shown.key)!;

  return {
    id: `${placed[0]!.providerId}/${providerModelId}`,
    modelId: placed[0]!.modelId,
    providerId: placed[0]!.providerId,
    providerModelId,
    viaOpenRouter: views.some((v) => v.dated.some((p) => p.entry.viaOpenRouter) && (v.retiredSince === null || !listed)),
    pricing: shown.pricing,
    contextLength: shown.contextLength ?? newestOf((p) => (p.entry.pricing ? p.entry.contextLength : null))?.value ?? null,
    maxOutputTokens: shown.maxOutputTokens ?? newestOf((p) => (p.entry.pricing ? p.entry.maxOutputTokens : null))?.value ?? null,
    quantization: newestOf((p) => p.entry.quantization)?.value ?? null,
    uptime: uptime ? { ...uptime.value, date: uptime.date } : null,
    listed,
    firstSeen,
    lastSeen,
    retiredSince,
    match: shownEntry.match,
    statements,
    disagreements: disagreementsOf(statements.filter(currentOf)),
    history: offerHistory(views),
  };
}

/**
 * When OpenRouter stopped listing each model it sells itself (null while listed), which its endpoints
 * retire with: the offers' own rule (sourceView of its own listing), without building those offers.
 */
export function openRouterRetirements(placed: PlacedEntry[], context: OfferContext): Map<string, IsoDate | null> {
  const own = placed.filter((p) => p.providerId === 'openrouter' && p.listing.source === 'openrouter');
  const retired = new Map<string, IsoDate | null>();
  for (const [modelId, group] of Map.groupBy(own, (p) => p.modelId)) {
    const view = sourceView('openrouter', group, context);
    // A model OpenRouter never priced has no offer of its own to retire with.
    if (view.statements.length > 0) retired.set(modelId, view.retiredSince);
  }
  return retired;
}

export interface OffersResult {
  offers: Offer[];
  /** Offers no source states a price for (the entries say the provider sells it, at no stated price). */
  priceless: { providerId: string; modelId: string; keys: string[] }[];
}

export function buildOffers(placed: PlacedEntry[], context: OfferContext): OffersResult {
  const offers: Offer[] = [];
  const priceless: OffersResult['priceless'] = [];
  const ids = new Set<string>();
  const inOrder = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Provider, then model: no joined key string per entry (there are ~70,000).
  for (const [providerId, ofProvider] of inOrder(Map.groupBy(placed, (p) => p.providerId))) {
    for (const [modelId, group] of inOrder(Map.groupBy(ofProvider, (p) => p.modelId))) {
      const offer = buildOffer(group, context);
      if (!offer) {
        priceless.push({ providerId, modelId, keys: [...new Set(group.map((p) => `${p.listing.source}:${p.entry.key}`))].sort() });
        continue;
      }
      // Two models sold under one seller id cannot both be that id: the second keeps its model in the id.
      if (ids.has(offer.id)) offer.id = `${offer.id}@${offer.modelId}`;
      ids.add(offer.id);
      offers.push(offer);
    }
  }
  offers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { offers, priceless };
}
