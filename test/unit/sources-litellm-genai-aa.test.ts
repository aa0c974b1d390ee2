import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { liteLlmProviderModelId, readLiteLlmFile } from '../../src/lib/data/sources/litellm.ts';
import { readGenaiPricesFile } from '../../src/lib/data/sources/genai-prices.ts';
import { readArtificialAnalysisFile } from '../../src/lib/data/sources/artificial-analysis.ts';
import { UnusableInputError } from '../../src/lib/data/sources/source-file.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/upstream/readers/${name}`, 'utf8'));
const raw = (name: string) => JSON.parse(readFileSync(`data/raw/${name}`, 'utf8'));

describe('LiteLLM reader', () => {
  const listing = readLiteLlmFile('litellm/litellm-2026-08-01.json', '2026-08-01', fixture('litellm-2026-08-01.json'));
  const entry = (key: string) => listing.entries.find((e) => e.key === key)!;

  it('keeps chat-like models and counts what it skips, by reason', () => {
    expect(listing.entries.map((e) => e.key).sort()).toEqual([
      'dashscope/qwen-flash',
      'gemini/gemini-2.5-pro',
      'mistral/open-mixtral-8x7b',
      'openrouter/mistralai/mistral-7b-instruct',
      'twelvelabs.pegasus-1-2-v1:0',
      'vertex_ai/claude-opus-4-5@20251101',
    ]);
    expect(listing.skipped).toEqual([
      { reason: 'mode embedding', count: 1, examples: ['text-embedding-3-small'] },
      { reason: 'no mode (a price class, not a model)', count: 1, examples: ['fireworks-ai-up-to-4b'] },
      { reason: 'not a model (schema sample or copy date)', count: 1, examples: ['sample_spec'] },
    ]);
    expect(listing.rejected).toEqual([]);
    expect(listing.completeFor).toEqual(['bedrock', 'dashscope', 'gemini', 'mistral', 'openrouter', 'vertex_ai-anthropic_models']);
  });

  it('converts per-token numbers to exact per-million decimals (SOURCES.md: mistral/open-mixtral-8x7b 7e-07)', () => {
    expect(entry('mistral/open-mixtral-8x7b')).toMatchObject({ providerId: 'mistral', providerModelId: 'open-mixtral-8x7b', contextLength: 32000, maxOutputTokens: 8191 });
    expect(entry('mistral/open-mixtral-8x7b').pricing!.perMillionTokens).toEqual({ input: '0.7', output: '0.7' });
    expect(entry('openrouter/mistralai/mistral-7b-instruct').pricing!.perMillionTokens).toEqual({ input: '0.13', output: '0.13' });
    expect(entry('openrouter/mistralai/mistral-7b-instruct').keys.openRouterId).toBe('mistralai/mistral-7b-instruct');
    expect(entry('vertex_ai/claude-opus-4-5@20251101')).toMatchObject({ providerModelId: 'claude-opus-4-5@20251101' });
    expect(entry('vertex_ai/claude-opus-4-5@20251101').pricing!.perMillionTokens).toEqual({ input: '5', output: '25', cacheRead: '0.5', cacheWrite: '6.25', cacheWrite1h: '10' });
  });

  it('turns *_above_200k_tokens keys and tiered_pricing ranges into tiers, and keeps service-tier prices verbatim', () => {
    const gemini = entry('gemini/gemini-2.5-pro').pricing!;
    expect(gemini.perMillionTokens).toEqual({ input: '1.25', output: '10', cacheRead: '0.125' });
    expect(gemini.tiers).toEqual([{ minPromptTokens: 200001, perMillionTokens: { input: '2.5', output: '15', cacheRead: '0.25' } }]);
    expect(gemini.unknown).toMatchObject({ input_cost_per_token_priority: '0.00000125', input_cost_per_token_above_200k_tokens_priority: '0.0000025' });
    const qwen = entry('dashscope/qwen-flash').pricing!;
    expect(qwen.perMillionTokens).toEqual({ input: '0.05', output: '0.4' });
    expect(qwen.tiers).toEqual([{ minPromptTokens: 256001, perMillionTokens: { input: '0.25', output: '2' } }]);
  });

  it('counts an unlisted per-token cost as 0, as LiteLLM does, keeping the video-second price', () => {
    expect(entry('twelvelabs.pegasus-1-2-v1:0').pricing!.perMillionTokens).toEqual({ input: '0', output: '7.5' });
    expect(entry('twelvelabs.pegasus-1-2-v1:0').pricing!.unknown).toEqual({ input_cost_per_video_per_second: '0.00049' });
  });

  it('rejects a bad entry by key and field, keeps the rest, and refuses a file that is not a map', () => {
    const bad = readLiteLlmFile('l.json', '2026-01-01', {
      'a/ok': { litellm_provider: 'a', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
      'a/string': { litellm_provider: 'a', mode: 'chat', input_cost_per_token: '1e-6' },
      'a/huge': { litellm_provider: 'a', mode: 'chat', input_cost_per_token: 5, output_cost_per_token: 1 },
      'a/context': { litellm_provider: 'a', mode: 'chat', max_input_tokens: 2 ** 53 - 1 },
      'a/../b': { litellm_provider: 'a', mode: 'chat' },
      nothing: { mode: 'chat' },
    });
    expect(bad.entries.map((e) => [e.key, e.pricing?.perMillionTokens])).toEqual([['a/ok', { input: '1', output: '2' }]]);
    expect(bad.rejected.map((r) => `${r.index} ${r.id} ${r.field}`)).toEqual(['1 a/string input_cost_per_token', '2 a/huge input_cost_per_token', '3 a/context max_input_tokens', '4 a/../b key', '5 nothing litellm_provider']);
    expect(() => readLiteLlmFile('l.json', '2026-01-01', [1])).toThrow(UnusableInputError);
  });

  it('strips only the provider prefix from keys', () => {
    expect(liteLlmProviderModelId('gpt-4o', 'openai')).toBe('gpt-4o');
    expect(liteLlmProviderModelId('bedrock/us-east-1/mistral.mistral-7b-instruct-v0:2', 'bedrock')).toBe('us-east-1/mistral.mistral-7b-instruct-v0:2');
    expect(liteLlmProviderModelId('high/1024-x-1024/gpt-image-1.5', 'openai')).toBe('high/1024-x-1024/gpt-image-1.5');
  });

  it('reads all seven real cost maps, counting its skips', () => {
    for (const date of ['2025-03-31', '2025-06-28', '2025-09-30', '2025-12-28', '2026-03-29', '2026-06-28', '2026-08-01']) {
      const body = raw(`litellm/litellm-${date}.json`);
      const read = readLiteLlmFile(`litellm/litellm-${date}.json`, date, body);
      const skipped = read.skipped.reduce((n, s) => n + s.count, 0);
      expect(read.entries.length + skipped + read.rejected.length, date).toBe(Object.keys(body).length);
      expect(read.entries.length, date).toBeGreaterThan(700);
    }
  });
});

describe('genai-prices reader', () => {
  const listing = readGenaiPricesFile('genai-prices/genai-prices-v2-2026-08-21.json', '2026-08-21', fixture('genai-prices-v2-2026-08-21.json'));
  const entry = (key: string) => listing.entries.find((e) => e.key === key)!;

  it('takes the price in force on the file date and keeps the others verbatim', () => {
    // From 2026-03-13 Claude Opus 4.6 has one price at every prompt length; the earlier tiered set is kept aside.
    const opus = entry('anthropic/claude-opus-4-6').pricing!;
    expect(opus.perMillionTokens).toEqual({ input: '5', output: '25', cacheRead: '0.5', cacheWrite: '6.25', cacheWrite1h: '10' });
    expect(opus.perUnit).toEqual({ webSearch: '0.01' });
    expect(opus.tiers).toEqual([]);
    expect(Object.keys(opus.unknown)).toEqual(['prices[0]']);
    // Claude Sonnet 5's 2026-09-01 price is not in force on 2026-08-21.
    expect(entry('anthropic/claude-sonnet-5').pricing!.perMillionTokens).toMatchObject({ input: '2', output: '10' });
    expect(JSON.parse(entry('anthropic/claude-sonnet-5').pricing!.unknown['prices[1]']!).constraint).toEqual({ start_date: '2026-09-01' });
    // DeepSeek's unconditional price; the 00:30–16:30 UTC set is kept aside, not mistaken for the price.
    expect(entry('deepseek/deepseek-chat').pricing!.perMillionTokens).toEqual({ input: '0.135', output: '0.55', cacheRead: '0.035' });
    expect(entry('deepseek/deepseek-chat').contextLength).toBe(64000);
  });

  it('reads tiered prices as tiers from their start', () => {
    const before = readGenaiPricesFile('g.json', '2026-01-01', fixture('genai-prices-v2-2026-08-21.json'));
    const opus = before.entries.find((e) => e.key === 'anthropic/claude-opus-4-6')!.pricing!;
    expect(opus.perMillionTokens).toMatchObject({ input: '5', output: '25' });
    expect(opus.tiers).toEqual([{ minPromptTokens: 200000, perMillionTokens: { input: '10', output: '37.5', cacheRead: '1', cacheWrite: '12.5', cacheWrite1h: '20' } }]);
  });

  it('names its providers and rejects a bad model by provider and field', () => {
    expect(listing.providers.map((p) => p.id)).toEqual(['anthropic', 'deepseek', 'mistral', 'openai']);
    expect(listing.completeFor).toEqual(['anthropic', 'deepseek', 'mistral', 'openai']);
    const bad = readGenaiPricesFile('g.json', '2026-08-21', [
      { id: 'p', name: 'P', models: [{ id: 'a', match: {}, prices: { input_mtok: 'x' } }, { id: 'b', match: {}, prices: { input_mtok: 1, output_mtok: 2 }, context_window: 1e300 }, { id: 'c', match: {}, prices: { input_mtok: 1 } }] },
    ]);
    expect(bad.rejected.map((r) => `${r.id} ${r.field}`)).toEqual(['p/a prices.input_mtok', 'p/b context_window']);
    // genai-prices bills only what a set lists: no output price is an output that costs nothing.
    expect(bad.entries.map((e) => e.pricing!.perMillionTokens)).toEqual([{ input: '1', output: '0' }]);
    expect(() => readGenaiPricesFile('g.json', '2026-08-21', { providers: [] })).toThrow(/g\.json: expected genai-prices' array of providers/);
  });

  it('reads the real file: 36 providers, nothing rejected', () => {
    const real = readGenaiPricesFile('genai-prices/genai-prices-v2-2026-08-21.json', '2026-08-21', raw('genai-prices/genai-prices-v2-2026-08-21.json'));
    expect(real.providers).toHaveLength(36);
    expect(real.rejected).toEqual([]);
    expect(real.entries.find((e) => e.key === 'mistral/codestral')!.pricing!.perMillionTokens).toEqual({ input: '0.3', output: '0.9' });
  });
});

describe('Artificial Analysis reader', () => {
  it('reads figures per model with attribution, null where AA has none', () => {
    const listing = readArtificialAnalysisFile('a.json', '2026-07-31', fixture('aa-llms-models-2026-07-31.json'));
    expect(listing.attribution).toEqual({ name: 'Artificial Analysis', url: 'https://artificialanalysis.ai/' });
    expect(listing.models[0]).toEqual({
      aaId: 'f0083258-8646-45b8-8082-7aaf6c2ea82a',
      slug: 'gpt-oss-120b',
      name: 'gpt-oss-120b (high)',
      creatorSlug: 'openai',
      creatorName: 'OpenAI',
      releaseDate: '2025-08-05',
      intelligenceIndex: 23.8,
      codingIndex: 30.4,
      mathIndex: 93.4,
      outputTokensPerSecond: 193.41,
      timeToFirstTokenSeconds: 0.551,
      index: 0,
    });
    expect(listing.models[1]).toMatchObject({ slug: 'gpt-5-5-pro', intelligenceIndex: null, codingIndex: null });
  });

  it('rejects out-of-range figures and duplicate slugs, and refuses another envelope', () => {
    const base = { id: 'x', name: 'X', slug: 'x', model_creator: { slug: 'c' } };
    const listing = readArtificialAnalysisFile('a.json', '2026-07-31', {
      data: [base, { ...base, slug: 'y', evaluations: { artificial_analysis_intelligence_index: 1e300 } }, { ...base, slug: 'z', median_output_tokens_per_second: -1 }, base, { ...base, slug: 'w', release_date: '2025' }],
    });
    expect(listing.models.map((m) => m.slug)).toEqual(['x']);
    expect(listing.rejected.map((r) => `${r.index} ${r.id} ${r.field}`)).toEqual([
      '1 y evaluations.artificial_analysis_intelligence_index',
      '2 z median_output_tokens_per_second',
      '3 x slug',
      '4 w release_date',
    ]);
    expect(() => readArtificialAnalysisFile('a.json', '2026-07-31', [])).toThrow(/a\.json: expected Artificial Analysis' \{"data": \[\.\.\.\]\} response, got an array/);
  });
});
