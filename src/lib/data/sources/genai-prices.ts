/**
 * pydantic's genai-prices (prices/data.json, v2): `[{id, name, pricing_urls, models: [{id, name,
 * description?, context_window?, match, prices}]}]`, 36 providers. Prices are JSON numbers in USD per
 * million tokens (`*_mtok`) or per thousand (`*_kcount`), a number or `{base, tiers: [{start, price}]}`.
 *
 * A dimension a price set does not list costs nothing (genai-prices' own arithmetic).
 * `prices` is one price set or a list of conditional ones. The price stated here is the one **in force
 * on the file's date**: the latest set whose `start_date` is on or before it, else the unconditional
 * one. Sets that apply later, or only at certain times of day (DeepSeek's off-peak hours), are not that
 * price; they are kept verbatim in `pricing.unknown` (`prices[1]`…) so nothing is lost.
 */
import { z } from 'astro/zod';
import type { Price, PriceTier, TokenPriceKey, UnitPriceKey } from '../schema.ts';
import { SHIFT, convert, decimalFromJsonNumber, ownKey, pricingFrom, type PricingProblem } from '../price-units.ts';
import type { ListedProvider, ListingEntry, SourceListing } from './listing.ts';
import { EntryLog, UnusableInputError, describeShape, firstIssue, unstatedEntry, MAX_TOKEN_COUNT, PlainObject, TokenCount } from './source-file.ts';

const RawGenaiProvider = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  pricing_urls: z.array(z.string()).nullish(),
  models: z.array(z.unknown()),
});

export const RawGenaiModel = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  description: z.string().nullish(),
  context_window: TokenCount.nullish(),
  deprecated: z.boolean().nullish(),
  prices: z.union([PlainObject, z.array(PlainObject)]),
});

const TOKEN_KEYS: Readonly<Record<string, TokenPriceKey>> = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cacheRead',
  cache_write_mtok: 'cacheWrite',
  cache_write_1h_mtok: 'cacheWrite1h',
  output_reasoning_mtok: 'reasoning',
  input_audio_mtok: 'audioInput',
  cache_audio_read_mtok: 'audioCacheRead',
  output_audio_mtok: 'audioOutput',
  output_image_mtok: 'imageOutput',
};

/** Per-thousand counts → USD per one search or request. */
const UNIT_KEYS: Readonly<Record<string, UnitPriceKey>> = {
  web_searches_kcount: 'webSearch',
  requests_kcount: 'request',
};

/**
 * The price set in force on `date`, and the others. A list entry without a constraint is the default;
 * a `start_date` one replaces it from that date.
 */
export function priceSetInForce(prices: Record<string, unknown> | Record<string, unknown>[], date: string) {
  if (!Array.isArray(prices)) return { inForce: prices, others: [] as { index: number; set: unknown }[] };
  const candidates = prices.map((set, index) => ({ index, set, startDate: startDateOf(set) }));
  let chosen: (typeof candidates)[number] | null = null;
  for (const candidate of candidates) {
    if (candidate.startDate === null || candidate.startDate > date) continue;
    if (!chosen || candidate.startDate >= chosen.startDate!) chosen = candidate;
  }
  const others = candidates.filter((c) => c !== chosen).map(({ index, set }) => ({ index, set }));
  const inForce = chosen ? ((chosen.set.prices ?? {}) as Record<string, unknown>) : null;
  return { inForce, others };
}

/** "" for the unconditional set, its start date for a dated one, null for any other condition. */
function startDateOf(set: Record<string, unknown>): string | null {
  const constraint = set.constraint as Record<string, unknown> | undefined;
  if (constraint === undefined) return '';
  const onlyStartDate = Object.keys(constraint).length === 1 && typeof constraint.start_date === 'string';
  return onlyStartDate ? (constraint.start_date as string) : null;
}

/**
 * A tier's `start` is the first prompt length it covers: genai-prices' own tests bill 200,000 input
 * tokens at the tier that starts at 200,000, as OpenRouter's `min_prompt_tokens` does.
 */
function readPriceSet(set: Record<string, unknown>, problems: PricingProblem[], unknown: Record<string, string>) {
  const base: Partial<Record<TokenPriceKey, Price>> = {};
  const perUnit: Partial<Record<UnitPriceKey, Price>> = {};
  const tiers = new Map<number, PriceTier>();
  for (const [key, value] of Object.entries(set)) {
    const field = `prices.${key}`;
    const token = ownKey(TOKEN_KEYS, key);
    const unit = ownKey(UNIT_KEYS, key);
    if (unit) {
      const price = convert(field, problems, () => decimalFromJsonNumber(value, SHIFT.perThousandToPerUnit));
      if (price !== undefined) perUnit[unit] = price;
    } else if (!token) {
      unknown[field] = JSON.stringify(value);
    } else if (typeof value === 'object' && value !== null) {
      const { base: basePrice, tiers: tierList } = value as { base?: unknown; tiers?: unknown };
      const price = convert(`${field}.base`, problems, () => decimalFromJsonNumber(basePrice, SHIFT.perMillion));
      if (price !== undefined) base[token] = price;
      if (!Array.isArray(tierList)) {
        problems.push({ field: `${field}.tiers`, message: 'is not an array' });
        continue;
      }
      tierList.forEach((tier: { start?: unknown; price?: unknown }, i) => {
        const start = tier?.start;
        if (typeof start !== 'number' || !Number.isSafeInteger(start) || start <= 0 || start > MAX_TOKEN_COUNT) {
          problems.push({ field: `${field}.tiers[${i}].start`, message: `${JSON.stringify(start) ?? 'undefined'} is not a positive token count up to ${MAX_TOKEN_COUNT}` });
          return;
        }
        const tierPrice = convert(`${field}.tiers[${i}].price`, problems, () => decimalFromJsonNumber(tier.price, SHIFT.perMillion));
        if (tierPrice === undefined) return;
        const existing = tiers.get(start) ?? { minPromptTokens: start, perMillionTokens: {} };
        existing.perMillionTokens[token] = tierPrice;
        tiers.set(start, existing);
      });
    } else {
      const price = convert(field, problems, () => decimalFromJsonNumber(value, SHIFT.perMillion));
      if (price !== undefined) base[token] = price;
    }
  }
  return { base, perUnit, tiers: [...tiers.values()] };
}

export function genaiPricing(prices: Record<string, unknown> | Record<string, unknown>[], date: string, problems: PricingProblem[]) {
  const { inForce, others } = priceSetInForce(prices, date);
  const unknown: Record<string, string> = {};
  for (const { index, set } of others) unknown[`prices[${index}]`] = JSON.stringify(set);
  if (!inForce) return null;
  const { base, perUnit, tiers } = readPriceSet(inForce, problems, unknown);
  // genai-prices bills only the dimensions a price set lists: an embedding model's set has no
  // output price, a ":free" model's set is empty, and both cost 0 there.
  return pricingFrom(base, perUnit, tiers, unknown, '0');
}

export function readGenaiPricesFile(file: string, date: string, body: unknown): SourceListing {
  if (!Array.isArray(body)) throw new UnusableInputError(`${file}: expected genai-prices' array of providers, got ${describeShape(body)}`);
  const log = new EntryLog(file);
  const entries: ListingEntry[] = [];
  const providers: ListedProvider[] = [];
  let index = 0;
  body.forEach((rawProvider, position) => {
    const provider = RawGenaiProvider.safeParse(rawProvider);
    if (!provider.success) {
      const { field, message } = firstIssue(provider.error, `[${position}]`);
      throw new UnusableInputError(`${file}: provider ${field} ${message}`);
    }
    const { id: providerId, name: providerName, pricing_urls: urls, models } = provider.data;
    providers.push({ id: providerId, name: providerName, apiBaseUrl: null, docUrl: urls?.[0] ?? null });
    for (const rawModel of models) {
      const entry = readModel(log, index, providerId, providerName, date, rawModel);
      if (entry) entries.push(entry);
      index += 1;
    }
  });
  return log.listing({ source: 'genai-prices', date, completeFor: providers.map((p) => p.id).sort(), entries, providers });
}

function readModel(log: EntryLog, index: number, providerId: string, providerName: string, date: string, raw: unknown): ListingEntry | null {
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? `${providerId}/${rawId}` : null;
  const model = log.parse(RawGenaiModel, raw, index, id);
  if (!model) return null;
  const key = `${providerId}/${model.id}`;
  if (!log.usableId(index, key)) return null;
  const problems: PricingProblem[] = [];
  const pricing = genaiPricing(model.prices, date, problems);
  if (!log.clean(index, key, problems)) return null;
  return {
    ...unstatedEntry(),
    providerId,
    providerName,
    providerModelId: model.id,
    key,
    index,
    keys: providerId === 'openrouter' ? { openRouterId: model.id } : {},
    ...log.texts(index, key, model.name, model.description),
    pricing,
    contextLength: model.context_window ?? null,
  };
}
