import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readOpenRouterModelsFile } from '../../src/lib/data/sources/openrouter-models.ts';
import { readOpenRouterEndpointsFile } from '../../src/lib/data/sources/openrouter-endpoints.ts';
import { readOpenRouterProvidersFile } from '../../src/lib/data/sources/openrouter-providers.ts';
import { UnusableInputError } from '../../src/lib/data/sources/source-file.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/upstream/readers/${name}`, 'utf8'));
const raw = (name: string) => JSON.parse(readFileSync(`data/raw/${name}`, 'utf8'));

/** A minimal valid models-API entry (the 2026-01-29 shape), to break one field at a time. */
function model(overrides: Record<string, unknown> = {}) {
  return {
    id: 'mistralai/mistral-nemo',
    name: 'Mistral: Mistral Nemo',
    created: 1721347200,
    context_length: 131072,
    architecture: { input_modalities: ['text'], output_modalities: ['text'], tokenizer: 'Mistral' },
    pricing: { prompt: '0.00000002', completion: '0.00000004' },
    ...overrides,
  };
}

describe('OpenRouter models reader', () => {
  it('reads all three envelopes of the recordings the same way', () => {
    const bare = readOpenRouterModelsFile('openrouter/bare-2026-02-27.json', '2026-02-27', fixture('openrouter-models-bare-array-2026-02-27.json'));
    const data = readOpenRouterModelsFile('openrouter/data-2026-05-31.json', '2026-05-31', fixture('openrouter-models-data-2026-05-31.json'));
    const counted = readOpenRouterModelsFile('openrouter/counted-2026-08-22.json', '2026-08-22', fixture('openrouter-models-fetchedat-count-2026-08-22.json'));
    expect(bare.models.map((m) => m.model.id)).toEqual(['mistralai/mistral-nemo', 'mistralai/mixtral-8x7b-instruct']);
    expect(data.models.map((m) => m.model.id).sort()).toEqual(['mistralai/mistral-nemo', 'openai/gpt-4o-mini']);
    expect(counted.models).toHaveLength(4);
    for (const read of [bare, data, counted]) {
      expect(read.listing.rejected).toEqual([]);
      expect(read.listing.completeFor).toEqual(['openrouter']);
      expect(read.listing.entries.every((e) => e.providerId === 'openrouter' && e.key === e.providerModelId)).toBe(true);
    }
    // SOURCES.md: Mixtral 8x7B Instruct listed up to 2026-04-30 at $0.54/$0.54.
    const mixtral = bare.listing.entries.find((e) => e.key === 'mistralai/mixtral-8x7b-instruct')!;
    expect(mixtral.pricing!.perMillionTokens).toMatchObject({ input: '0.54', output: '0.54' });
    expect(mixtral.contextLength).toBe(32768);
  });

  it('reads the 2026 fields: reasoning efforts, AA indices, knowledge cutoff, alias target, tiers and 1h cache writes', () => {
    const { models, listing } = readOpenRouterModelsFile('f-2026-08-22.json', '2026-08-22', fixture('openrouter-models-fetchedat-count-2026-08-22.json'));
    const byId = new Map(models.map((m) => [m.model.id, m.model]));
    const sonnet = byId.get('anthropic/claude-sonnet-4.5')!;
    expect(sonnet.benchmarks?.artificial_analysis).toMatchObject({ intelligence_index: 37.4, coding_index: 52.1, agentic_index: 26.4 });
    expect(sonnet.knowledge_cutoff).toBe('2025-01-31');
    expect(byId.get('~z-ai/glm-latest')!.alias_target?.slug).toBe('z-ai/glm-5.3');
    expect(byId.get('openai/gpt-5.6-luna')!.reasoning?.supported_efforts).toEqual(['max', 'xhigh', 'high', 'medium', 'low', 'none']);
    const sonnetEntry = listing.entries.find((e) => e.key === 'anthropic/claude-sonnet-4.5')!;
    // Hand-worked: $0.000006 per token = $6 per 1M; the tier from 200,000 prompt tokens doubles input.
    expect(sonnetEntry.pricing!.perMillionTokens).toMatchObject({ input: '3', output: '15', cacheRead: '0.3', cacheWrite: '3.75', cacheWrite1h: '6' });
    expect(sonnetEntry.pricing!.tiers).toEqual([{ minPromptTokens: 200000, perMillionTokens: { input: '6', output: '22.5', cacheRead: '0.6', cacheWrite: '7.5', cacheWrite1h: '12' } }]);
    expect(sonnetEntry.knowledgeCutoff).toBe('2025-01-31');
  });

  it('keeps time-of-day overrides verbatim instead of dropping the model', () => {
    const { listing } = readOpenRouterModelsFile('f-2026-08-22.json', '2026-08-22', fixture('openrouter-models-fetchedat-count-2026-08-22.json'));
    const deepseek = listing.entries.find((e) => e.key === 'deepseek/deepseek-v4-flash-vision-exp')!;
    expect(deepseek.pricing!.tiers).toEqual([]);
    expect(JSON.parse(deepseek.pricing!.unknown['overrides[0]']!)).toMatchObject({ utc_start: 1000, utc_end: 100, prompt: '0.00000022' });
    expect(Object.keys(deepseek.pricing!.unknown)).toHaveLength(4);
  });

  it('reads the real newest snapshot without rejecting anything', () => {
    const body = raw('openrouter/openrouter-models-2026-08-22.json');
    const { models, listing } = readOpenRouterModelsFile('openrouter/openrouter-models-2026-08-22.json', '2026-08-22', body);
    expect(models).toHaveLength(body.count);
    expect(listing.rejected).toEqual([]);
    expect(listing.entries.filter((e) => e.pricing!.tiers.length > 0).length).toBe(body.data.filter((m: any) => m.pricing.overrides?.some((o: any) => o.min_prompt_tokens)).length);
  });

  it('refuses a file that is none of the envelopes, or whose count says it was cut short', () => {
    expect(() => readOpenRouterModelsFile('openrouter/x-2026-01-01.json', '2026-01-01', { models: [] })).toThrow(
      /openrouter\/x-2026-01-01\.json: expected OpenRouter's models list .* got an object with keys models/,
    );
    expect(() => readOpenRouterModelsFile('x.json', '2026-01-01', 'null')).toThrow(UnusableInputError);
    expect(() => readOpenRouterModelsFile('x.json', '2026-01-01', { fetchedAt: 'x', count: 3, data: [model()] })).toThrow(/count 3 but holds 1 models/);
  });

  it('rejects one bad entry by file, index, id and field, and keeps the rest', () => {
    const { models, listing } = readOpenRouterModelsFile('openrouter/x.json', '2026-01-01', [
      model(),
      model({ id: 'a/b', pricing: { prompt: 'abc', completion: '0.1' } }),
      model({ id: 'c/d', context_length: -5 }),
      { id: 7 },
    ]);
    expect(models.map((m) => m.model.id)).toEqual(['mistralai/mistral-nemo']);
    expect(listing.rejected).toEqual([
      { file: 'openrouter/x.json', index: 1, id: 'a/b', field: 'pricing.prompt', message: '"abc" is not a decimal price or "-1"' },
      { file: 'openrouter/x.json', index: 2, id: 'c/d', field: 'context_length', message: 'is not a positive integer' },
      { file: 'openrouter/x.json', index: 3, id: null, field: 'id', message: expect.any(String) },
    ]);
  });

  it('rejects ids with "." or ".." path segments with the other malformed ids (issue 12 #10)', () => {
    const ids = ['a/../b', '..', 'a/./b', '.', 'mistralai/..', 'a/\u0000b'];
    const { models, listing } = readOpenRouterModelsFile('x.json', '2026-01-01', [...ids.map((id) => model({ id })), model({ id: 'a/b..c' }), model({ id: 'qwen/qwen2.5-7b' })]);
    expect(models.map((m) => m.model.id)).toEqual(['a/b..c', 'qwen/qwen2.5-7b']);
    expect(listing.rejected.map((r) => [r.index, r.field])).toEqual(ids.map((_, i) => [i, 'id']));
    expect(listing.rejected[0]!.message).toBe('has a "." or ".." path segment');
  });

  it('bounds every number at the edge: a tier from 1e300 tokens is reported, not a crash (issue 12 #9)', () => {
    const { models, listing } = readOpenRouterModelsFile('x.json', '2026-01-01', [
      model({ id: 'a/tier', pricing: { prompt: '0.000001', completion: '0.000002', overrides: [{ min_prompt_tokens: 1e300, prompt: '0.000002' }] } }),
      model({ id: 'a/size', pricing: { prompt: '0.000001', completion: '0.000002', overrides: [{ min_prompt_tokens: 2 ** 53 - 1, prompt: '0.000002' }] } }),
      model({ id: 'a/context', context_length: 1e300 }),
      model({ id: 'a/price', pricing: { prompt: '9'.repeat(40), completion: '0.1' } }),
      model({ id: 'a/huge-price', pricing: { prompt: '5000000', completion: '0.1' } }),
      model(),
    ]);
    expect(models.map((m) => m.model.id)).toEqual(['mistralai/mistral-nemo']);
    expect(listing.rejected.map((r) => `${r.id} ${r.field}`)).toEqual([
      'a/tier pricing.overrides[0].min_prompt_tokens',
      'a/size pricing.overrides[0].min_prompt_tokens',
      'a/context context_length',
      'a/price pricing.prompt',
      'a/huge-price pricing.prompt',
    ]);
  });

  it('cuts names and descriptions to a sane length and reports the cut (issue 12 #14)', () => {
    const { models, listing } = readOpenRouterModelsFile('x.json', '2026-01-01', [model({ name: 'N'.repeat(1_000_000), description: 'd'.repeat(50_000) })]);
    expect(models[0]!.model.name).toHaveLength(200);
    expect(listing.entries[0]!.name).toHaveLength(200);
    expect(listing.entries[0]!.description).toHaveLength(8000);
    expect(listing.trimmed).toEqual([
      { file: 'x.json', index: 0, id: 'mistralai/mistral-nemo', field: 'name', message: 'cut from 1000000 to 200 characters' },
      { file: 'x.json', index: 0, id: 'mistralai/mistral-nemo', field: 'description', message: 'cut from 50000 to 8000 characters' },
    ]);
    const long = readOpenRouterModelsFile('x.json', '2026-01-01', [model({ id: `a/${'x'.repeat(300)}` })]);
    expect(long.listing.rejected[0]).toMatchObject({ field: 'id', message: 'is longer than 200 characters' });
  });
});

describe('OpenRouter endpoints reader', () => {
  it('reads the 2026-05-31 recording: provider slug from the tag, uptime with its window, variants answered once', () => {
    const listing = readOpenRouterEndpointsFile('openrouter-endpoints/endpoints-2026-05-31.json', '2026-05-31', fixture('endpoints-2026-05-31.json'));
    expect(listing.source).toBe('openrouter-endpoints');
    expect(listing.entries.every((e) => e.viaOpenRouter)).toBe(true);
    const gemma = listing.entries.filter((e) => e.providerModelId === 'google/gemma-4-31b-it');
    expect(gemma.map((e) => e.key)).toContain('google/gemma-4-31b-it@together#2');
    const together = gemma.filter((e) => e.providerId === 'together');
    // Two Together endpoints under one tag: $0.28/$0.86 at 32,000 and $0.39/$0.97 at 262,144.
    expect(together.map((e) => [e.pricing!.perMillionTokens.input, e.pricing!.perMillionTokens.output, e.contextLength])).toEqual([
      ['0.28', '0.86', 32000],
      ['0.39', '0.97', 262144],
    ]);
    expect(together[0]!.uptime).toEqual({ percent: 92.20320952739254, window: '1d' });
    expect(together[0]!.providerName).toBe('Together');
    expect(listing.skipped).toEqual([{ reason: "a variant id answered with its base model's endpoints, already listed", count: 1, examples: ['google/gemma-4-31b-it:free'] }]);
    // Amazon Bedrock states context 0 for Qwen3 Coder 30B: read as not stated, the offer kept.
    const bedrock = listing.entries.find((e) => e.key === 'qwen/qwen3-coder-30b-a3b-instruct@amazon-bedrock')!;
    expect(bedrock.contextLength).toBeNull();
    expect(bedrock.pricing!.perMillionTokens).toMatchObject({ input: '0.15', output: '0.6' });
    expect(listing.completeFor).toContain('together');
  });

  it('reads the trimmed 2026-07-22 recording by its own field names', () => {
    const listing = readOpenRouterEndpointsFile('openrouter-endpoints/models-with-endpoints-2026-07-22.json', '2026-07-22', fixture('models-with-endpoints-2026-07-22.json'));
    const flex = listing.entries.find((e) => e.endpointTag === 'google-vertex/global/flex')!;
    expect(flex).toMatchObject({ providerId: 'google-vertex', providerName: 'Google', providerModelId: 'google/gemini-3.6-flash', quantization: 'unknown', maxOutputTokens: 65536 });
    expect(flex.pricing!.perMillionTokens).toMatchObject({ input: '0.75', output: '3.75', cacheWrite: '0.04166666666666667' });
    expect(flex.uptime?.window).toBe('30m');
  });

  it('reads a per-model raw API body as data:fetch writes it, as a partial listing', () => {
    const body = JSON.parse(readFileSync('test/fixtures/upstream/endpoints-mistralai__mixtral-8x7b-instruct.json', 'utf8'));
    const listing = readOpenRouterEndpointsFile('openrouter/endpoints/2026-01-29/mistralai__mixtral-8x7b-instruct.json', '2026-01-29', body);
    expect(listing.completeFor).toEqual([]);
    expect(listing.entries.length).toBe(body.data.endpoints.length);
    expect(new Set(listing.entries.map((e) => e.providerModelId))).toEqual(new Set(['mistralai/mixtral-8x7b-instruct']));
  });

  it('rejects a bad endpoint by model and field and refuses an unknown shape', () => {
    const listing = readOpenRouterEndpointsFile('e.json', '2026-01-01', {
      data: { id: 'a/b', endpoints: [{ provider_name: 'X', tag: 'x', pricing: { prompt: '0.1', completion: 'free' } }, { provider_name: 'Y', tag: 'y', pricing: { prompt: '0', completion: '0' } }] },
    });
    expect(listing.rejected).toEqual([{ file: 'e.json', index: 0, id: 'a/b', field: 'endpoints[0].pricing.completion', message: '"free" is not a decimal price or "-1"' }]);
    expect(listing.entries.map((e) => e.key)).toEqual(['a/b@y']);
    expect(() => readOpenRouterEndpointsFile('e.json', '2026-01-01', { endpoints: [] })).toThrow(/e\.json: expected an OpenRouter endpoints body/);
  });
});

describe('OpenRouter providers reader', () => {
  it('lists providers by slug with their names', () => {
    const { providers } = readOpenRouterProvidersFile('p.json', '2026-05-22', raw('openrouter/providers-2026-05-22.json'));
    expect(providers.find((p) => p.id === 'deepinfra')?.name).toBe('DeepInfra');
    expect(() => readOpenRouterProvidersFile('p.json', '2026-05-22', { data: [{ name: 'X' }] })).toThrow(/p\.json: .*data\[0\]\.slug/);
  });
});
