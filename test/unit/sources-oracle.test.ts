/**
 * An independent oracle over every entry of every source's newest raw file: the listing's prices and
 * context must equal the raw values converted here by moving the decimal point in the number's text
 * as written in the file (JSON.parse source-text access), with no big.js and nothing from
 * src/lib/data/price-units.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readOpenRouterModelsFile } from '../../src/lib/data/sources/openrouter-models.ts';
import { readOpenRouterEndpointsFile } from '../../src/lib/data/sources/openrouter-endpoints.ts';
import { readModelsDevFile } from '../../src/lib/data/sources/models-dev.ts';
import { readLiteLlmFile } from '../../src/lib/data/sources/litellm.ts';
import { readGenaiPricesFile } from '../../src/lib/data/sources/genai-prices.ts';
import { readArtificialAnalysisFile } from '../../src/lib/data/sources/artificial-analysis.ts';
import type { ListingEntry, SourceListing } from '../../src/lib/data/sources/listing.ts';

/** "7e-7" shifted 6 places → "0.7"; "0.00000054" → "0.54"; "1.50" shifted 0 → "1.5". Digits only. */
function shift(text: string, places: number): string {
  if (text === '-1') return 'variable'; // OpenRouter's "price decided per request" (openrouter/auto)
  const match = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) throw new Error(`oracle cannot read ${text}`);
  const [, int, frac = '', exp = '0'] = match;
  const digits = int! + frac;
  const point = int!.length + Number(exp) + places;
  let whole: string;
  let fraction: string;
  if (point <= 0) [whole, fraction] = ['0', '0'.repeat(-point) + digits];
  else if (point >= digits.length) [whole, fraction] = [digits + '0'.repeat(point - digits.length), ''];
  else [whole, fraction] = [digits.slice(0, point), digits.slice(point)];
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** A JSON file with every number replaced by its source text, as written. */
const NUMBER = Symbol('number');
type Raw = { [NUMBER]: string } | string | boolean | null | Raw[] | { [key: string]: Raw };
function parseWithNumberText(text: string): any {
  return JSON.parse(text, (_key, value, context?: { source?: string }) => (typeof value === 'number' ? { [NUMBER]: context!.source! } : value));
}
const num = (raw: Raw | undefined): string | undefined => (raw && typeof raw === 'object' && NUMBER in raw ? (raw as { [NUMBER]: string })[NUMBER] : undefined);
const int = (raw: Raw | undefined): number | null => (num(raw) === undefined ? null : Number(num(raw)));

function load(file: string): { text: string; body: unknown } {
  const bytes = readFileSync(`data/raw/${file}`);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return { text, body: JSON.parse(text) };
}

function byKey(listing: SourceListing): Map<string, ListingEntry> {
  return new Map(listing.entries.map((e) => [e.key, e]));
}

const RECENT = {
  openrouter: 'openrouter/openrouter-models-2026-08-22.json',
  endpoints: 'openrouter-endpoints/models-with-endpoints-2026-07-22.json',
  modelsDev: 'models-dev/models-dev-api-2026-08-22.json.gz',
  litellm: 'litellm/litellm-2026-08-01.json',
  genai: 'genai-prices/genai-prices-v2-2026-08-21.json',
  aa: 'artificial-analysis/aa-llms-models-2026-07-31.json',
};

describe('every entry of every newest raw file, against an independent conversion', () => {
  it('OpenRouter models 2026-08-22: per-token strings shifted six places, tiers included', () => {
    const { body } = load(RECENT.openrouter);
    const { listing } = readOpenRouterModelsFile(RECENT.openrouter, '2026-08-22', body);
    const entries = byKey(listing);
    const raw = (body as { data: any[] }).data;
    expect(listing.rejected).toEqual([]);
    expect(entries.size).toBe(raw.length);
    const dimension: Record<string, string> = { prompt: 'input', completion: 'output', input_cache_read: 'cacheRead', input_cache_write: 'cacheWrite', input_cache_write_1h: 'cacheWrite1h' };
    let tiers = 0;
    for (const model of raw) {
      const entry = entries.get(model.id)!;
      expect(entry.contextLength, model.id).toBe(model.context_length ?? model.top_provider?.context_length ?? null);
      for (const [key, name] of Object.entries(dimension)) {
        if (model.pricing[key] !== undefined) expect((entry.pricing!.perMillionTokens as Record<string, string>)[name], `${model.id} ${key}`).toBe(shift(model.pricing[key], 6));
      }
      for (const override of model.pricing.overrides ?? []) {
        if (override.min_prompt_tokens === undefined) continue;
        const tier = entry.pricing!.tiers.find((t) => t.minPromptTokens === override.min_prompt_tokens)!;
        expect(tier.perMillionTokens.input, model.id).toBe(shift(override.prompt, 6));
        expect(tier.perMillionTokens.output, model.id).toBe(shift(override.completion, 6));
        tiers += 1;
      }
    }
    expect(tiers).toBeGreaterThan(0);
  });

  it('OpenRouter endpoints 2026-07-22: every endpoint of every model, context 0 read as not stated', () => {
    const { body } = load(RECENT.endpoints);
    const listing = readOpenRouterEndpointsFile(RECENT.endpoints, '2026-07-22', body);
    const entries = byKey(listing);
    const rejectedKeys = new Set(listing.rejected.map((r) => `${r.id} ${r.field.slice(0, r.field.indexOf('.'))}`));
    let checked = 0;
    for (const model of (body as { models: any[] }).models) {
      const seenTags = new Map<string, number>();
      model.endpoints.forEach((endpoint: any, position: number) => {
        const handle = endpoint.tag || endpoint.provider_name;
        const nth = (seenTags.get(handle) ?? 0) + 1;
        seenTags.set(handle, nth);
        if (rejectedKeys.has(`${model.id} endpoints[${position}]`)) return;
        const entry = entries.get(`${model.id}@${handle}${nth > 1 ? `#${nth}` : ''}`)!;
        expect(entry.pricing!.perMillionTokens.input, `${model.id} ${handle}`).toBe(shift(endpoint.pricing.prompt, 6));
        expect(entry.pricing!.perMillionTokens.output, `${model.id} ${handle}`).toBe(shift(endpoint.pricing.completion, 6));
        expect(entry.contextLength).toBe(endpoint.context_length || null);
        expect(entry.uptime?.percent ?? null).toBe(endpoint.uptime_last_30m ?? null);
        checked += 1;
      });
    }
    expect(checked).toBe(listing.entries.length);
    expect(checked).toBeGreaterThan(1000);
  });

  it('models.dev 2026-08-22: per-million numbers as written, every provider, tiers from their stated size', () => {
    const { text, body } = load(RECENT.modelsDev);
    const listing = readModelsDevFile(RECENT.modelsDev, '2026-08-22', body);
    const entries = byKey(listing);
    const raw = parseWithNumberText(text) as Record<string, { models: Record<string, any> }>;
    expect(listing.completeFor).toEqual(Object.keys(raw).sort());
    const rejected = new Set(listing.rejected.map((r) => r.id));
    let checked = 0;
    for (const [providerId, provider] of Object.entries(raw)) {
      for (const [modelId, model] of Object.entries(provider.models)) {
        const key = `${providerId}/${modelId}`;
        if (rejected.has(key)) continue;
        const entry = entries.get(key)!;
        const context = int(model.limit.context);
        expect(entry.contextLength, key).toBe(context === 0 ? null : context);
        if (!model.cost) expect(entry.pricing, key).toBeNull();
        else {
          const prices = entry.pricing!.perMillionTokens as Record<string, string>;
          for (const [name, field] of [['input', 'input'], ['output', 'output'], ['cache_read', 'cacheRead'], ['cache_write', 'cacheWrite']] as const) {
            if (model.cost[name] !== undefined) expect(prices[field], `${key} ${name}`).toBe(shift(num(model.cost[name])!, 0));
          }
          for (const tier of model.cost.tiers ?? []) {
            const stated = entry.pricing!.tiers.find((t) => t.minPromptTokens === int(tier.tier.size))!;
            expect(stated.perMillionTokens.input, key).toBe(shift(num(tier.input)!, 0));
          }
        }
        checked += 1;
      }
    }
    expect(checked).toBe(listing.entries.length);
    expect(checked + listing.rejected.length).toBe(7250);
  });

  it('LiteLLM 2026-08-01: per-token numbers shifted six places, for every chat, completion and responses entry', () => {
    const { text, body } = load(RECENT.litellm);
    const listing = readLiteLlmFile(RECENT.litellm, '2026-08-01', body);
    const entries = byKey(listing);
    const raw = parseWithNumberText(text) as Record<string, any>;
    let checked = 0;
    for (const [key, entry] of Object.entries(raw)) {
      if (!['chat', 'completion', 'responses'].includes(entry?.mode) || typeof entry.litellm_provider !== 'string') continue;
      const listed = entries.get(key)!;
      expect(listed.contextLength, key).toBe(int(entry.max_input_tokens) || null);
      const input = num(entry.input_cost_per_token);
      const output = num(entry.output_cost_per_token);
      if (input === undefined && output === undefined && !entry.tiered_pricing) expect(listed.pricing, key).toBeNull();
      if (input !== undefined) expect(listed.pricing!.perMillionTokens.input, key).toBe(shift(input, 6));
      if (output !== undefined) expect(listed.pricing!.perMillionTokens.output, key).toBe(shift(output, 6));
      const above = num(entry.input_cost_per_token_above_200k_tokens);
      if (above !== undefined) expect(listed.pricing!.tiers.find((t) => t.minPromptTokens === 200_001)!.perMillionTokens.input, key).toBe(shift(above, 6));
      checked += 1;
    }
    expect(checked).toBe(listing.entries.length);
    expect(listing.rejected.map((r) => r.id)).toEqual(['fallback_generalizations']);
  });

  it('genai-prices 2026-08-21: per-million numbers, the price set in force on the file date', () => {
    const { text, body } = load(RECENT.genai);
    const date = '2026-08-21';
    const listing = readGenaiPricesFile(RECENT.genai, date, body);
    const entries = byKey(listing);
    const raw = parseWithNumberText(text) as { id: string; models: any[] }[];
    let checked = 0;
    for (const provider of raw) {
      for (const model of provider.models) {
        const key = `${provider.id}/${model.id}`;
        const sets: any[] = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
        // In force: the latest set dated on or before the file's date, else the one with no condition.
        const dated = sets.filter((s) => s.constraint?.start_date && Object.keys(s.constraint).length === 1 && s.constraint.start_date <= date);
        const inForce = dated.sort((a, b) => (a.constraint.start_date < b.constraint.start_date ? -1 : 1)).pop() ?? sets.find((s) => !s.constraint);
        const entry = entries.get(key)!;
        expect(entry.contextLength, key).toBe(int(model.context_window));
        const input = inForce.prices.input_mtok;
        if (input === undefined) continue;
        expect(entry.pricing!.perMillionTokens.input, key).toBe(shift(num(input) ?? num(input.base)!, 0));
        const output = inForce.prices.output_mtok;
        if (output !== undefined) expect(entry.pricing!.perMillionTokens.output, key).toBe(shift(num(output) ?? num(output.base)!, 0));
        checked += 1;
      }
    }
    expect(listing.rejected).toEqual([]);
    expect(checked).toBeGreaterThan(1200);
  });

  it('Artificial Analysis 2026-07-31: every model\'s indices, speed and time to first token as stated', () => {
    const { body } = load(RECENT.aa);
    const listing = readArtificialAnalysisFile(RECENT.aa, '2026-07-31', body);
    const raw = (body as { data: any[] }).data;
    expect(listing.rejected).toEqual([]);
    expect(listing.models).toHaveLength(raw.length);
    const bySlug = new Map(listing.models.map((m) => [m.slug, m]));
    for (const model of raw) {
      const figures = bySlug.get(model.slug)!;
      expect(figures.intelligenceIndex).toBe(model.evaluations.artificial_analysis_intelligence_index);
      expect(figures.codingIndex).toBe(model.evaluations.artificial_analysis_coding_index);
      expect(figures.mathIndex).toBe(model.evaluations.artificial_analysis_math_index);
      expect(figures.outputTokensPerSecond).toBe(model.median_output_tokens_per_second);
      expect(figures.timeToFirstTokenSeconds).toBe(model.median_time_to_first_token_seconds);
      expect(figures.creatorSlug).toBe(model.model_creator.slug);
    }
  });
});

describe('the oracle itself', () => {
  it('shifts hand-worked examples', () => {
    expect(shift('0.00000054', 6)).toBe('0.54');
    expect(shift('7e-7', 6)).toBe('0.7');
    expect(shift('1.25e-7', 6)).toBe('0.125');
    expect(shift('0.000002', 6)).toBe('2');
    expect(shift('1.50', 0)).toBe('1.5');
    expect(shift('10', 0)).toBe('10');
    expect(shift('0', 6)).toBe('0');
  });
});
