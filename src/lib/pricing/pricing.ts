/**
 * What a request costs on a model: the one pricing module shared by the calculator, model cards,
 * compare and the live trial. Exact decimal arithmetic (big.js) from the catalog's decimal strings to
 * the returned decimal strings; no amount ever passes through a float.
 *
 * Billing rules, as OpenRouter applies them:
 * - Token prices are USD per 1M tokens; request, image and web-search prices are USD per unit.
 * - `promptTokens` includes cached tokens. Cache reads are billed at `cacheRead` and cache writes at
 *   `cacheWrite` instead of `input`; a model that states no such price bills them at `input`.
 * - Reasoning tokens are output tokens: billed at the output price of the prices in force, unless
 *   those same prices state a separate reasoning price. Google's price list says it in so many words
 *   ("Output price (including thinking tokens)", one figure per prompt-length tier,
 *   https://ai.google.dev/gemini-api/docs/pricing); OpenAI and Anthropic bill reasoning and thinking
 *   tokens as output tokens too.
 * - A prompt-length tier (`minPromptTokens`) replaces the base prices it names for the whole request
 *   once the prompt is at least that long; the highest tier reached wins. A tier that re-prices output
 *   therefore re-prices reasoning with it, unless it states a reasoning price of its own: a base
 *   reasoning price belongs to the base prices (gemini-3.1-pro-preview states reasoning $12/M beside
 *   output $12/M; above 200,000 prompt tokens output is $18/M, and so is reasoning).
 * - A discount is a fraction taken off the total; the lines show undiscounted amounts and
 *   `discountApplied` says which fraction was taken.
 * - Input images with no per-image price are not billed per unit (providers bill them as prompt
 *   tokens, which the caller counts in `promptTokens`), so they produce no line.
 * - Web searches need a per-search price: a workload with searches on a model that states none is
 *   `unavailable`, since the model offers no priced search.
 */
import Big from 'big.js';
import type { Price, Pricing, PriceTier, TokenPrices, UnitPrices } from '../data/schema.ts';
// A type-only import of schema.ts keeps zod out of the browser bundles of the islands using this module.
import { VARIABLE_PRICE } from './variable-price.ts';
import { TOKEN_PRICE_LABELS, UNIT_PRICE_LABELS } from './price-labels.ts';

/** What one request consumes. promptTokens INCLUDES cached ones (as OpenAI/OpenRouter usage reports it). */
export interface RequestUsage {
  /** All input tokens, cached ones included. */
  promptTokens: number;
  /** Of promptTokens, read from cache (billed at cacheRead instead of input). */
  cacheReadTokens?: number;
  /** Of promptTokens, written to cache (billed at cacheWrite instead of input). */
  cacheWriteTokens?: number;
  /** Visible output tokens; reasoning is not included. */
  completionTokens: number;
  /** Billed at pricing.reasoning when the model states it, else at the output price. */
  reasoningTokens?: number;
  /** Input images, billed per unit when the model states a per-image price. */
  images?: number;
  /** Billed per unit. */
  webSearches?: number;
  /**
   * How many requests of this same shape the token counts add up to (default 1). The per-request fee
   * is multiplied by it and the prompt-length tier is chosen on promptTokens / requests.
   */
  requests?: number;
}

export type CostDimension = 'input' | 'cacheRead' | 'cacheWrite' | 'output' | 'reasoning' | 'request' | 'image' | 'webSearch';

export interface CostLine {
  dimension: CostDimension;
  quantity: number;
  /** USD per 1M tokens for token dimensions, USD per unit for request, image and webSearch. */
  unitPrice: string;
  /** USD, exact decimal string, before any discount. */
  cost: string;
}

export type RequestCost =
  | { kind: 'priced'; total: string; lines: CostLine[]; tier: PriceTier | null; discountApplied: string | null }
  /** A dimension the workload uses is priced "variable" (routers decide the model per request). */
  | { kind: 'variable'; reason: string }
  /** The workload uses a dimension the model does not price at all (web searches without a search price). */
  | { kind: 'unavailable'; reason: string };

export const TOKEN_DIMENSIONS = ['input', 'cacheRead', 'cacheWrite', 'output', 'reasoning'] as const;
export const UNIT_DIMENSIONS = ['request', 'image', 'webSearch'] as const;

/** Words for each dimension, for breakdowns and error messages: the catalog's price labels. */
export const DIMENSION_LABELS: Readonly<Record<CostDimension, string>> = {
  input: TOKEN_PRICE_LABELS.input,
  cacheRead: TOKEN_PRICE_LABELS.cacheRead,
  cacheWrite: TOKEN_PRICE_LABELS.cacheWrite,
  output: TOKEN_PRICE_LABELS.output,
  reasoning: TOKEN_PRICE_LABELS.reasoning,
  ...UNIT_PRICE_LABELS,
};

/** "the input price", "the price per request": a dimension's price named in a sentence. */
function priceName(dimension: CostDimension): string {
  const label = DIMENSION_LABELS[dimension].toLowerCase();
  return label.startsWith('per ') ? `the price ${label}` : `the ${label} price`;
}

const PER_TOKEN = new Big('0.000001');

/** The tier a prompt of `promptTokens` tokens reaches, or null below every threshold. */
export function tierFor(pricing: Pricing, promptTokens: number): PriceTier | null {
  let reached: PriceTier | null = null;
  for (const tier of pricing.tiers) {
    if (tier.minPromptTokens <= promptTokens && (reached === null || tier.minPromptTokens > reached.minPromptTokens)) reached = tier;
  }
  return reached;
}

/** Base prices with the reached tier's prices laid over them. */
export function effectivePrices(
  pricing: Pricing,
  promptTokens: number,
): { perMillionTokens: TokenPrices; perUnit: UnitPrices; tier: PriceTier | null } {
  const tier = tierFor(pricing, promptTokens);
  if (tier === null) return { perMillionTokens: pricing.perMillionTokens, perUnit: pricing.perUnit, tier };
  const tierTokens = definedOnly(tier.perMillionTokens);
  const perMillionTokens = { ...pricing.perMillionTokens, ...tierTokens };
  if (tierTokens.output !== undefined && tierTokens.reasoning === undefined) delete perMillionTokens.reasoning;
  return {
    perMillionTokens,
    perUnit: { ...pricing.perUnit, ...definedOnly(tier.perUnit ?? {}) },
    tier,
  };
}

function definedOnly<T extends object>(prices: T): Partial<T> {
  return Object.fromEntries(Object.entries(prices).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkCount(name: string, value: number | undefined): number {
  const count = value ?? 0;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${name} must be a whole number of 0 or more, got ${String(value)}`);
  }
  return count;
}

/** The price actually charged for each token dimension, after fallbacks (cache → input, reasoning → output). */
export function tokenPriceFor(prices: TokenPrices, dimension: (typeof TOKEN_DIMENSIONS)[number]): Price {
  switch (dimension) {
    case 'input':
      return prices.input;
    case 'cacheRead':
      return prices.cacheRead ?? prices.input;
    case 'cacheWrite':
      return prices.cacheWrite ?? prices.input;
    case 'output':
      return prices.output;
    case 'reasoning':
      return prices.reasoning ?? prices.output;
  }
}

export function requestCost(pricing: Pricing, usage: RequestUsage): RequestCost {
  const promptTokens = checkCount('promptTokens', usage.promptTokens);
  const cacheRead = checkCount('cacheReadTokens', usage.cacheReadTokens);
  const cacheWrite = checkCount('cacheWriteTokens', usage.cacheWriteTokens);
  const requests = usage.requests === undefined ? 1 : checkCount('requests', usage.requests);
  if (cacheRead + cacheWrite > promptTokens) {
    throw new RangeError(
      `cached tokens (${cacheRead} read + ${cacheWrite} written) exceed the ${promptTokens} prompt tokens they are part of`,
    );
  }
  const quantities: Record<CostDimension, number> = {
    input: promptTokens - cacheRead - cacheWrite,
    cacheRead,
    cacheWrite,
    output: checkCount('completionTokens', usage.completionTokens),
    reasoning: checkCount('reasoningTokens', usage.reasoningTokens),
    request: requests,
    image: checkCount('images', usage.images),
    webSearch: checkCount('webSearches', usage.webSearches),
  };

  const tierPrompt = requests > 1 ? Math.floor(promptTokens / requests) : promptTokens;
  const { perMillionTokens, perUnit, tier } = effectivePrices(pricing, tierPrompt);

  const lines: CostLine[] = [];
  for (const dimension of TOKEN_DIMENSIONS) {
    const quantity = quantities[dimension];
    if (quantity === 0) continue;
    const price = tokenPriceFor(perMillionTokens, dimension);
    if (price === VARIABLE_PRICE) return { kind: 'variable', reason: `${priceName(dimension)} is variable` };
    lines.push({ dimension, quantity, unitPrice: price, cost: new Big(price).times(quantity).times(PER_TOKEN).toFixed() });
  }
  for (const dimension of UNIT_DIMENSIONS) {
    const quantity = quantities[dimension];
    if (quantity === 0) continue;
    const price = perUnit[dimension];
    if (price === undefined) {
      if (dimension === 'webSearch') return { kind: 'unavailable', reason: 'the model states no web search price' };
      continue;
    }
    if (price === VARIABLE_PRICE) return { kind: 'variable', reason: `${priceName(dimension)} is variable` };
    lines.push({ dimension, quantity, unitPrice: price, cost: new Big(price).times(quantity).toFixed() });
  }

  let total = lines.reduce((sum, line) => sum.plus(line.cost), new Big(0));
  const discount = pricing.discount !== undefined && !new Big(pricing.discount).eq(0) ? pricing.discount : null;
  if (discount !== null) total = total.times(new Big(1).minus(discount));
  return { kind: 'priced', total: total.toFixed(), lines, tier, discountApplied: discount };
}

/** cost × times, exact: a per-request cost to per day, per day to per month. */
export function multiplyCost(cost: string, times: number | string): string {
  if (typeof times === 'number' && !Number.isFinite(times)) throw new RangeError(`cannot multiply a cost by ${times}`);
  return new Big(cost).times(times).toFixed();
}

export function sumCosts(costs: string[]): string {
  return costs.reduce((sum, cost) => sum.plus(cost), new Big(0)).toFixed();
}

/** Negative when a is cheaper, positive when b is, 0 when equal: usable as a sort comparator. */
export function compareCosts(a: string, b: string): number {
  return new Big(a).cmp(b);
}

export interface PeriodCosts {
  perRequest: string;
  perDay: string;
  perMonth: string;
}

export interface Volume {
  requests: number;
  per: 'day' | 'month';
  daysPerMonth: number;
}

/** Decimal places kept when a monthly cost is spread over days (the only division here). */
const PER_DAY_DECIMALS = 12;

/**
 * A per-request cost projected over a volume. Products are exact; a monthly volume's per-day figure
 * is a division by the days per month and is rounded half-up to 12 decimal places.
 */
export function periodCosts(perRequest: string, volume: Volume): PeriodCosts {
  if (!(volume.daysPerMonth > 0)) throw new RangeError(`days per month must be more than 0, got ${volume.daysPerMonth}`);
  if (volume.per === 'day') {
    const perDay = multiplyCost(perRequest, volume.requests);
    return { perRequest, perDay, perMonth: multiplyCost(perDay, volume.daysPerMonth) };
  }
  const perMonth = multiplyCost(perRequest, volume.requests);
  const perDay = new Big(perMonth).div(volume.daysPerMonth).round(PER_DAY_DECIMALS, Big.roundHalfUp).toFixed();
  return { perRequest, perDay, perMonth };
}
