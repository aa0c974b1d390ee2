/**
 * Prices read straight from the recorded upstream files under data/raw/, with parsing of their own
 * (no code from src/), for tests whose expected figures must not come from the committed catalog.
 * Each function returns prices in USD per 1M tokens (per unit for request fees) as plain decimal
 * strings, in the shape test/support/reference-pricing.ts takes.
 */
import { readdirSync, readFileSync } from 'node:fs';
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
    if (typeof value === 'number') prices[name] = decimalOfNumber(value);
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
    const size = (tier.tier as { size?: unknown } | undefined)?.size;
    if (typeof size === 'number') tiers.push({ minPromptTokens: size + 1, perMillionTokens: modelsDevTokenPrices(tier) });
  }
  if (tiers.length === 0 && typeof cost.context_over_200k === 'object' && cost.context_over_200k !== null) {
    tiers.push({ minPromptTokens: 200_001, perMillionTokens: modelsDevTokenPrices(cost.context_over_200k as Costs) });
  }
  return { perMillionTokens, perUnit: {}, tiers, unknown: {} };
}

/** The OpenRouter listing as models.dev records it (its newest snapshot): model id → `cost`. */
export function modelsDevOpenRouterCosts(): Map<string, Costs> {
  const file = newestDatedFile('models-dev', 'openrouter-');
  if (!file) return new Map();
  const body = JSON.parse(readFileSync(file, 'utf8')) as { openrouter: { models: Record<string, { cost?: Costs }> } };
  return new Map(Object.entries(body.openrouter.models).flatMap(([id, m]) => (m.cost ? [[id, m.cost] as const] : [])));
}

/** The newest OpenRouter models snapshot: model id → its `pricing` object (USD per token as strings). */
export function openRouterSnapshotPricing(): Map<string, Record<string, string>> {
  const file = newestDatedFile('openrouter', 'openrouter-models-');
  if (!file) return new Map();
  const body = JSON.parse(readFileSync(file, 'utf8')) as { data: { id: string; pricing: Record<string, string> }[] };
  return new Map(body.data.map((m) => [m.id, m.pricing]));
}

/**
 * What OpenRouter charges for a model, from the raw files: the token prices and tiers models.dev
 * states (its snapshot is the newer one), and the per-request fee from OpenRouter's own snapshot.
 * Only for models whose other dimensions do not matter to the test using it.
 */
export function rawOpenRouterPricing(modelId: string): Pricing {
  const fromModelsDev = modelsDevOpenRouterCosts().get(modelId);
  const fromOpenRouter = openRouterSnapshotPricing().get(modelId);
  let pricing: Pricing;
  if (fromModelsDev) pricing = modelsDevPricing(fromModelsDev);
  else if (fromOpenRouter) {
    pricing = {
      perMillionTokens: {
        input: perTokenTextToPerMillion(fromOpenRouter.prompt ?? '0'),
        output: perTokenTextToPerMillion(fromOpenRouter.completion ?? '0'),
      },
      perUnit: {},
      tiers: [],
      unknown: {},
    };
    if (fromOpenRouter.input_cache_read) pricing.perMillionTokens.cacheRead = perTokenTextToPerMillion(fromOpenRouter.input_cache_read);
  } else throw new Error(`${modelId} is in neither raw OpenRouter listing`);
  const request = fromOpenRouter?.request;
  if (request && request !== '0') pricing.perUnit.request = request;
  return pricing;
}
