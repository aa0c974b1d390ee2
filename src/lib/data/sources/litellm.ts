/**
 * LiteLLM's cost map (`model_prices_and_context_window.json`): `{<key>: {litellm_provider, mode,
 * input_cost_per_token, …}}`, costs as JSON numbers in USD per token. A key is `<provider>/<model>` or a
 * bare id for first-party APIs. The file is LiteLLM's full list for each provider it names, so
 * completeFor names them all.
 *
 * Kept: modes a person sends prompts to and is billed per token for: `chat`, `completion` and
 * `responses` (OpenAI's Responses-API-only models such as o1-pro). Every other mode (embedding,
 * image_generation, audio_transcription, rerank, realtime…) is skipped and counted, as are keys that
 * are not models (`sample_spec`, the copying bot's `last_updated`) and entries without a mode (price
 * classes such as `fireworks-ai-up-to-4b`).
 */
import { z } from 'astro/zod';
import type { Price, PriceTier, TokenPriceKey, UnitPriceKey } from '../schema.ts';
import { convert, numberToDecimal, ownKey, perTokenNumberToPerMillion, pricingFrom, type PricingProblem } from '../price-units.ts';
import type { ListingEntry, SourceListing } from './listing.ts';
import { RepeatedEntries } from './repeated-entries.ts';
import { EntryLog, UnusableInputError, describeShape, unstatedEntry, MAX_TOKEN_COUNT, TokenCountOrZero, PlainObject } from './source-file.ts';

export const LITELLM_KEPT_MODES: ReadonlySet<string> = new Set(['chat', 'completion', 'responses']);
const NOT_MODELS: ReadonlySet<string> = new Set(['sample_spec', 'last_updated']);


export const RawLiteLlmEntry = z.object({
  litellm_provider: z.string().min(1),
  mode: z.string().nullish(),
  max_input_tokens: TokenCountOrZero.nullish(),
  max_output_tokens: TokenCountOrZero.nullish(),
  max_tokens: TokenCountOrZero.nullish(),
  tiered_pricing: z.array(PlainObject).nullish(),
});
export type RawLiteLlmEntry = z.infer<typeof RawLiteLlmEntry>;

/** LiteLLM's per-token cost keys and the dimension each prices. */
export const LITELLM_TOKEN_KEYS: Readonly<Record<string, TokenPriceKey>> = {
  input_cost_per_token: 'input',
  output_cost_per_token: 'output',
  cache_read_input_token_cost: 'cacheRead',
  cache_creation_input_token_cost: 'cacheWrite',
  cache_creation_input_token_cost_above_1hr: 'cacheWrite1h',
  output_cost_per_reasoning_token: 'reasoning',
  input_cost_per_audio_token: 'audioInput',
  cache_read_input_audio_token_cost: 'audioCacheRead',
  output_cost_per_audio_token: 'audioOutput',
  output_cost_per_image_token: 'imageOutput',
};

/** LiteLLM's per-unit cost keys (USD per request, per input image). */
export const LITELLM_UNIT_KEYS: Readonly<Record<string, UnitPriceKey>> = {
  input_cost_per_request: 'request',
  input_cost_per_image: 'image',
};

/**
 * "input_cost_per_token_above_200k_tokens": the same dimension for prompts *above* 200,000 tokens (so
 * from 200,001; LiteLLM compares prompt_tokens > threshold). `tiered_pricing` ranges likewise start
 * above their lower bound.
 */
const ABOVE_TOKENS = /^(.+)_above_(\d+)k_tokens$/;

interface PriceParts {
  base: Partial<Record<TokenPriceKey, Price>>;
  perUnit: Partial<Record<UnitPriceKey, Price>>;
  tiers: Map<number, PriceTier>;
  unknown: Record<string, string>;
}

function tierAt(parts: PriceParts, minPromptTokens: number): PriceTier {
  const tier = parts.tiers.get(minPromptTokens) ?? { minPromptTokens, perMillionTokens: {} };
  parts.tiers.set(minPromptTokens, tier);
  return tier;
}

/**
 * Every `*cost*` key of an entry: known per-token and per-unit keys become dimensions, `_above_Nk_tokens`
 * keys and `tiered_pricing` ranges become tiers (from N·1000 + 1 prompt tokens), and every other cost
 * key (batch, priority and flex service tiers, per-second, per-character…) is kept verbatim in
 * `unknown`.
 */
export function liteLlmPricing(entry: Record<string, unknown>, problems: PricingProblem[]) {
  const parts: PriceParts = { base: {}, perUnit: {}, tiers: new Map(), unknown: {} };
  for (const [key, value] of Object.entries(entry)) {
    if (!key.includes('cost') || key === 'tiered_pricing') continue;
    const token = ownKey(LITELLM_TOKEN_KEYS, key);
    const unit = ownKey(LITELLM_UNIT_KEYS, key);
    const above = ABOVE_TOKENS.exec(key);
    const aboveDimension = above ? ownKey(LITELLM_TOKEN_KEYS, above[1]!) : undefined;
    if (token) assign(parts.base, token, convert(key, problems, () => perTokenNumberToPerMillion(value)));
    else if (unit) assign(parts.perUnit, unit, convert(key, problems, () => numberToDecimal(value)));
    else if (above && aboveDimension) {
      const minPromptTokens = Number(above[2]) * 1000 + 1;
      assign(tierAt(parts, minPromptTokens).perMillionTokens, aboveDimension, convert(key, problems, () => perTokenNumberToPerMillion(value)));
    } else parts.unknown[key] = typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
  readTieredPricing(entry.tiered_pricing, parts, problems);
  const hasInput = parts.base.input !== undefined;
  const hasOutput = parts.base.output !== undefined;
  if (!hasInput && !hasOutput && parts.tiers.size === 0) return null;
  // LiteLLM's own arithmetic counts an unlisted per-token cost as 0 (Pegasus bills video seconds, kept
  // in `unknown`, and no input tokens).
  return pricingFrom(parts.base, parts.perUnit, [...parts.tiers.values()], parts.unknown, '0');
}

/** `tiered_pricing: [{range: [0, 256000], input_cost_per_token…}, {range: [256000, 1000000], …}]`. */
function readTieredPricing(value: unknown, parts: PriceParts, problems: PricingProblem[]): void {
  if (!Array.isArray(value)) return;
  value.forEach((range: Record<string, unknown>, i) => {
    const field = `tiered_pricing[${i}]`;
    const start = Array.isArray(range.range) ? range.range[0] : undefined;
    if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0 || start >= MAX_TOKEN_COUNT) {
      problems.push({ field: `${field}.range`, message: `${JSON.stringify(range.range) ?? 'undefined'} does not start at a token count below ${MAX_TOKEN_COUNT}` });
      return;
    }
    for (const [key, price] of Object.entries(range)) {
      const dimension = ownKey(LITELLM_TOKEN_KEYS, key);
      if (key === 'range') continue;
      if (!dimension) {
        parts.unknown[`${field}.${key}`] = JSON.stringify(price);
        continue;
      }
      const converted = convert(`${field}.${key}`, problems, () => perTokenNumberToPerMillion(price));
      // The range that starts at 0 holds the base prices; the entry's own keys, where stated, win.
      if (start === 0) parts.base[dimension] ??= converted;
      else assign(tierAt(parts, start + 1).perMillionTokens, dimension, converted);
    }
  });
}

function assign<K extends string>(target: Partial<Record<K, Price>>, key: K, value: Price | undefined): void {
  if (value !== undefined) target[key] = value;
}

/**
 * The id the provider's API takes: the key without its provider prefix ("mistral/open-mixtral-8x7b" →
 * "open-mixtral-8x7b"; "vertex_ai/claude…" for provider "vertex_ai-anthropic_models" → "claude…").
 * A bare key is already that id.
 */
export function liteLlmProviderModelId(key: string, provider: string): string {
  const slash = key.indexOf('/');
  if (slash === -1) return key;
  const prefix = key.slice(0, slash);
  return prefix === provider || provider.startsWith(`${prefix}-`) || provider.startsWith(`${prefix}_`) ? key.slice(slash + 1) : key;
}

export function readLiteLlmFile(file: string, date: string, body: unknown, repeats = new RepeatedEntries()): SourceListing {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new UnusableInputError(`${file}: expected LiteLLM's {"<model key>": {"litellm_provider": …}} map, got ${describeShape(body)}`);
  }
  const log = new EntryLog(file);
  const entries: ListingEntry[] = [];
  const providers = new Set<string>();
  const known = repeats.scope('');
  Object.entries(body).forEach(([key, raw], index) => {
    if (NOT_MODELS.has(key)) {
      log.skip('not a model (schema sample or copy date)', key);
      return;
    }
    // A skipped entry is a note in the log, so it is read again in every file (never taken over).
    const entry = repeats.readOrRepeat(known, key, raw, index, log, () => {
      const read = readEntry(log, index, key, raw);
      return read === 'skipped' ? null : read;
    });
    if (entry === null) return;
    providers.add(entry.providerId);
    entries.push(entry);
  });
  return log.listing({ source: 'litellm', date, completeFor: [...providers].sort(), entries });
}

function readEntry(log: EntryLog, index: number, key: string, raw: unknown): ListingEntry | null | 'skipped' {
  const entry = log.parse(RawLiteLlmEntry, raw, index, key);
  if (!entry) return null;
  if (!entry.mode) {
    log.skip('no mode (a price class, not a model)', key);
    return 'skipped';
  }
  if (!LITELLM_KEPT_MODES.has(entry.mode)) {
    log.skip(`mode ${entry.mode}`, key);
    return 'skipped';
  }
  const providerModelId = liteLlmProviderModelId(key, entry.litellm_provider);
  if (!log.usableId(index, key, 'key')) return null;
  const problems: PricingProblem[] = [];
  // The schema keeps only the fields it names; prices are read from every `*cost*` key of the raw entry.
  const pricing = liteLlmPricing(raw as Record<string, unknown>, problems);
  if (!log.clean(index, key, problems)) return null;
  return {
    ...unstatedEntry(),
    providerId: entry.litellm_provider,
    providerModelId,
    key,
    index,
    keys: entry.litellm_provider === 'openrouter' ? { openRouterId: providerModelId } : {},
    pricing,
    contextLength: entry.max_input_tokens || null,
    maxOutputTokens: entry.max_output_tokens || null,
  };
}
