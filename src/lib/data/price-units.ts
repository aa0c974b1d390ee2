/**
 * Upstream price strings → normalized exact prices. OpenRouter states USD per token; people read USD
 * per 1M tokens, so token prices are scaled by 10^6 with decimal arithmetic (big.js), never floats:
 * "0.00000054" becomes "0.54". Per-request, per-image and per-search prices stay per unit.
 */
import Big from 'big.js';
import { VARIABLE_PRICE, type Price, type Pricing, type PriceTier, type TokenPriceKey, type UnitPriceKey } from './schema.ts';

/** OpenRouter's per-token pricing keys and their normalized names. */
export const OPENROUTER_TOKEN_KEYS: Readonly<Record<string, TokenPriceKey>> = {
  prompt: 'input',
  completion: 'output',
  input_cache_read: 'cacheRead',
  input_cache_write: 'cacheWrite',
  input_cache_write_1h: 'cacheWrite1h',
  internal_reasoning: 'reasoning',
  audio: 'audioInput',
  input_audio_cache: 'audioCacheRead',
  audio_output: 'audioOutput',
  image_output: 'imageOutput',
};

/** OpenRouter's per-unit pricing keys: USD per request, per input image, per web search. */
export const OPENROUTER_UNIT_KEYS: Readonly<Record<string, UnitPriceKey>> = {
  request: 'request',
  image: 'image',
  web_search: 'webSearch',
};

/** Own keys only: an upstream key such as "constructor" must not find Object.prototype members. */
function tokenKeyOf(key: string): TokenPriceKey | undefined {
  return Object.hasOwn(OPENROUTER_TOKEN_KEYS, key) ? OPENROUTER_TOKEN_KEYS[key] : undefined;
}

function unitKeyOf(key: string): UnitPriceKey | undefined {
  return Object.hasOwn(OPENROUTER_UNIT_KEYS, key) ? OPENROUTER_UNIT_KEYS[key] : undefined;
}

const MILLION = new Big(1_000_000);

/** Plain decimal notation without trailing zeros; big.js would switch to exponents below 1e-7. */
export function toDecimalString(value: Big): string {
  return value.toFixed();
}

export function perTokenToPerMillion(raw: string): Price {
  if (raw === '-1') return VARIABLE_PRICE;
  return toDecimalString(new Big(raw).times(MILLION));
}

export function perUnitPrice(raw: string): Price {
  if (raw === '-1') return VARIABLE_PRICE;
  return toDecimalString(new Big(raw));
}

/** A price that is exactly zero; "variable" is never zero. */
export function isZeroPrice(price: Price | undefined): boolean {
  return price !== undefined && price !== VARIABLE_PRICE && new Big(price).eq(0);
}

export interface PricingProblem {
  field: string;
  message: string;
}

const RAW_PRICE = /^(-1|\d+(\.\d+)?)$/;

/**
 * Normalizes an OpenRouter `pricing` object. Optional dimensions that are exactly zero are left out,
 * since upstream spells "no charge" both as "0" and as an absent key (the 2025 format did the former).
 * Keys this code does not know are returned in `unknown`, never dropped.
 */
export function normalizeOpenRouterPricing(raw: Record<string, unknown>): { pricing: Pricing; problems: PricingProblem[] } {
  const problems: PricingProblem[] = [];
  const perMillionTokens: Record<string, Price> = {};
  const perUnit: Record<string, Price> = {};
  const unknown: Record<string, string> = {};
  let discount: string | undefined;
  let tiers: PriceTier[] = [];

  for (const [key, value] of Object.entries(raw)) {
    if (key === 'overrides') {
      tiers = normalizeOverrides(value, problems);
      continue;
    }
    if (typeof value !== 'string' || !RAW_PRICE.test(value)) {
      problems.push({ field: `pricing.${key}`, message: `${JSON.stringify(value)} is not a decimal price or "-1"` });
      continue;
    }
    const tokenKey = tokenKeyOf(key);
    const unitKey = unitKeyOf(key);
    if (tokenKey) perMillionTokens[tokenKey] = perTokenToPerMillion(value);
    else if (unitKey) perUnit[unitKey] = perUnitPrice(value);
    else if (key === 'discount') discount = value === '-1' ? undefined : toDecimalString(new Big(value));
    else unknown[key] = value;
  }

  const { input, output, ...optionalTokens } = perMillionTokens;
  for (const key of ['prompt', 'completion']) {
    if (!(key in raw)) problems.push({ field: `pricing.${key}`, message: 'is missing' });
  }
  const pricing: Pricing = {
    perMillionTokens: { input: input ?? '0', output: output ?? '0', ...dropZero(optionalTokens) },
    perUnit: dropZero(perUnit),
    tiers,
    unknown,
  };
  if (discount !== undefined && !new Big(discount).eq(0)) pricing.discount = discount;
  return { pricing, problems };
}

function normalizeOverrides(value: unknown, problems: PricingProblem[]): PriceTier[] {
  if (!Array.isArray(value)) {
    problems.push({ field: 'pricing.overrides', message: 'is not an array' });
    return [];
  }
  const tiers: PriceTier[] = [];
  value.forEach((entry, index) => {
    const field = `pricing.overrides[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ field, message: 'is not an object' });
      return;
    }
    const { min_prompt_tokens: minPromptTokens, ...prices } = entry as Record<string, unknown>;
    if (typeof minPromptTokens !== 'number' || !Number.isInteger(minPromptTokens) || minPromptTokens <= 0) {
      problems.push({ field: `${field}.min_prompt_tokens`, message: 'is not a positive integer' });
      return;
    }
    const tier: PriceTier = { minPromptTokens, perMillionTokens: {} };
    for (const [key, price] of Object.entries(prices)) {
      const tokenKey = tokenKeyOf(key);
      const unitKey = unitKeyOf(key);
      if (typeof price !== 'string' || !RAW_PRICE.test(price) || (!tokenKey && !unitKey)) {
        problems.push({ field: `${field}.${key}`, message: `${JSON.stringify(price)} is not a known price` });
        continue;
      }
      if (tokenKey) tier.perMillionTokens[tokenKey] = perTokenToPerMillion(price);
      else if (unitKey) tier.perUnit = { ...tier.perUnit, [unitKey]: perUnitPrice(price) };
    }
    tiers.push(tier);
  });
  return tiers.sort((a, b) => a.minPromptTokens - b.minPromptTokens);
}

function dropZero<T extends Record<string, Price>>(prices: T): T {
  return Object.fromEntries(Object.entries(prices).filter(([, p]) => !isZeroPrice(p))) as T;
}

/**
 * models.dev states USD per 1M tokens as JSON numbers. The number is turned back into the decimal
 * text it was written as (JavaScript prints the shortest round-trip form, which is that text).
 */
export function numberToDecimal(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new Error(`${value} is not a non-negative price`);
  return toDecimalString(new Big(String(value)));
}

export interface ModelsDevCost {
  input?: number | undefined;
  output?: number | undefined;
  cache_read?: number | undefined;
  cache_write?: number | undefined;
  reasoning?: number | undefined;
  tiers?: { input?: number | undefined; output?: number | undefined; cache_read?: number | undefined; cache_write?: number | undefined; tier: { size: number; type: string } }[] | undefined;
}

/**
 * models.dev "context" tiers apply to prompts over `size` tokens ("context_over_200k"), so the first
 * token count they apply to is size + 1.
 */
export function normalizeModelsDevCost(cost: ModelsDevCost | null | undefined): Pricing {
  const tokenPrices = (c: Omit<ModelsDevCost, 'tiers'>) => {
    const prices: Partial<Record<TokenPriceKey, Price>> = {};
    if (c.input !== undefined) prices.input = numberToDecimal(c.input);
    if (c.output !== undefined) prices.output = numberToDecimal(c.output);
    if (c.cache_read !== undefined) prices.cacheRead = numberToDecimal(c.cache_read);
    if (c.cache_write !== undefined) prices.cacheWrite = numberToDecimal(c.cache_write);
    if (c.reasoning !== undefined) prices.reasoning = numberToDecimal(c.reasoning);
    return prices;
  };
  const base = tokenPrices(cost ?? {});
  const { input, output, ...optional } = base;
  const tiers: PriceTier[] = (cost?.tiers ?? [])
    .filter((t) => t.tier.type === 'context')
    .map((t) => ({ minPromptTokens: t.tier.size + 1, perMillionTokens: tokenPrices(t) }))
    .sort((a, b) => a.minPromptTokens - b.minPromptTokens);
  // An entry without a cost (routers such as openrouter/auto) has no fixed price: variable, not free.
  return {
    perMillionTokens: { input: input ?? VARIABLE_PRICE, output: output ?? VARIABLE_PRICE, ...dropZero(optional as Record<string, Price>) },
    perUnit: {},
    tiers,
    unknown: {},
  };
}
