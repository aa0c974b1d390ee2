/**
 * The card's "Providers" table as rows of text: every offer of a model with its prices, limits, what the
 * card's workload costs there and which sources state it. Current offers come cheapest first (the
 * server-rendered order); each row also carries its rank under every sortable column, so the small
 * sorting script reorders rows without reading a price (money never becomes a float in the browser).
 */
import Big from 'big.js';
import { VARIABLE_PRICE, type Offer, type Price, type PriceDisagreement, type Provider, type TokenPriceKey } from '../data/schema.ts';
import { formatCount, formatDate, formatPricePerMillion, formatUsdRounded } from '../format/format.ts';
import { providerPath } from '../format/slug.ts';
import { SOURCE_INFO } from '../format/sources.ts';
import type { CostedOffer } from '../offers/offer-cost.ts';
import { sortRanks, type SortValue } from '../offers/sort-ranks.ts';

/** What OpenRouter's `is_moderated` means for a user, in words (the card shows it next to the flag). */
export const MODERATION_EXPLAINED =
  'OpenRouter runs a content-moderation check on requests before they reach the provider and refuses flagged ones';

export const SORT_KEYS = ['provider', 'input', 'output', 'cacheRead', 'context', 'maxOutput', 'uptime', 'cost'] as const;
export type OfferSortKey = (typeof SORT_KEYS)[number];

export interface PriceCell {
  text: string;
  /** "Sources disagree: genai-prices $0.72/M (Aug 21, 2026); LiteLLM $0.70/M (Aug 1, 2026)", or null. */
  disagreement: string | null;
}

export interface OfferSource {
  label: string;
  url: string;
  date: string;
  dateText: string;
}

export interface OfferRow {
  offerId: string;
  providerName: string;
  providerHref: string | null;
  providerModelId: string;
  input: PriceCell;
  output: PriceCell;
  cacheRead: PriceCell;
  cacheWrite: PriceCell;
  context: string;
  maxOutput: string;
  quantization: string;
  uptime: string;
  /** The workload's cost at this offer, rounded for reading. */
  cost: string;
  /** The exact decimal cost, or null when it cannot be priced. */
  costExact: string | null;
  cheapest: boolean;
  sources: OfferSource[];
  retiredSince: string | null;
  lastSeen: string;
  /** Position of the row when the table is sorted ascending by each column (0 first). */
  ranks: Record<OfferSortKey, number>;
}

/** A column heading of an offers table (OffersTable.astro). */
export interface OfferColumn {
  label: string;
  numeric?: boolean;
  /** The rank the rows carry for this column (rankAttributes); a provider's page also ranks by model name. */
  sortKey?: OfferSortKey | 'model';
  /** How the server rendered the rows: the heading's `aria-sort`. */
  sorted?: 'ascending';
}

export interface OfferTable {
  current: OfferRow[];
  retired: OfferRow[];
  /** The header's "from $X/M input at N providers", or null without current offers. */
  summary: string | null;
}

const CELL_KEYS = ['input', 'output', 'cacheRead', 'cacheWrite'] as const satisfies readonly TokenPriceKey[];

function disagreementText(disagreement: PriceDisagreement | undefined, what: string): string | null {
  if (disagreement === undefined) return null;
  const figures = disagreement.values.map((v) => `${SOURCE_INFO[v.source].label} ${v.value === null ? 'states none' : formatPricePerMillion(v.value)} (${formatDate(v.date)})`);
  return `${what}: ${figures.join('; ')}`;
}

const DISAGREEMENT_WORDS: Record<(typeof CELL_KEYS)[number], string> = {
  input: 'Sources disagree',
  output: 'Sources disagree',
  cacheRead: 'Sources disagree on cache read',
  cacheWrite: 'Sources disagree on cache write',
};

function priceCell(offer: Offer, key: (typeof CELL_KEYS)[number]): PriceCell {
  const price = offer.pricing.perMillionTokens[key];
  const disagreement = offer.disagreements.find((d) => d.dimension === `perMillionTokens.${key}`);
  return { text: price === undefined ? (key === 'input' || key === 'output' ? 'unknown' : 'none') : formatPricePerMillion(price), disagreement: disagreementText(disagreement, DISAGREEMENT_WORDS[key]) };
}

function uptimeText(offer: Offer): string {
  if (offer.uptime === null) return 'unknown';
  return `${offer.uptime.percent}% (${offer.uptime.window}, ${formatDate(offer.uptime.date)})`;
}

function costText(costed: CostedOffer): { cost: string; costExact: string | null } {
  const { cost } = costed;
  if (cost.kind === 'priced') return { cost: cost.total === '0' ? 'free' : formatUsdRounded(cost.total), costExact: cost.total };
  return { cost: cost.kind === 'variable' ? `variable: ${cost.reason}` : `cannot be priced: ${cost.reason}`, costExact: null };
}

/** Each source and date once: a source may state one offer under several keys (regions, aliases). */
function sourcesOf(offer: Offer): OfferSource[] {
  const seen = new Set<string>();
  return offer.statements.flatMap((s) => {
    const key = `${s.source} ${s.date}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ label: SOURCE_INFO[s.source].label, url: SOURCE_INFO[s.source].url, date: s.date, dateText: formatDate(s.date) }];
  });
}

export const decimalOrNull = (price: Price | undefined) => (price === undefined || price === VARIABLE_PRICE ? null : new Big(price));

export function offerRows(ranked: readonly CostedOffer[], providerById: (id: string) => Provider | undefined, cheapestIds: ReadonlySet<string>): OfferRow[] {
  const name = (o: Offer) => providerById(o.providerId)?.name ?? o.providerId;
  const valueOf: Record<OfferSortKey, (c: CostedOffer) => SortValue> = {
    provider: (c) => name(c.offer),
    input: (c) => decimalOrNull(c.offer.pricing.perMillionTokens.input),
    output: (c) => decimalOrNull(c.offer.pricing.perMillionTokens.output),
    cacheRead: (c) => decimalOrNull(c.offer.pricing.perMillionTokens.cacheRead),
    context: (c) => c.offer.contextLength,
    maxOutput: (c) => c.offer.maxOutputTokens,
    uptime: (c) => (c.offer.uptime === null ? null : -c.offer.uptime.percent),
    cost: (c) => (c.cost.kind === 'priced' ? new Big(c.cost.total) : null),
  };
  const columnRanks = Object.fromEntries(SORT_KEYS.map((key) => [key, sortRanks(ranked, valueOf[key])])) as Record<OfferSortKey, number[]>;
  return ranked.map((costed, position) => {
    const { offer } = costed;
    const provider = providerById(offer.providerId);
    return {
      offerId: offer.id,
      providerName: name(offer),
      providerHref: provider === undefined ? null : providerPath(provider.id),
      providerModelId: offer.providerModelId,
      input: priceCell(offer, 'input'),
      output: priceCell(offer, 'output'),
      cacheRead: priceCell(offer, 'cacheRead'),
      cacheWrite: priceCell(offer, 'cacheWrite'),
      context: formatCount(offer.contextLength),
      maxOutput: offer.maxOutputTokens === null ? 'not stated' : formatCount(offer.maxOutputTokens),
      quantization: offer.quantization ?? 'not stated',
      uptime: uptimeText(offer),
      ...costText(costed),
      cheapest: cheapestIds.has(offer.id),
      sources: sourcesOf(offer),
      retiredSince: offer.retiredSince,
      lastSeen: offer.lastSeen,
      ranks: Object.fromEntries(SORT_KEYS.map((key) => [key, columnRanks[key][position]])) as Record<OfferSortKey, number>,
    };
  });
}

/**
 * "from $0.40/M input at 4 providers": the lowest current input price and how many providers sell the
 * model now; "free at 1 of 4 providers" when some sell it for nothing.
 */
export function offerSummary(current: readonly Offer[]): string | null {
  if (current.length === 0) return null;
  const providers = new Set(current.map((o) => o.providerId));
  const count = (n: number) => `${formatCount(n)} provider${n === 1 ? '' : 's'}`;
  const inputs = current.map((o) => decimalOrNull(o.pricing.perMillionTokens.input)).filter((p) => p !== null);
  if (inputs.length === 0) return `variable prices at ${count(providers.size)}`;
  const lowest = inputs.reduce((min, p) => (p.lt(min) ? p : min));
  if (!lowest.eq(0)) return `from ${formatPricePerMillion(lowest.toFixed())} input at ${count(providers.size)}`;
  const free = new Set(current.filter((o) => decimalOrNull(o.pricing.perMillionTokens.input)?.eq(0)).map((o) => o.providerId));
  return `free input at ${formatCount(free.size)} of ${count(providers.size)}`;
}

/** The table of a model's offers, ranked for the workload (see rankOffers) and split current / retired. */
export function offerTable(ranked: readonly CostedOffer[], cheapest: readonly CostedOffer[], providerById: (id: string) => Provider | undefined): OfferTable {
  const cheapestIds = new Set(cheapest.map((c) => c.offer.id));
  const current = ranked.filter((c) => c.offer.listed);
  const retired = ranked.filter((c) => !c.offer.listed).sort((a, b) => (b.offer.retiredSince ?? '').localeCompare(a.offer.retiredSince ?? ''));
  return {
    current: offerRows(current, providerById, cheapestIds),
    retired: offerRows(retired, providerById, cheapestIds),
    summary: offerSummary(current.map((c) => c.offer)),
  };
}
