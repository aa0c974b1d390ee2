import { describe, expect, it } from 'vitest';
import {
  compareCosts,
  effectivePrices,
  multiplyCost,
  periodCosts,
  requestCost,
  sumCosts,
  type RequestCost,
} from '../../src/lib/pricing/pricing.ts';
import type { Pricing } from '../../src/lib/data/schema.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';
import { rawOpenRouterPricing } from '../support/raw-prices.ts';
import { referenceCost, unscale } from '../support/reference-pricing.ts';

// Prices below are copied from data/models.json; every expected amount is worked out by hand in the comment.
const mixtral: Pricing = { perMillionTokens: { input: '0.54', output: '0.54' }, perUnit: {}, tiers: [], unknown: {} };
const claudeOpus46: Pricing = {
  perMillionTokens: { input: '5', output: '25', cacheRead: '0.5', cacheWrite: '6.25' },
  perUnit: {},
  tiers: [{ minPromptTokens: 200001, perMillionTokens: { input: '10', output: '37.5', cacheRead: '1', cacheWrite: '12.5' } }],
  unknown: {},
};
const sonar: Pricing = { perMillionTokens: { input: '1', output: '1' }, perUnit: { request: '0.005' }, tiers: [], unknown: {} };
const sonarDeepResearch: Pricing = { perMillionTokens: { input: '2', output: '8', reasoning: '3' }, perUnit: {}, tiers: [], unknown: {} };
const claude37Sonnet: Pricing = {
  perMillionTokens: { input: '3', output: '15', cacheRead: '0.3', cacheWrite: '3.75' },
  perUnit: { webSearch: '0.01' },
  tiers: [],
  unknown: {},
};
const router: Pricing = { perMillionTokens: { input: 'variable', output: 'variable' }, perUnit: {}, tiers: [], unknown: {} };

function priced(cost: RequestCost) {
  if (cost.kind !== 'priced') throw new Error(`expected a priced result, got ${cost.kind}: ${cost.reason}`);
  return cost;
}

describe('requestCost', () => {
  it('prices 1,000,000 input and 500,000 output tokens of Mixtral at $0.54/$0.54 as exactly $0.81', () => {
    // 1,000,000 × 0.54 / 1e6 = 0.54; 500,000 × 0.54 / 1e6 = 0.27; sum 0.81
    const cost = priced(requestCost(mixtral, { promptTokens: 1_000_000, completionTokens: 500_000 }));
    expect(cost.total).toBe('0.81');
    expect(cost.lines).toEqual([
      { dimension: 'input', quantity: 1_000_000, unitPrice: '0.54', cost: '0.54' },
      { dimension: 'output', quantity: 500_000, unitPrice: '0.54', cost: '0.27' },
    ]);
    expect(cost.tier).toBeNull();
    expect(cost.discountApplied).toBeNull();
  });

  it('bills cache reads and writes at their own prices and only the rest of the prompt at the input price', () => {
    // 10,000 prompt = 6,000 read + 2,000 written + 2,000 uncached.
    // 2,000 × 5 = 0.01; 6,000 × 0.5 = 0.003; 2,000 × 6.25 = 0.0125; 1,000 × 25 = 0.025 (all / 1e6) → 0.0505
    const cost = priced(
      requestCost(claudeOpus46, { promptTokens: 10_000, cacheReadTokens: 6_000, cacheWriteTokens: 2_000, completionTokens: 1_000 }),
    );
    expect(cost.lines.map((l) => [l.dimension, l.quantity, l.cost])).toEqual([
      ['input', 2_000, '0.01'],
      ['cacheRead', 6_000, '0.003'],
      ['cacheWrite', 2_000, '0.0125'],
      ['output', 1_000, '0.025'],
    ]);
    expect(cost.total).toBe('0.0505');
  });

  it('bills cached tokens at the input price when the model states no cache price', () => {
    // 400 uncached + 600 "cached" all at 0.54/M: 1,000 × 0.54 / 1e6 = 0.00054
    const cost = priced(requestCost(mixtral, { promptTokens: 1_000, cacheReadTokens: 600, completionTokens: 0 }));
    expect(cost.lines.find((l) => l.dimension === 'cacheRead')).toEqual({ dimension: 'cacheRead', quantity: 600, unitPrice: '0.54', cost: '0.000324' });
    expect(cost.total).toBe('0.00054');
  });

  it('adds the per-request fee once per request', () => {
    // Sonar: 1,000 × 1 / 1e6 = 0.001 in; 500 × 1 / 1e6 = 0.0005 out; fee 0.005 → 0.0065
    expect(priced(requestCost(sonar, { promptTokens: 1_000, completionTokens: 500 })).total).toBe('0.0065');
    // Three such requests: 0.003 + 0.0015 + 3 × 0.005 = 0.0195
    const three = priced(requestCost(sonar, { promptTokens: 3_000, completionTokens: 1_500, requests: 3 }));
    expect(three.lines.find((l) => l.dimension === 'request')).toEqual({ dimension: 'request', quantity: 3, unitPrice: '0.005', cost: '0.015' });
    expect(three.total).toBe('0.0195');
  });

  it('switches the whole request to the tier prices once the prompt reaches the tier threshold', () => {
    // 200,000 prompt (below 200,001): 200,000 × 5 / 1e6 = 1; 1,000 × 25 / 1e6 = 0.025 → 1.025
    const below = priced(requestCost(claudeOpus46, { promptTokens: 200_000, completionTokens: 1_000 }));
    expect(below.total).toBe('1.025');
    expect(below.tier).toBeNull();
    // 200,001 prompt: 200,001 × 10 / 1e6 = 2.00001; 1,000 × 37.5 / 1e6 = 0.0375 → 2.03751
    const at = priced(requestCost(claudeOpus46, { promptTokens: 200_001, completionTokens: 1_000 }));
    expect(at.total).toBe('2.03751');
    expect(at.tier?.minPromptTokens).toBe(200_001);
  });

  it('chooses the tier on the prompt length of one request when several are summed', () => {
    // Two requests of 150,000 prompt tokens each stay in the base tier: 300,000 × 5 / 1e6 = 1.5
    const cost = priced(requestCost(claudeOpus46, { promptTokens: 300_000, completionTokens: 0, requests: 2 }));
    expect(cost.tier).toBeNull();
    expect(cost.total).toBe('1.5');
  });

  it('bills reasoning at the stated reasoning price, else at the output price', () => {
    // Deep research: 1,000 reasoning × 3 / 1e6 = 0.003
    expect(priced(requestCost(sonarDeepResearch, { promptTokens: 0, completionTokens: 0, reasoningTokens: 1_000 })).total).toBe('0.003');
    // Mixtral has no reasoning price: 1,000 × 0.54 / 1e6 = 0.00054
    const fallback = priced(requestCost(mixtral, { promptTokens: 0, completionTokens: 0, reasoningTokens: 1_000 }));
    expect(fallback.lines).toEqual([{ dimension: 'reasoning', quantity: 1_000, unitPrice: '0.54', cost: '0.00054' }]);
  });

  it('bills reasoning above a prompt-length tier at that tier\'s output price when the tier states no reasoning price', () => {
    // Gemini 3.1 Pro Preview as the raw OpenRouter snapshot states it: base input $2, output $12, reasoning $12;
    // from 200,000 prompt tokens input $4 and output $18, no reasoning price. Google bills thinking
    // tokens as output ("Output price (including thinking tokens)"): $18/M at a 210,000-token prompt.
    const gemini = rawOpenRouterPricing('google/gemini-3.1-pro-preview');
    expect(gemini.perMillionTokens.reasoning).toBe('12');
    expect(gemini.tiers.map((t) => [t.perMillionTokens.output, t.perMillionTokens.reasoning])).toEqual([['18', undefined]]);
    expect(gemini.tiers[0]!.minPromptTokens).toBeLessThanOrEqual(210_000);
    const usage = { promptTokens: 210_000, completionTokens: 1_000, reasoningTokens: 2_000 };
    // 210,000 × 4 + 1,000 × 18 + 2,000 × 18 = 894,000 per 1M → $0.894
    const cost = priced(requestCost(gemini, usage));
    expect(cost.lines.find((l) => l.dimension === 'reasoning')).toEqual({ dimension: 'reasoning', quantity: 2_000, unitPrice: '18', cost: '0.036' });
    expect(cost.total).toBe('0.894');
    expect(cost.total).toBe(unscale(referenceCost(gemini, usage)));
    // The normalized catalog prices it the same way.
    const catalogGemini = loadCatalog().models.find((m) => m.id === 'google/gemini-3.1-pro-preview');
    expect(priced(requestCost(catalogGemini!.pricing, usage)).total).toBe('0.894');
    // Below the tier the stated base reasoning price applies: 1,000 × 2 + 1,000 × 12 + 2,000 × 12 = 38,000 → $0.038
    expect(priced(requestCost(gemini, { ...usage, promptTokens: 1_000 })).total).toBe('0.038');
  });

  it('bills web searches per search, and calls a workload with searches unavailable on a model with no search price', () => {
    // 2 × 0.01 = 0.02 plus 1,000 × 3 / 1e6 = 0.003 → 0.023
    expect(priced(requestCost(claude37Sonnet, { promptTokens: 1_000, completionTokens: 0, webSearches: 2 })).total).toBe('0.023');
    const none = requestCost(mixtral, { promptTokens: 1_000, completionTokens: 0, webSearches: 1 });
    expect(none.kind).toBe('unavailable');
  });

  it('bills images per image when priced and leaves unpriced images to the prompt tokens', () => {
    const withImagePrice: Pricing = { ...claude37Sonnet, perUnit: { image: '0.0048' } };
    // 3 × 0.0048 = 0.0144
    expect(priced(requestCost(withImagePrice, { promptTokens: 0, completionTokens: 0, images: 3 })).total).toBe('0.0144');
    expect(priced(requestCost(mixtral, { promptTokens: 0, completionTokens: 0, images: 3 })).lines).toEqual([]);
  });

  it('applies a discount fraction to the total and says so', () => {
    const discounted: Pricing = { ...mixtral, discount: '0.25' };
    // 0.81 × (1 − 0.25) = 0.6075
    const cost = priced(requestCost(discounted, { promptTokens: 1_000_000, completionTokens: 500_000 }));
    expect(cost.total).toBe('0.6075');
    expect(cost.discountApplied).toBe('0.25');
    expect(sumCosts(cost.lines.map((l) => l.cost))).toBe('0.81');
  });

  it('reports a variable price instead of a number when a used dimension is variable', () => {
    const cost = requestCost(router, { promptTokens: 10, completionTokens: 10 });
    expect(cost.kind).toBe('variable');
  });

  it('prices free models at exactly zero with lines that show the zero price', () => {
    const free: Pricing = { perMillionTokens: { input: '0', output: '0' }, perUnit: {}, tiers: [], unknown: {} };
    const cost = priced(requestCost(free, { promptTokens: 5_000, completionTokens: 5_000 }));
    expect(cost.total).toBe('0');
    expect(cost.lines.map((l) => l.unitPrice)).toEqual(['0', '0']);
  });

  it('keeps every digit of long decimal prices', () => {
    const gemini: Pricing = { perMillionTokens: { input: '0.1', output: '0.4', cacheWrite: '0.08333333333333334' }, perUnit: {}, tiers: [], unknown: {} };
    // 7 × 0.08333333333333334 / 1e6 = 0.00000058333333333333338
    const cost = priced(requestCost(gemini, { promptTokens: 7, cacheWriteTokens: 7, completionTokens: 0 }));
    expect(cost.total).toBe('0.00000058333333333333338');
  });

  it('rejects counts that are negative, fractional, or cached tokens beyond the prompt, naming the field', () => {
    expect(() => requestCost(mixtral, { promptTokens: -1, completionTokens: 0 })).toThrow(/promptTokens/);
    expect(() => requestCost(mixtral, { promptTokens: 1, completionTokens: 0.5 })).toThrow(/completionTokens/);
    expect(() => requestCost(mixtral, { promptTokens: 10, cacheReadTokens: 8, cacheWriteTokens: 3, completionTokens: 0 })).toThrow(/exceed the 10 prompt tokens/);
  });

  it('prices every catalog model for a chat turn without throwing, with only routers variable', () => {
    const kinds = new Map<string, string[]>();
    for (const model of loadCatalog().models) {
      const cost = requestCost(model.pricing, { promptTokens: 1_000, completionTokens: 500 });
      kinds.set(cost.kind, [...(kinds.get(cost.kind) ?? []), model.id]);
    }
    expect(kinds.get('unavailable')).toBeUndefined();
    expect(kinds.get('variable')?.every((id) => id.startsWith('openrouter/'))).toBe(true);
    expect(kinds.get('priced')?.length).toBeGreaterThan(600);
  });
});

describe('effectivePrices', () => {
  it('lays the reached tier over the base prices and keeps base prices the tier does not name', () => {
    const pricing: Pricing = {
      perMillionTokens: { input: '1', output: '2', cacheRead: '0.1' },
      perUnit: { request: '0.01' },
      tiers: [
        { minPromptTokens: 1000, perMillionTokens: { input: '3' } },
        { minPromptTokens: 5000, perMillionTokens: { input: '4', output: '5' }, perUnit: { request: '0.02' } },
      ],
      unknown: {},
    };
    expect(effectivePrices(pricing, 999)).toMatchObject({ perMillionTokens: { input: '1', output: '2' }, tier: null });
    expect(effectivePrices(pricing, 1000)).toMatchObject({ perMillionTokens: { input: '3', output: '2', cacheRead: '0.1' }, perUnit: { request: '0.01' } });
    expect(effectivePrices(pricing, 10_000)).toMatchObject({ perMillionTokens: { input: '4', output: '5', cacheRead: '0.1' }, perUnit: { request: '0.02' } });
  });
});

describe('cost arithmetic helpers', () => {
  it('multiplies, sums and compares decimal strings exactly', () => {
    expect(multiplyCost('0.0065', 1_000)).toBe('6.5');
    expect(multiplyCost('0.1', '3')).toBe('0.3');
    expect(sumCosts(['0.1', '0.2'])).toBe('0.3');
    expect(sumCosts([])).toBe('0');
    expect(compareCosts('0.3', '0.30')).toBe(0);
    expect(['1.5', '0.002', '0.02'].sort(compareCosts)).toEqual(['0.002', '0.02', '1.5']);
  });

  it('projects per-request costs over a daily or a monthly volume', () => {
    // 0.0065 × 1,000 per day = 6.5; × 30 days = 195
    expect(periodCosts('0.0065', { requests: 1_000, per: 'day', daysPerMonth: 30 })).toEqual({ perRequest: '0.0065', perDay: '6.5', perMonth: '195' });
    // 0.01 × 1,000 per month = 10; / 30 days = 0.333333333333 (12 decimals, half up)
    expect(periodCosts('0.01', { requests: 1_000, per: 'month', daysPerMonth: 30 })).toEqual({ perRequest: '0.01', perDay: '0.333333333333', perMonth: '10' });
  });
});
