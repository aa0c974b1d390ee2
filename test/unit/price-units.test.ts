import { describe, expect, it } from 'vitest';
import { normalizeOpenRouterPricing, numberToDecimal, perTokenToPerMillion } from '../../src/lib/data/price-units.ts';
import { modelsDevPricing } from '../../src/lib/data/sources/models-dev.ts';

describe('perTokenToPerMillion', () => {
  it('scales per-token strings to per-million without float artifacts', () => {
    expect(perTokenToPerMillion('0.00000054')).toBe('0.54');
    expect(perTokenToPerMillion('0.0000002')).toBe('0.2');
    // Float multiplication gets these wrong (0.0000002 * 1e6 is 0.19999999999999998).
    expect(perTokenToPerMillion('0.00000005')).toBe('0.05');
    expect(perTokenToPerMillion('0.00000017')).toBe('0.17');
    expect(perTokenToPerMillion('0.000000075')).toBe('0.075');
    expect(perTokenToPerMillion('0.0000000375')).toBe('0.0375');
    expect(0.0000002 * 1e6).not.toBe(0.2);
  });

  it('keeps "0" as free and "-1" as the variable state', () => {
    expect(perTokenToPerMillion('0')).toBe('0');
    expect(perTokenToPerMillion('-1')).toBe('variable');
  });
});

describe('normalizeOpenRouterPricing', () => {
  it('maps every known key to its dimension, per token or per unit', () => {
    const { pricing, problems } = normalizeOpenRouterPricing({
      prompt: '0.000003',
      completion: '0.000015',
      request: '0.005',
      image: '0.0048',
      web_search: '0.01',
      internal_reasoning: '0.000015',
      input_cache_read: '0.0000003',
      input_cache_write: '0.00000375',
      input_cache_write_1h: '0.000006',
      audio: '0.000032',
      audio_output: '0.000064',
      image_output: '0.00003',
      input_audio_cache: '0.0000004',
      discount: '0.2',
    });
    expect(problems).toEqual([]);
    expect(pricing).toEqual({
      perMillionTokens: {
        input: '3',
        output: '15',
        reasoning: '15',
        cacheRead: '0.3',
        cacheWrite: '3.75',
        cacheWrite1h: '6',
        audioInput: '32',
        audioOutput: '64',
        imageOutput: '30',
        audioCacheRead: '0.4',
      },
      perUnit: { request: '0.005', image: '0.0048', webSearch: '0.01' },
      discount: '0.2',
      tiers: [],
      unknown: {},
    });
  });

  it('accepts a discount from 0 up to, not including, 1 and reports any other as a problem of pricing.discount', () => {
    expect(normalizeOpenRouterPricing({ prompt: '0.000001', completion: '0.000002', discount: '0.07' }).pricing.discount).toBe('0.07');
    for (const discount of ['1', '5', '1.0']) {
      const { pricing, problems } = normalizeOpenRouterPricing({ prompt: '0.000001', completion: '0.000002', discount });
      expect(pricing.discount).toBeUndefined();
      expect(problems).toEqual([{ field: 'pricing.discount', message: `"${discount}" is not a fraction from 0 up to, not including, 1 (0.2 is 20 % off)` }]);
    }
  });

  it('leaves out optional dimensions that cost exactly zero (the 2025 format spelled them "0")', () => {
    const { pricing } = normalizeOpenRouterPricing({ prompt: '0', completion: '0', request: '0', image: '0', web_search: '0', internal_reasoning: '0' });
    expect(pricing.perMillionTokens).toEqual({ input: '0', output: '0' });
    expect(pricing.perUnit).toEqual({});
  });

  it('keeps and reports unknown keys instead of dropping them', () => {
    const { pricing, problems } = normalizeOpenRouterPricing({ prompt: '0.000001', completion: '0.000002', video_second: '0.05' });
    expect(problems).toEqual([]);
    expect(pricing.unknown).toEqual({ video_second: '0.05' });
  });

  it('turns overrides into prompt-length tiers sorted by threshold', () => {
    const { pricing, problems } = normalizeOpenRouterPricing({
      prompt: '0.00000125',
      completion: '0.00001',
      overrides: [
        { min_prompt_tokens: 272001, prompt: '0.0000025', completion: '0.000015' },
        { min_prompt_tokens: 200001, prompt: '0.0000025', completion: '0.000015', input_cache_read: '0.00000025' },
      ],
    });
    expect(problems).toEqual([]);
    expect(pricing.tiers).toEqual([
      { minPromptTokens: 200001, perMillionTokens: { input: '2.5', output: '15', cacheRead: '0.25' } },
      { minPromptTokens: 272001, perMillionTokens: { input: '2.5', output: '15' } },
    ]);
  });

  it('names the field of a malformed price', () => {
    expect(normalizeOpenRouterPricing({ prompt: 'abc', completion: '0.1' }).problems).toEqual([
      { field: 'pricing.prompt', message: '"abc" is not a decimal price or "-1"' },
    ]);
    expect(normalizeOpenRouterPricing({ prompt: '-0.5', completion: '0.1' }).problems[0]?.field).toBe('pricing.prompt');
    expect(normalizeOpenRouterPricing({ prompt: 0.1, completion: '0.1' }).problems[0]?.field).toBe('pricing.prompt');
    expect(normalizeOpenRouterPricing({ prompt: '0.1', completion: '0.1', overrides: [{ prompt: '0.2' }] }).problems[0]?.field).toBe(
      'pricing.overrides[0].min_prompt_tokens',
    );
  });
});

describe('models.dev costs', () => {
  it('reads per-million numbers back as the decimals they were written as', () => {
    expect(numberToDecimal(0.7)).toBe('0.7');
    expect(numberToDecimal(0.27)).toBe('0.27');
    expect(numberToDecimal(37.5)).toBe('37.5');
    expect(numberToDecimal(1e-7)).toBe('0.0000001');
  });

  it('maps a context tier to the first prompt length it applies to (models.dev documents size as where the tier starts)', () => {
    const pricing = modelsDevPricing(
      {
        input: 5,
        output: 25,
        cache_read: 0.5,
        cache_write: 6.25,
        tiers: [{ input: 10, output: 37.5, cache_read: 1, cache_write: 12.5, tier: { size: 200000, type: 'context' } }],
      },
      [],
    )!;
    expect(pricing.perMillionTokens).toEqual({ input: '5', output: '25', cacheRead: '0.5', cacheWrite: '6.25' });
    expect(pricing.tiers).toEqual([{ minPromptTokens: 200000, perMillionTokens: { input: '10', output: '37.5', cacheRead: '1', cacheWrite: '12.5' } }]);
  });

  it('states no price for a model without a cost (models.dev: "no published pricing"), neither free nor variable', () => {
    expect(modelsDevPricing(undefined, [])).toBeNull();
    const problems: { field: string; message: string }[] = [];
    modelsDevPricing({ input: 1 }, problems);
    expect(problems).toEqual([{ field: 'cost.output', message: 'is missing' }]);
  });
});
