/**
 * The normalized `Pricing` (src/lib/data/schema.ts) as a zod/mini schema, for islands that fetch
 * prices and check them before use: zod/mini costs a few KB of script where the full zod build costs
 * about 90 KB. Builders of the fetched files type their output with the full schema's types, so the
 * type checker holds the two shapes together.
 */
import * as z from 'zod/mini';
import { DECIMAL, DISCOUNT_FRACTION } from './decimal.ts';
import { VARIABLE_PRICE } from './variable-price.ts';

export const decimalMini = z.string().check(z.regex(DECIMAL, 'is not a non-negative decimal number'));
export const priceMini = z.union([decimalMini, z.literal(VARIABLE_PRICE)]);

const tokenPriceShape = {
  cacheRead: z.optional(priceMini),
  cacheWrite: z.optional(priceMini),
  cacheWrite1h: z.optional(priceMini),
  reasoning: z.optional(priceMini),
  audioInput: z.optional(priceMini),
  audioCacheRead: z.optional(priceMini),
  audioOutput: z.optional(priceMini),
  imageOutput: z.optional(priceMini),
};
const unitPrices = z.object({ request: z.optional(priceMini), image: z.optional(priceMini), webSearch: z.optional(priceMini) });

export const PricingMini = z.object({
  perMillionTokens: z.object({ input: priceMini, output: priceMini, ...tokenPriceShape }),
  perUnit: unitPrices,
  discount: z.optional(z.string().check(z.regex(DISCOUNT_FRACTION, 'is not a discount fraction from 0 up to, not including, 1'))),
  tiers: z.array(
    z.object({
      minPromptTokens: z.number(),
      perMillionTokens: z.object({ input: z.optional(priceMini), output: z.optional(priceMini), ...tokenPriceShape }),
      perUnit: z.optional(unitPrices),
    }),
  ),
  unknown: z.record(z.string(), z.string()),
});
