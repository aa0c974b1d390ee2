import { describe, expect, it } from 'vitest';
import { architectureRows, isFreeModel, kvCacheOptions, pricingView, shortSourceLabel, weightsRows } from '../../src/lib/card/card-view.ts';
import { formatRopeTheta } from '../../src/lib/format/format.ts';
import type { Architecture, Pricing, SourceRef } from '../../src/lib/data/schema.ts';

const config: SourceRef = { kind: 'hf-config', label: 'config.json', url: 'https://huggingface.co/x/resolve/main/config.json' };
const computed: SourceRef = { kind: 'computed', label: 'computed from config.json', url: config.url };
const fig = <T,>(value: T, source = config) => ({ value, source });

// Mistral 7B v0.2: 32 layers, 8 KV heads of 128 dims; 7,241,732,096 parameters.
const mistral7b: Architecture = {
  totalParams: fig(7241732096, computed),
  layers: fig(32),
  kvHeads: fig(8),
  headDim: fig(128, computed),
  ropeTheta: fig(1000000),
  slidingWindow: fig('none' as const),
  kvCacheBytesPerToken: fig(32 * 8 * 128 * 2 * 2, computed),
};

describe('pricingView', () => {
  it('lists input and output always, then every other dimension present, with units', () => {
    const pricing: Pricing = {
      perMillionTokens: { input: '3', output: '15', cacheRead: '0.3', cacheWrite: '3.75', cacheWrite1h: '6', reasoning: '15' },
      perUnit: { webSearch: '0.01', request: '0.005', image: '0.0048' },
      tiers: [{ minPromptTokens: 200001, perMillionTokens: { input: '6', output: '22.5' } }],
      discount: '0.2',
      unknown: { audio_seconds: '0.0001' },
    };
    const view = pricingView(pricing);
    expect(view.rows.map((r) => `${r.label}: ${r.text} ${r.unit}`)).toEqual([
      'Input: $3.00/M per 1M tokens',
      'Output: $15.00/M per 1M tokens',
      'Cache read: $0.30/M per 1M tokens',
      'Cache write (5 min): $3.75/M per 1M tokens',
      'Cache write (1 hour): $6.00/M per 1M tokens',
      'Internal reasoning: $15.00/M per 1M tokens',
      'Per request: $0.005 USD each',
      'Per input image: $0.0048 USD each',
      'Per web search: $0.01 USD each',
    ]);
    expect(view.tiers).toEqual([
      {
        heading: 'Prompts of 200,001 tokens or more',
        rows: [
          { label: 'Input', text: '$6.00/M', unit: 'per 1M tokens' },
          { label: 'Output', text: '$22.50/M', unit: 'per 1M tokens' },
        ],
      },
    ]);
    expect(view.discount).toBe('20% off every price');
    expect(view.unknown).toEqual([{ label: 'audio_seconds', text: '0.0001', unit: 'as upstream states it' }]);
    expect(view.free).toBe(false);
  });

  it('marks free and variable pricing', () => {
    const free: Pricing = { perMillionTokens: { input: '0', output: '0' }, perUnit: {}, tiers: [], unknown: {} };
    expect(isFreeModel(free)).toBe(true);
    expect(pricingView(free).rows.map((r) => r.text)).toEqual(['free', 'free']);
    const variable = pricingView({ perMillionTokens: { input: 'variable', output: 'variable' }, perUnit: {}, tiers: [], unknown: {} });
    expect(variable.variable).toBe(true);
    expect(variable.free).toBe(false);
  });
});

describe('architectureRows', () => {
  it('shows rope theta both ways and sliding window "none" in words, each with its source', () => {
    const rows = architectureRows({ architecture: mistral7b, tags: [] });
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]));
    expect(byField.ropeTheta?.text).toBe('1,000,000 (1e6)');
    expect(byField.slidingWindow?.text).toBe('none: every layer attends to the full context');
    expect(byField.totalParams?.text).toBe('7.24B (7,241,732,096)');
    expect(byField.kvCacheBytesPerToken?.text).toBe('128 KiB (131,072 bytes)');
    expect(byField.ropeTheta?.source).toEqual(config);
    expect(rows.every((r) => r.text !== '' && !/undefined|NaN|null/.test(r.text))).toBe(true);
  });

  it('says "not stated" for core figures a partial config lacks, and adds MoE rows for MoE models', () => {
    const rows = architectureRows({ architecture: { layers: fig(48) }, tags: ['moe'] });
    expect(rows.map((r) => [r.field, r.text])).toEqual([
      ['totalParams', 'not stated'],
      ['activeParams', 'not stated'],
      ['experts', 'not stated'],
      ['expertsPerToken', 'not stated'],
      ['layers', '48'],
      ['ropeTheta', 'not stated'],
      ['slidingWindow', 'not stated'],
    ]);
  });

  it('has no rows for a model with no architecture data', () => {
    expect(architectureRows({ architecture: {}, tags: [] })).toEqual([]);
  });

  it('formats rope theta values that are not round powers plainly', () => {
    expect(formatRopeTheta(500000)).toBe('500,000 (5e5)');
    expect(formatRopeTheta(10000.5)).toBe('10,000.5');
  });

  it('shortens source labels for table cells', () => {
    expect(shortSourceLabel(config)).toBe('config.json');
    expect(shortSourceLabel(computed)).toBe('computed from config.json');
    expect(shortSourceLabel({ kind: 'note', label: 'Mistral AI: Mixtral of experts', url: null })).toBe('Mistral AI: Mixtral of experts');
  });
});

describe('self-hosting figures', () => {
  it('sizes the weights at 16, 8 and 4 bits', () => {
    expect(weightsRows(mistral7b).map((w) => [w.bits, w.bytes])).toEqual([
      [16, 7241732096 * 2],
      [8, 7241732096],
      [4, 7241732096 / 2],
    ]);
  });

  it('offers KV-cache sizes up to the context, 4 GiB at 32,768 tokens for Mistral 7B', () => {
    const options = kvCacheOptions(mistral7b, 32768);
    expect(options.map((o) => o.tokens)).toEqual([1024, 2048, 4096, 8192, 16384, 32768]);
    expect(options.at(-1)).toEqual({ tokens: 32768, bytes: 4 * 1024 ** 3, text: '4 GiB' });
    expect(options[0]).toEqual({ tokens: 1024, bytes: 128 * 1024 ** 2, text: '128 MiB' });
  });

  it('includes a context that is not a power of two as the last option', () => {
    expect(kvCacheOptions(mistral7b, 131000).map((o) => o.tokens).slice(-2)).toEqual([65536, 131000]);
  });

  it('offers nothing when the per-token KV size is unknown', () => {
    expect(kvCacheOptions({ layers: fig(32) }, 32768)).toEqual([]);
    expect(weightsRows({})).toEqual([]);
  });
});
