/**
 * /value/: each model's quality index against what the user's workload costs at its cheapest current
 * offer, the Pareto frontier (no other model is both cheaper and better), and the answer in words.
 * Pure and browser-safe: the page renders the default answer at build time and the island recomputes
 * the same way from /api/value.json.
 */
import type { Model, Offer, Quality } from '../data/schema.ts';
import { compareCosts, periodCosts } from '../pricing/pricing.ts';
import { formatUsdRounded } from '../format/format.ts';
import { readDecimal, readSwitch, readText, switchValue, writeQuery } from '../format/url-state.ts';
import { cheapestCurrent, rankOffers, type PricedOffer } from '../offers/offer-cost.ts';
import { workloadField, type Workload } from '../pricing/workload.ts';

/** A model as /value/ needs it: the compact record in /api/value.json. */
export interface ValueModel {
  id: string;
  name: string;
  /** Page path of the model's card. */
  href: string;
  intelligenceIndex: number;
  codingIndex: number | null;
  mathIndex: number | null;
  offers: (PricedOffer & { providerName: string })[];
}

export interface ValueData {
  asOf: string;
  /** Artificial Analysis attribution: where the indices come from, and the newest figures' date. */
  qualitySource: { name: string; url: string; date: string } | null;
  models: ValueModel[];
}

export interface ValuePoint {
  model: ValueModel;
  /** USD for one request of the workload at the cheapest current offer, exact. */
  cost: string;
  providerName: string;
  index: number;
  onFrontier: boolean;
}

/** Listed models with an intelligence index and at least one current offer, by name. */
export function toValueModels(
  models: readonly Model[],
  offersOf: (modelId: string) => readonly Offer[],
  providerName: (id: string) => string,
  href: (model: Model) => string,
): ValueModel[] {
  const result: ValueModel[] = [];
  for (const model of models) {
    const quality: Quality | null = model.quality;
    if (!model.listed || quality === null || quality.intelligenceIndex === null) continue;
    const offers = offersOf(model.id).filter((o) => o.listed);
    if (offers.length === 0) continue;
    result.push({
      id: model.id,
      name: model.displayName,
      href: href(model),
      intelligenceIndex: quality.intelligenceIndex,
      codingIndex: quality.codingIndex,
      mathIndex: quality.mathIndex,
      offers: offers.map((o) => ({ id: o.id, providerId: o.providerId, providerName: providerName(o.providerId), pricing: o.pricing, listed: o.listed })),
    });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * One point per model that the workload can be priced on, cheapest first (ties: the higher index,
 * then the name). A point is on the frontier when every cheaper-or-equal point has a lower index.
 * Offers that cost nothing are left out unless asked for: they are mostly rate-limited trials and
 * subscription plans, which would otherwise answer every question with "free".
 */
export function valuePoints(models: readonly ValueModel[], workload: Workload, includeFree = false): ValuePoint[] {
  const points: Omit<ValuePoint, 'onFrontier'>[] = [];
  for (const model of models) {
    const names = new Map(model.offers.map((o) => [o.providerId, o.providerName]));
    const ranked = rankOffers(model.offers, workload, (id) => names.get(id) ?? id);
    const [cheapest] = cheapestCurrent(includeFree ? ranked : ranked.filter((r) => r.cost.kind !== 'priced' || r.cost.total !== '0'));
    if (cheapest === undefined || cheapest.cost.kind !== 'priced') continue;
    points.push({ model, cost: cheapest.cost.total, providerName: cheapest.offer.providerName, index: model.intelligenceIndex });
  }
  points.sort((a, b) => compareCosts(a.cost, b.cost) || b.index - a.index || a.model.name.localeCompare(b.model.name, 'en'));
  let best = -Infinity;
  return points.map((p) => {
    const onFrontier = p.index > best;
    if (onFrontier) best = p.index;
    return { ...p, onFrontier };
  });
}

/** The cheapest point with an index of at least `threshold` (points come cheapest first), or null. */
export function cheapestAtLeast(points: readonly ValuePoint[], threshold: number): ValuePoint | null {
  return points.find((p) => p.index >= threshold) ?? null;
}

/** The default threshold: the median index of the points, rounded down, so the answer is never empty. */
export function defaultThreshold(points: readonly ValuePoint[]): number {
  if (points.length === 0) return 0;
  const sorted = points.map((p) => p.index).sort((a, b) => a - b);
  return Math.floor(sorted[Math.floor((sorted.length - 1) / 2)] ?? 0);
}

/** The workload fields /value/'s form asks for; the others keep the preset's values. */
export const VALUE_WORKLOAD_FIELDS = (['inputTokens', 'outputTokens', 'cacheReadPercent', 'reasoningTokens', 'requests'] as const).map(workloadField);

/** What /value/'s form says, as typed: a preset, its fields (null right after a preset change), the threshold and the free switch. */
export interface ValueFormState {
  preset: string;
  fields: Readonly<Record<string, string>> | null;
  min: string;
  free: boolean;
}

/** The query of /value/ for what the form says, spelled as every page spells its state. */
export function valueQuery(state: ValueFormState): string {
  return writeQuery([
    ['preset', state.preset],
    ...VALUE_WORKLOAD_FIELDS.map((field) => [field.param, state.fields ? (state.fields[field.param] ?? '') : null] as const),
    ['min', state.min],
    ['free', switchValue(state.free)],
  ]);
}

/** `free=1` in the URL counts offers that cost nothing. */
export function includeFreeFromParams(params: URLSearchParams): boolean {
  return readSwitch(params, 'free');
}

/** Reads `min` from the URL: a decimal from 0 to 1000, else the default. */
export function thresholdFromParams(params: URLSearchParams, fallback: number): { threshold: number; problem: string | null } {
  const raw = readText(params, 'min');
  if (raw === '') return { threshold: fallback, problem: null };
  const decimal = readDecimal(params, 'min');
  const value = decimal === null ? null : Number(decimal);
  if (value === null || value > 1000) return { threshold: fallback, problem: `the index in the link ("min=${raw}") is not a number from 0 to 1000; ${fallback} is used` };
  return { threshold: value, problem: null };
}

/** The answer in words, the same at build time and in the island. */
export function answerSentence(answer: ValuePoint | null, threshold: number, workload: Workload): string {
  const at = `an intelligence index of at least ${threshold}`;
  if (answer === null) return `For this workload, no model with ${at} has a price in the data.`;
  const costs = periodCosts(answer.cost, { requests: workload.requests, per: workload.per, daysPerMonth: workload.daysPerMonth });
  const price = answer.cost === '0' ? 'no charge' : `${formatUsdRounded(answer.cost)} per request (${formatUsdRounded(costs.perMonth)} a month)`;
  return `For this workload, the cheapest model with ${at} is ${answer.model.name} (index ${answer.index}) at ${price} from ${answer.providerName}.`;
}
