/**
 * Upstream prices → normalized exact prices: the one conversion rule every source reader uses.
 *
 * Sources state prices in different units (OpenRouter and LiteLLM per token, models.dev and
 * genai-prices per 1M tokens, genai-prices' searches per thousand) and as strings or JSON numbers.
 * Everything becomes a decimal string, per 1M tokens or per unit, by moving the decimal point of the
 * stated text (big.js, never float arithmetic): "0.00000054" per token → "0.54"; a JSON number is
 * first written back as its shortest round-trip text (String(1.5e-7) = "1.5e-7"), which is the
 * decimal it was written as, then shifted the same way. Output is never in exponent form.
 */
import Big from 'big.js';
import { DISCOUNT_FRACTION } from '../pricing/decimal.ts';
import { MAX_TOKEN_COUNT } from './sources/source-file.ts';
import { VARIABLE_PRICE, type Price, type Pricing, type PriceTier, type TokenPriceKey, type UnitPriceKey } from './schema.ts';
import { sortedRecord } from './stable-json.ts';

/** Prices above this (USD per 1M tokens, or per unit) are taken as a broken upstream value, not a price. */
export const MAX_PLAUSIBLE_PRICE = new Big(1_000_000);

const MAX_PLAUSIBLE_NUMBER = MAX_PLAUSIBLE_PRICE.toNumber();


/** A price value that cannot be read; readers turn it into a Rejection naming the field. */
export class PriceValueError extends Error {}

/** Plain decimal notation without trailing zeros; big.js would switch to exponents below 1e-7. */
export function toDecimalString(value: Big): string {
  return value.toFixed();
}

const PLAIN_DECIMAL = /^(0|[1-9]\d*)(\.\d*[1-9])?$/;

/**
 * Moves the decimal point of a decimal text `places` to the right (negative: to the left). Exact:
 * big.js multiplies by a power of ten without rounding.
 */
export function shiftDecimal(text: string, places: number): string {
  // Already a plain decimal with nothing to shift (most per-million prices): the text is the answer.
  if (places === 0 && PLAIN_DECIMAL.test(text) && Number(text) <= MAX_PLAUSIBLE_NUMBER) return text;
  // The same few hundred prices recur across every dated file of every source: convert each once.
  const key = `${places} ${text}`;
  const known = SHIFTED.get(key);
  if (known !== undefined) return known;
  const shifted = shiftDecimalExactly(text, places);
  SHIFTED.set(key, shifted);
  return shifted;
}

const SHIFTED = new Map<string, string>();

function shiftDecimalExactly(text: string, places: number): string {
  let value: Big;
  try {
    value = new Big(text);
  } catch {
    throw new PriceValueError(`${JSON.stringify(text)} is not a decimal number`);
  }
  if (value.lt(0)) throw new PriceValueError(`${text} is negative`);
  const shifted = places === 0 ? value : value.times(powerOfTen(places));
  if (shifted.gt(MAX_PLAUSIBLE_PRICE)) throw new PriceValueError(`${text} is beyond any plausible price`);
  return toDecimalString(shifted);
}

const POWERS = new Map<number, Big>();
function powerOfTen(places: number): Big {
  let power = POWERS.get(places);
  if (!power) POWERS.set(places, (power = new Big(`1e${places}`)));
  return power;
}

/** A JSON number as the decimal text it was written as, shifted `places` decimal places. */
export function decimalFromJsonNumber(value: unknown, places: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new PriceValueError(`${JSON.stringify(value) ?? String(value)} is not a number`);
  return shiftDecimal(String(value), places);
}

/** Decimal places from each unit a source states to the unit we store. */
export const SHIFT = { perTokenToPerMillion: 6, perMillion: 0, perThousandToPerUnit: -3, perUnit: 0 } as const;

/** JSON number in USD per token (LiteLLM) → USD per 1M tokens. */
export const perTokenNumberToPerMillion = (value: unknown): string => decimalFromJsonNumber(value, SHIFT.perTokenToPerMillion);
/** JSON number already in USD per 1M tokens or per unit (models.dev, genai-prices) → decimal string. */
export const numberToDecimal = (value: unknown): string => decimalFromJsonNumber(value, SHIFT.perMillion);

const RAW_PRICE = /^(-1|\d{1,30}(\.\d{1,30})?)$/;

/** OpenRouter's per-token price string → USD per 1M tokens; "-1" is the variable state. */
export function perTokenToPerMillion(raw: string): Price {
  if (raw === '-1') return VARIABLE_PRICE;
  return shiftDecimal(raw, SHIFT.perTokenToPerMillion);
}

export function perUnitPrice(raw: string): Price {
  if (raw === '-1') return VARIABLE_PRICE;
  return shiftDecimal(raw, SHIFT.perUnit);
}

/** A price that is exactly zero; "variable" is never zero. */
export function isZeroPrice(price: Price | undefined): boolean {
  // Normalized prices are plain decimals (DecimalString), so zero is "0" or "0.0…".
  return price !== undefined && /^0(\.0*)?$/.test(price);
}

/**
 * Which stated zeros are kept. A stated "0" cache price is a real statement: cache reads (or writes)
 * cost nothing, which a calculator must not replace by the input price it uses when no cache price is
 * stated. For the other optional dimensions "0" and an absent key mean the same thing (no extra
 * charge; reasoning billed as output), and OpenRouter's 2025 format spelled every absent one as "0".
 */
const ZERO_IS_STATEMENT: ReadonlySet<string> = new Set<TokenPriceKey>(['cacheRead', 'cacheWrite', 'cacheWrite1h', 'audioCacheRead']);

export function dropUnstatedZeros<T extends Record<string, Price | undefined>>(prices: T): T {
  const kept: Record<string, Price> = {};
  for (const key in prices) {
    const price = prices[key];
    if (price !== undefined && (!isZeroPrice(price) || ZERO_IS_STATEMENT.has(key))) kept[key] = price;
  }
  return kept as T;
}

export interface PricingProblem {
  field: string;
  message: string;
}

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
export function ownKey<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Runs one conversion, recording its failure as a problem of `field` instead of throwing. */
export function convert<T>(field: string, problems: PricingProblem[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PriceValueError)) throw error;
    problems.push({ field, message: error.message });
    return undefined;
  }
}

/**
 * Normalizes an OpenRouter `pricing` object (models API and endpoints). Keys this code does not know
 * are returned in `unknown`, never dropped; so are time-of-day overrides (`utc_start`/`utc_end`),
 * which are not prompt-length tiers.
 */
export function normalizeOpenRouterPricing(raw: Record<string, unknown>): { pricing: Pricing; problems: PricingProblem[] } {
  const problems: PricingProblem[] = [];
  const perMillionTokens: Partial<Record<TokenPriceKey, Price>> = {};
  const perUnit: Partial<Record<UnitPriceKey, Price>> = {};
  const unknown: Record<string, string> = {};
  let discount: string | undefined;
  let tiers: PriceTier[] = [];

  for (const [key, value] of Object.entries(raw)) {
    const field = `pricing.${key}`;
    if (key === 'overrides') {
      tiers = normalizeOverrides(value, problems, unknown);
      continue;
    }
    // The endpoints API states `discount` as a JSON number (0), the models API as a string.
    if (key === 'discount' && typeof value === 'number') {
      discount = convert(field, problems, () => numberToDecimal(value));
      continue;
    }
    if (typeof value !== 'string' || !RAW_PRICE.test(value)) {
      problems.push({ field, message: `${JSON.stringify(value)} is not a decimal price or "-1"` });
      continue;
    }
    const tokenKey = ownKey(OPENROUTER_TOKEN_KEYS, key);
    const unitKey = ownKey(OPENROUTER_UNIT_KEYS, key);
    if (tokenKey) assign(perMillionTokens, tokenKey, convert(field, problems, () => perTokenToPerMillion(value)));
    else if (unitKey) assign(perUnit, unitKey, convert(field, problems, () => perUnitPrice(value)));
    else if (key === 'discount') discount = value === '-1' ? undefined : discountFraction(value, convert(field, problems, () => shiftDecimal(value, 0)), field, problems);
    else unknown[key] = value;
  }

  for (const key of ['prompt', 'completion']) {
    if (!(key in raw)) problems.push({ field: `pricing.${key}`, message: 'is missing' });
  }
  const pricing = pricingFrom(perMillionTokens, perUnit, tiers, unknown, '0');
  if (discount !== undefined && !new Big(discount).eq(0)) pricing.discount = discount;
  return { pricing, problems };
}

/** A discount is a fraction of every price in [0, 1); anything else is reported, not applied. */
function discountFraction(stated: string, fraction: string | undefined, field: string, problems: PricingProblem[]): string | undefined {
  if (fraction === undefined || DISCOUNT_FRACTION.test(fraction)) return fraction;
  problems.push({ field, message: `${JSON.stringify(stated)} is not a fraction from 0 up to, not including, 1 (0.2 is 20 % off)` });
  return undefined;
}

function assign(target: Record<string, Price>, key: string, value: Price | undefined): void {
  if (value !== undefined) target[key] = value;
}

function normalizeOverrides(value: unknown, problems: PricingProblem[], unknown: Record<string, string>): PriceTier[] {
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
    if (minPromptTokens === undefined && ('utc_start' in prices || 'utc_end' in prices)) {
      // Off-peak prices by time of day: no prompt-length tier to make of them, so kept verbatim.
      unknown[`overrides[${index}]`] = JSON.stringify(entry);
      return;
    }
    if (typeof minPromptTokens !== 'number' || !Number.isSafeInteger(minPromptTokens) || minPromptTokens <= 0 || minPromptTokens > MAX_TOKEN_COUNT) {
      problems.push({ field: `${field}.min_prompt_tokens`, message: `${JSON.stringify(minPromptTokens) ?? 'undefined'} is not a positive token count up to ${MAX_TOKEN_COUNT}` });
      return;
    }
    const tier: PriceTier = { minPromptTokens, perMillionTokens: {} };
    for (const [key, price] of Object.entries(prices)) {
      const tokenKey = ownKey(OPENROUTER_TOKEN_KEYS, key);
      const unitKey = ownKey(OPENROUTER_UNIT_KEYS, key);
      if (typeof price !== 'string' || !RAW_PRICE.test(price) || (!tokenKey && !unitKey)) {
        problems.push({ field: `${field}.${key}`, message: `${JSON.stringify(price)} is not a known price` });
        continue;
      }
      if (tokenKey) assign(tier.perMillionTokens as Record<string, Price>, tokenKey, convert(`${field}.${key}`, problems, () => perTokenToPerMillion(price)));
      else if (unitKey) {
        const unitPrice = convert(`${field}.${key}`, problems, () => perUnitPrice(price));
        if (unitPrice !== undefined) tier.perUnit = { ...tier.perUnit, [unitKey]: unitPrice };
      }
    }
    tiers.push(tier);
  });
  return tiers.sort((a, b) => a.minPromptTokens - b.minPromptTokens);
}

/** Base prices plus tiers, assembled from per-dimension prices by a reader that knows its keys. */
export function pricingFrom(
  perMillionTokens: Partial<Record<TokenPriceKey, Price>>,
  perUnit: Partial<Record<UnitPriceKey, Price>>,
  tiers: PriceTier[],
  unknown: Record<string, string>,
  missing: Price,
): Pricing {
  const { input, output, ...optional } = perMillionTokens;
  return {
    perMillionTokens: { input: input ?? missing, output: output ?? missing, ...dropUnstatedZeros(optional) },
    perUnit: dropUnstatedZeros(perUnit),
    tiers: [...tiers].sort((a, b) => a.minPromptTokens - b.minPromptTokens),
    unknown: sortedRecord(unknown),
  };
}
