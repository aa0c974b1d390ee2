/**
 * Property tests of the pricing module, against the BigInt fixed-point restatement of the billing
 * rules in test/support/reference-pricing.ts (no big.js, no code shared with the module).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestCost, type RequestUsage } from '../../src/lib/pricing/pricing.ts';
import type { Pricing, PriceTier, TokenPrices, UnitPrices } from '../../src/lib/data/schema.ts';
import { referenceCost, scaled, unscale } from '../support/reference-pricing.ts';

/** Decimal prices with up to 8 decimals and up to 3 integer digits: "0", "0.54", "37.5", "0.00000003". */
const priceArb = fc
  .tuple(fc.integer({ min: 0, max: 99_999_999_999 }), fc.integer({ min: 0, max: 8 }))
  .map(([mantissa, decimals]) => {
    const digits = String(mantissa).padStart(decimals + 1, '0');
    const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
    return text.replace(/^0+(?=\d)/, '');
  });

const tokenPricesArb: fc.Arbitrary<TokenPrices> = fc.record(
  { input: priceArb, output: priceArb, cacheRead: priceArb, cacheWrite: priceArb, reasoning: priceArb },
  { requiredKeys: ['input', 'output'] },
);
/** A tier names only the prices it changes: any of them, output and reasoning included, may be absent. */
const tierPricesArb: fc.Arbitrary<Partial<TokenPrices>> = fc.record(
  { input: priceArb, output: priceArb, cacheRead: priceArb, cacheWrite: priceArb, reasoning: priceArb },
  { requiredKeys: [] },
);
const unitPricesArb: fc.Arbitrary<UnitPrices> = fc.record({ request: priceArb, image: priceArb, webSearch: priceArb }, { requiredKeys: [] });

const pricingArb: fc.Arbitrary<Pricing> = fc
  .record({ base: tokenPricesArb, perUnit: unitPricesArb, threshold: fc.integer({ min: 1, max: 300_000 }), hasTier: fc.boolean(), tierPrices: tierPricesArb })
  .map(({ base, perUnit, threshold, hasTier, tierPrices }) => ({
    perMillionTokens: base,
    perUnit,
    tiers: hasTier ? [{ minPromptTokens: threshold, perMillionTokens: tierPrices }] : [],
    unknown: {},
  }));

const count = (max: number) => fc.integer({ min: 0, max });

const usageArb: fc.Arbitrary<RequestUsage> = fc
  .record({
    uncached: count(400_000),
    cacheReadTokens: count(200_000),
    cacheWriteTokens: count(200_000),
    completionTokens: count(200_000),
    reasoningTokens: count(100_000),
    images: count(20),
    requests: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ uncached, ...rest }) => ({ ...rest, promptTokens: uncached + rest.cacheReadTokens + rest.cacheWriteTokens }));

function pricedTotal(pricing: Pricing, usage: RequestUsage): string {
  const cost = requestCost(pricing, usage);
  if (cost.kind !== 'priced') throw new Error(`expected a priced result, got ${cost.kind}: ${cost.reason}`);
  return cost.total;
}

/** Tier prices at least the base prices, as every tier in the catalog is: then cost can only grow with the prompt. */
function withCostlierTier(pricing: Pricing): Pricing {
  const tier = pricing.tiers[0];
  if (!tier) return pricing;
  const perMillionTokens = Object.fromEntries(
    Object.entries(pricing.perMillionTokens).map(([key, price]) => {
      const extra = tier.perMillionTokens[key as keyof TokenPrices] ?? '0';
      return [key, unscale(scaled(price as string) + scaled(extra))];
    }),
  );
  const costlier: PriceTier = { minPromptTokens: tier.minPromptTokens, perMillionTokens };
  return { ...pricing, tiers: [costlier] };
}

describe('requestCost properties', () => {
  it('equals price × tokens / 1e6 summed over dimensions, computed independently in BigInt fixed point', () => {
    fc.assert(
      fc.property(pricingArb, usageArb, fc.integer({ min: 0, max: 5 }), (pricing, usage, webSearches) => {
        const withSearches = pricing.perUnit.webSearch ? { ...usage, webSearches } : usage;
        expect(scaled(pricedTotal(pricing, withSearches))).toBe(referenceCost(pricing, withSearches));
      }),
      { numRuns: 500 },
    );
  });

  it('never costs less when any one token count grows', () => {
    const dimensions = ['uncached', 'cacheReadTokens', 'cacheWriteTokens', 'completionTokens', 'reasoningTokens', 'images'] as const;
    fc.assert(
      fc.property(pricingArb.map(withCostlierTier), usageArb, fc.constantFrom(...dimensions), count(300_000), (pricing, usage, dimension, extra) => {
        const grown: RequestUsage = { ...usage };
        if (dimension === 'uncached') grown.promptTokens += extra;
        else {
          grown[dimension] = (usage[dimension] ?? 0) + extra;
          if (dimension === 'cacheReadTokens' || dimension === 'cacheWriteTokens') grown.promptTokens += extra;
        }
        expect(scaled(pricedTotal(pricing, grown))).toBeGreaterThanOrEqual(scaled(pricedTotal(pricing, usage)));
      }),
      { numRuns: 500 },
    );
  });

  it('costs only the per-request, per-image and per-search fees when no tokens are used', () => {
    fc.assert(
      fc.property(pricingArb, fc.integer({ min: 1, max: 10 }), count(10), count(10), (pricing, requests, images, webSearches) => {
        const searches = pricing.perUnit.webSearch ? webSearches : 0;
        const cost = requestCost(pricing, { promptTokens: 0, completionTokens: 0, requests, images, webSearches: searches });
        if (cost.kind !== 'priced') throw new Error(cost.reason);
        const fees =
          BigInt(requests) * scaled(pricing.perUnit.request ?? '0') +
          BigInt(images) * scaled(pricing.perUnit.image ?? '0') +
          BigInt(searches) * scaled(pricing.perUnit.webSearch ?? '0');
        expect(scaled(cost.total)).toBe(fees);
        expect(cost.lines.every((l) => l.dimension === 'request' || l.dimension === 'image' || l.dimension === 'webSearch')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('switches to a tier exactly at its threshold: minPromptTokens − 1 is base-priced, minPromptTokens is tier-priced', () => {
    fc.assert(
      fc.property(tokenPricesArb, tokenPricesArb, fc.integer({ min: 1, max: 2_000_000 }), count(100_000), (base, tierPrices, threshold, completionTokens) => {
        const pricing: Pricing = { perMillionTokens: base, perUnit: {}, tiers: [{ minPromptTokens: threshold, perMillionTokens: tierPrices }], unknown: {} };
        const basePriced: Pricing = { ...pricing, tiers: [] };
        const tierPriced: Pricing = { ...basePriced, perMillionTokens: { ...base, ...tierPrices } };

        const before = requestCost(pricing, { promptTokens: threshold - 1, completionTokens });
        const at = requestCost(pricing, { promptTokens: threshold, completionTokens });
        if (before.kind !== 'priced' || at.kind !== 'priced') throw new Error('expected priced results');
        expect(before.tier).toBeNull();
        expect(at.tier?.minPromptTokens).toBe(threshold);
        expect(before.total).toBe(pricedTotal(basePriced, { promptTokens: threshold - 1, completionTokens }));
        expect(at.total).toBe(pricedTotal(tierPriced, { promptTokens: threshold, completionTokens }));
      }),
      { numRuns: 300 },
    );
  });
});
