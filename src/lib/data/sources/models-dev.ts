/**
 * models.dev `api.json` (https://models.dev/api.json): every provider's catalog, one file per date.
 * `{<providerId>: {id, name, api?, doc?, models: {<modelId>: {…, cost?, limit}}}}`. Costs are JSON
 * numbers in USD per 1M tokens. The whole file is each provider's full listing, so completeFor names
 * every provider in it.
 */
import { z } from 'astro/zod';
import type { Price, PriceTier, Pricing, TokenPriceKey } from '../schema.ts';
import { convert, numberToDecimal, ownKey, pricingFrom, type PricingProblem } from '../price-units.ts';
import { RepeatedEntries } from './repeated-entries.ts';
import type { ListedProvider, ListingEntry, SourceListing } from './listing.ts';
import { EntryLog, UnusableInputError, describeShape, firstIssue, isCalendarDate, unstatedEntry, MAX_TOKEN_COUNT, PlainObject, TokenCountOrZero } from './source-file.ts';


/** "2024-01" or "2024-01-15": models.dev states months for some models; a bare year is not a date. */
const MonthOrDate = z.string().refine((text) => isCalendarDate(text) || isCalendarDate(`${text}-01`) && text.length === 7, {
  error: 'is not a YYYY-MM or YYYY-MM-DD date',
});

export const RawModelsDevModel = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  family: z.string().nullish(),
  description: z.string().nullish(),
  release_date: MonthOrDate.nullish(),
  knowledge: z.string().nullish(),
  open_weights: z.boolean().nullish(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }).nullish(),
  limit: z.object({ context: TokenCountOrZero, output: TokenCountOrZero.nullish() }),
  // Prices are read by modelsDevPricing, which names the offending key; here cost only has to be an object.
  cost: PlainObject.nullish(),
});
export type RawModelsDevModel = z.infer<typeof RawModelsDevModel>;

const RawModelsDevProvider = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  api: z.string().nullish(),
  doc: z.string().nullish(),
  models: PlainObject,
});

/** models.dev cost keys that are USD per 1M tokens of one dimension. */
const COST_KEYS: Readonly<Record<string, TokenPriceKey>> = {
  input: 'input',
  output: 'output',
  cache_read: 'cacheRead',
  cache_write: 'cacheWrite',
  reasoning: 'reasoning',
  input_audio: 'audioInput',
  output_audio: 'audioOutput',
};

/**
 * models.dev's own schema (@models.dev/core) documents `tier.size` as "the context size at which this
 * tier starts to apply", so it is the first prompt length the tier covers, as OpenRouter's
 * `min_prompt_tokens` is. The deprecated `context_over_200k` is the same tier at 200,000.
 */
const LEGACY_200K_SIZE = 200_000;

function tokenPrices(cost: Record<string, unknown>, field: string, problems: PricingProblem[], unknown: Record<string, string>): Partial<Record<TokenPriceKey, Price>> {
  const prices: Partial<Record<TokenPriceKey, Price>> = {};
  for (const [key, value] of Object.entries(cost)) {
    if (key === 'tiers' || key === 'context_over_200k' || key === 'tier') continue;
    const dimension = ownKey(COST_KEYS, key);
    if (!dimension) {
      unknown[`${field}.${key}`] = JSON.stringify(value);
      continue;
    }
    const price = convert(`${field}.${key}`, problems, () => numberToDecimal(value));
    if (price !== undefined) prices[dimension] = price;
  }
  return prices;
}

/**
 * A models.dev `cost` → Pricing. Tiers come from `tiers` (explicit sizes, "context" type), or else from
 * the older `context_over_200k`; where both are stated `tiers` wins (it states the real threshold, e.g.
 * 272k where the older key's name says 200k). models.dev leaves `cost` out where no price is published
 * (subscription-only plans, routers): no price is stated, so there is none (null), neither free nor variable.
 */
export function modelsDevPricing(cost: Record<string, unknown> | null | undefined, problems: PricingProblem[]): Pricing | null {
  if (!cost) return null;
  const unknown: Record<string, string> = {};
  const base = tokenPrices(cost, 'cost', problems, unknown);
  const tiers: PriceTier[] = [];
  const tierList = cost.tiers;
  if (tierList !== undefined) {
    if (!Array.isArray(tierList)) problems.push({ field: 'cost.tiers', message: 'is not an array' });
    else tierList.forEach((tier, i) => readTier(tier, `cost.tiers[${i}]`, problems, unknown, tiers));
  } else if (cost.context_over_200k !== undefined) {
    readTier({ ...(cost.context_over_200k as object), tier: { size: LEGACY_200K_SIZE, type: 'context' } }, 'cost.context_over_200k', problems, unknown, tiers);
  }
  // models.dev's schema requires both; one missing is a broken entry, not a free dimension.
  for (const key of ['input', 'output'] as const) if (base[key] === undefined && !problems.some((p) => p.field === `cost.${key}`)) problems.push({ field: `cost.${key}`, message: 'is missing' });
  return pricingFrom(base, {}, tiers, unknown, '0');
}

function readTier(raw: unknown, field: string, problems: PricingProblem[], unknown: Record<string, string>, tiers: PriceTier[]): void {
  if (typeof raw !== 'object' || raw === null) {
    problems.push({ field, message: 'is not an object' });
    return;
  }
  const { tier } = raw as { tier?: { size?: unknown; type?: unknown } };
  if (tier?.type !== 'context') {
    unknown[field] = JSON.stringify(raw);
    return;
  }
  const size = tier.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0 || size > MAX_TOKEN_COUNT) {
    problems.push({ field: `${field}.tier.size`, message: `${JSON.stringify(size) ?? 'undefined'} is not a positive token count up to ${MAX_TOKEN_COUNT}` });
    return;
  }
  const perMillionTokens = tokenPrices(raw as Record<string, unknown>, field, problems, unknown);
  tiers.push({ minPromptTokens: size, perMillionTokens });
}

/** "2024-01" → "2024-01-01": the first of the month stands in where models.dev states only a month. */
function releaseDateOf(text: string | null | undefined): string | null {
  if (!text) return null;
  return text.length === 7 ? `${text}-01` : text;
}

export function readModelsDevFile(file: string, date: string, body: unknown, repeats = new RepeatedEntries()): SourceListing {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UnusableInputError(`${file}: expected models.dev's {"<provider>": {"models": {...}}}, got ${describeShape(body)}`);
  }
  const log = new EntryLog(file);
  const entries: ListingEntry[] = [];
  const providers: ListedProvider[] = [];
  let index = 0;
  for (const [providerId, rawProvider] of Object.entries(body)) {
    const provider = RawModelsDevProvider.safeParse(rawProvider);
    if (!provider.success) {
      const { field, message } = firstIssue(provider.error, providerId);
      throw new UnusableInputError(`${file}: provider ${providerId}: ${field} ${message}`);
    }
    providers.push({ id: providerId, name: provider.data.name || providerId, apiBaseUrl: provider.data.api ?? null, docUrl: provider.data.doc ?? null });
    const providerName = provider.data.name ?? null;
    const known = repeats.scope(`${providerId}\u0000${providerName}`);
    for (const [modelKey, rawModel] of Object.entries(provider.data.models)) {
      const at = index;
      const entry = repeats.readOrRepeat(known, modelKey, rawModel, at, log, () => readModel(log, at, providerId, providerName, modelKey, rawModel));
      if (entry) entries.push(entry);
      index += 1;
    }
  }
  return log.listing({ source: 'models.dev', date, completeFor: providers.map((p) => p.id).sort(), entries, providers });
}

function readModel(log: EntryLog, index: number, providerId: string, providerName: string | null, modelKey: string, raw: unknown): ListingEntry | null {
  const key = `${providerId}/${modelKey}`;
  const model = log.parse(RawModelsDevModel, raw, index, key);
  if (!model || !log.usableId(index, key)) return null;
  const problems: PricingProblem[] = [];
  const pricing = modelsDevPricing(model.cost, problems);
  if (!log.clean(index, key, problems)) return null;
  return {
    ...unstatedEntry(),
    providerId,
    providerName,
    providerModelId: modelKey,
    key,
    index,
    keys: { ...(model.family ? { family: model.family } : {}), ...(providerId === 'openrouter' ? { openRouterId: modelKey } : {}) },
    ...log.texts(index, key, model.name, model.description),
    pricing,
    contextLength: model.limit.context > 0 ? model.limit.context : null,
    maxOutputTokens: model.limit.output ? model.limit.output : null,
    releaseDate: releaseDateOf(model.release_date),
    knowledgeCutoff: model.knowledge ?? null,
    openWeights: model.open_weights ?? null,
    inputModalities: model.modalities?.input ?? null,
    outputModalities: model.modalities?.output ?? null,
  };
}
