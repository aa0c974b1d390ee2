import { describe, expect, it } from 'vitest';
import { samePricing } from '../../src/lib/data/same-pricing.ts';
import type { Pricing } from '../../src/lib/data/schema.ts';

const base = (): Pricing => ({
  perMillionTokens: { input: '0.7', output: '0.7', cacheRead: '0.07' },
  perUnit: { request: '0.001' },
  tiers: [{ minPromptTokens: 200_001, perMillionTokens: { input: '1.4' } }],
  unknown: { 'batch.input': '0.35' },
});

describe('samePricing', () => {
  it('is true for equal prices whatever the key order, and for unstated (undefined) members', () => {
    const reordered: Pricing = { ...base(), perMillionTokens: { cacheRead: '0.07', output: '0.7', input: '0.7', reasoning: undefined } };
    expect(samePricing(base(), reordered)).toBe(true);
    expect(samePricing(base(), { ...base(), tiers: [{ minPromptTokens: 200_001, perMillionTokens: { input: '1.4' }, perUnit: {} }] })).toBe(true);
  });

  it('tells every kind of change apart', () => {
    const changes: Pricing[] = [
      { ...base(), perMillionTokens: { input: '0.7', output: '0.75', cacheRead: '0.07' } },
      { ...base(), perMillionTokens: { input: '0.7', output: '0.7' } },
      { ...base(), perUnit: {} },
      { ...base(), discount: '0.2' },
      { ...base(), tiers: [] },
      { ...base(), tiers: [{ minPromptTokens: 128_001, perMillionTokens: { input: '1.4' } }] },
      { ...base(), tiers: [{ minPromptTokens: 200_001, perMillionTokens: { input: '1.5' } }] },
      { ...base(), unknown: {} },
      { ...base(), unknown: { 'batch.input': '0.3' } },
    ];
    for (const changed of changes) {
      expect(samePricing(base(), changed)).toBe(false);
      expect(samePricing(changed, base())).toBe(false);
    }
  });
});
