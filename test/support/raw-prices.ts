/**
 * Prices read straight from the recorded upstream files under data/raw/, with parsing of their own
 * (no code from src/), for tests whose expected figures must not come from the committed catalog.
 * Each function returns prices in USD per 1M tokens (per unit for request fees) as plain decimal
 * strings, in the shape test/support/reference-pricing.ts takes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { Pricing } from '../../src/lib/data/schema.ts';

export const RAW_DIR = path.resolve(import.meta.dirname, '../../data/raw');

/**
 * A JSON number as a plain decimal string. JSON.parse keeps the shortest text that reads back as the
 * same number, which for the prices upstream writes (0.075, 12.5) is the text of the file; exponent
 * forms (1e-7) are expanded by moving the point, never by arithmetic.
 */
export function decimalOfNumber(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new Error(`not a price: ${value}`);
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new Error(`unexpected number text ${text}`);
  const [, whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = whole + fraction;
  let point = whole.length + exponent;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) padded = digits + '0'.repeat(point - digits.length);
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = padded.slice(point).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/**
 * The README's rule for stated zeros: "0" and an absent key mean the same for a reasoning price (no
 * separate charge; reasoning is billed as output), while a stated zero cache price is a real price.
 */
function statedPrice(name: string, price: string): boolean {
  return name !== 'reasoning' || !/^0(\.0*)?$/.test(price);
}

/** "0.00000054" USD per token → "0.54" USD per 1M tokens, by moving the decimal point six places. */
export function perTokenTextToPerMillion(text: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a plain per-token price: ${text}`);
  const [, whole = '0', fraction = ''] = match;
  const digits = whole + fraction.padEnd(6, '0');
  const intPart = digits.slice(0, whole.length + 6).replace(/^0+(?=\d)/, '');
  const fracPart = digits.slice(whole.length + 6).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** The newest file of a folder whose names end in a date (`…-YYYY-MM-DD.json`). */
export function newestDatedFile(folder: string, prefix: string): string | undefined {
  const names = readdirSync(path.join(RAW_DIR, folder)).filter((n) => n.startsWith(prefix) && /\d{4}-\d{2}-\d{2}\.json$/.test(n));
  names.sort((a, b) => (a.slice(-15) < b.slice(-15) ? -1 : 1));
  const newest = names.at(-1);
  return newest === undefined ? undefined : path.join(RAW_DIR, folder, newest);
}

type Costs = Record<string, unknown>;

const MODELS_DEV_TOKEN_KEYS: Record<string, keyof Pricing['perMillionTokens']> = {
  input: 'input',
  output: 'output',
  cache_read: 'cacheRead',
  cache_write: 'cacheWrite',
  reasoning: 'reasoning',
};

function modelsDevTokenPrices(cost: Costs): Record<string, string> {
  const prices: Record<string, string> = {};
  for (const [key, name] of Object.entries(MODELS_DEV_TOKEN_KEYS)) {
    const value = cost[key];
    if (typeof value === 'number' && statedPrice(name, decimalOfNumber(value))) prices[name] = decimalOfNumber(value);
  }
  return prices;
}

/**
 * A models.dev `cost` object as prices: its token prices, and its context tiers. models.dev states a
 * tier by the context size it starts above (`tier.size`, or the older `context_over_200k`), so the
 * tier applies from size + 1 prompt tokens.
 */
export function modelsDevPricing(cost: Costs): Pricing {
  const perMillionTokens = modelsDevTokenPrices(cost) as Pricing['perMillionTokens'];
  const tiers: Pricing['tiers'] = [];
  const stated = Array.isArray(cost.tiers) ? (cost.tiers as Costs[]) : [];
  for (const tier of stated) {
    const { size, type } = (tier.tier ?? {}) as { size?: unknown; type?: unknown };
    if (typeof size === 'number' && type === 'context') tiers.push({ minPromptTokens: size + 1, perMillionTokens: modelsDevTokenPrices(tier) });
  }
  if (tiers.length === 0 && typeof cost.context_over_200k === 'object' && cost.context_over_200k !== null) {
    tiers.push({ minPromptTokens: 200_001, perMillionTokens: modelsDevTokenPrices(cost.context_over_200k as Costs) });
  }
  return { perMillionTokens, perUnit: {}, tiers, unknown: {} };
}

/** The OpenRouter listing as models.dev records it (in its newest full catalog): model id → `cost`. */
export function modelsDevOpenRouterCosts(): Map<string, Costs> {
  const catalogs = readdirSync(path.join(RAW_DIR, 'models-dev')).filter((n) => /^models-dev-api-\d{4}-\d{2}-\d{2}\.json(\.gz)?$/.test(n)).sort();
  const newest = catalogs.at(-1);
  if (!newest) return new Map();
  const body = readRawJson(`models-dev/${newest}`) as { openrouter?: { models: Record<string, { cost?: Costs }> } };
  return new Map(Object.entries(body.openrouter?.models ?? {}).flatMap(([id, m]) => (m.cost ? [[id, m.cost] as const] : [])));
}

/** The newest OpenRouter models snapshot: model id → its `pricing` object (USD per token as strings). */
export function openRouterSnapshotPricing(): Map<string, Record<string, unknown>> {
  const file = newestDatedFile('openrouter', 'openrouter-models-');
  if (!file) return new Map();
  const body = JSON.parse(readFileSync(file, 'utf8')) as { data: { id: string; pricing: Record<string, unknown> }[] } | { id: string; pricing: Record<string, unknown> }[];
  const data = Array.isArray(body) ? body : body.data;
  return new Map(data.map((m) => [m.id, m.pricing]));
}

const OPENROUTER_TOKEN_KEYS: Record<string, keyof Pricing['perMillionTokens']> = {
  prompt: 'input',
  completion: 'output',
  input_cache_read: 'cacheRead',
  input_cache_write: 'cacheWrite',
  internal_reasoning: 'reasoning',
};

function openRouterTokenPrices(raw: Record<string, unknown>): Record<string, string> {
  const prices: Record<string, string> = {};
  for (const [key, name] of Object.entries(OPENROUTER_TOKEN_KEYS)) {
    const value = raw[key];
    if (typeof value === 'string' && statedPrice(name, value)) prices[name] = perTokenTextToPerMillion(value);
  }
  return prices;
}

/**
 * An OpenRouter `pricing` object: token prices per token, the request fee per request, and
 * `overrides`, which OpenRouter applies once the prompt has at least `min_prompt_tokens` tokens.
 */
export function openRouterPricing(raw: Record<string, unknown>): Pricing {
  const pricing: Pricing = { perMillionTokens: openRouterTokenPrices(raw) as Pricing['perMillionTokens'], perUnit: {}, tiers: [], unknown: {} };
  if (typeof raw.request === 'string' && raw.request !== '0') pricing.perUnit.request = raw.request;
  const overrides = Array.isArray(raw.overrides) ? (raw.overrides as Record<string, unknown>[]) : [];
  for (const override of overrides) {
    if (typeof override.min_prompt_tokens === 'number') pricing.tiers.push({ minPromptTokens: override.min_prompt_tokens, perMillionTokens: openRouterTokenPrices(override) });
  }
  return pricing;
}

/**
 * What OpenRouter charges for a model, from the raw files: its own newest snapshot, or where that
 * lacks the model, the OpenRouter listing models.dev recorded. Only the token prices, tiers and the
 * request fee are read: tests using it use no other dimension.
 */
export function rawOpenRouterPricing(modelId: string): Pricing {
  const fromOpenRouter = openRouterSnapshotPricing().get(modelId);
  if (fromOpenRouter) return openRouterPricing(fromOpenRouter);
  const fromModelsDev = modelsDevOpenRouterCosts().get(modelId);
  if (fromModelsDev) return modelsDevPricing(fromModelsDev);
  throw new Error(`${modelId} is in neither raw OpenRouter listing`);
}

const rawFiles = new Map<string, unknown>();

/** A file under data/raw, gunzipped when it ends in .gz, parsed once per test run. */
export function readRawJson(file: string): unknown {
  let body = rawFiles.get(file);
  if (body === undefined) {
    const bytes = readFileSync(path.join(RAW_DIR, file));
    body = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
    rawFiles.set(file, body);
  }
  return body;
}

/** USD per token as a JSON number → USD per 1M tokens as a decimal string. */
function perTokenNumber(value: unknown): string | undefined {
  return typeof value === 'number' ? perTokenTextToPerMillion(decimalOfNumber(value)) : undefined;
}

const LITELLM_TOKEN_KEYS: Record<string, keyof Pricing['perMillionTokens']> = {
  input_cost_per_token: 'input',
  output_cost_per_token: 'output',
  cache_read_input_token_cost: 'cacheRead',
  cache_creation_input_token_cost: 'cacheWrite',
  output_cost_per_reasoning_token: 'reasoning',
};

/**
 * A LiteLLM entry's token prices. `<key>_above_<N>k_tokens` states the same price for prompts over
 * N × 1,000 tokens, so that tier applies from N × 1,000 + 1.
 */
export function liteLlmPricing(entry: Record<string, unknown>): Pricing {
  const perMillionTokens: Record<string, string> = {};
  const tiers = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(entry)) {
    const above = /^(.+)_above_(\d+)k_tokens$/.exec(key);
    const name = LITELLM_TOKEN_KEYS[above ? above[1]! : key];
    const price = perTokenNumber(value);
    if (!name || price === undefined || !statedPrice(name, price)) continue;
    if (above) {
      const from = Number(above[2]) * 1000 + 1;
      tiers.set(from, { ...tiers.get(from), [name]: price });
    } else perMillionTokens[name] = price;
  }
  // USD per request, as stated (no per-token scaling).
  const perRequest = entry.input_cost_per_request;
  return {
    perMillionTokens: perMillionTokens as Pricing['perMillionTokens'],
    perUnit: typeof perRequest === 'number' && perRequest > 0 ? { request: decimalOfNumber(perRequest) } : {},
    tiers: [...tiers].sort((a, b) => a[0] - b[0]).map(([minPromptTokens, prices]) => ({ minPromptTokens, perMillionTokens: prices })),
    unknown: {},
  };
}

/** Prices that state both input and output; others are not comparable without the pipeline's own choice. */
function complete(pricing: Pricing): Pricing | null {
  return pricing.perMillionTokens.input !== undefined && pricing.perMillionTokens.output !== undefined ? pricing : null;
}

/** The raw `cost` (models.dev) or entry (LiteLLM) behind a statement: `file` under data/raw and the source's `key`. */
export function rawStatementPricing(statement: { source: string; file: string; key: string }): Pricing | null {
  const body = readRawJson(statement.file);
  if (statement.source === 'models.dev') {
    const slash = statement.key.indexOf('/');
    const provider = (body as Record<string, { models?: Record<string, { cost?: Costs }> }>)[statement.key.slice(0, slash)];
    const cost = provider?.models?.[statement.key.slice(slash + 1)]?.cost;
    return cost ? complete(modelsDevPricing(cost)) : null;
  }
  if (statement.source === 'litellm') {
    const entry = (body as Record<string, Record<string, unknown>>)[statement.key];
    return entry ? complete(liteLlmPricing(entry)) : null;
  }
  return null;
}
