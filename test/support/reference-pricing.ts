/**
 * An independent restatement of the billing rules for tests: BigInt fixed-point amounts (USD × 10^40),
 * parsed from the catalog's decimal strings by string manipulation. It shares no code with
 * src/lib/pricing/pricing.ts, so tests can check the module (and the pages using it) against it.
 */
import type { Pricing } from '../../src/lib/data/schema.ts';
import type { RequestUsage } from '../../src/lib/pricing/pricing.ts';

export const SCALE = 40;
export const ONE = 10n ** BigInt(SCALE);

/** "0.54" → 0.54 × 10^SCALE as a BigInt. */
export function scaled(decimal: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) throw new Error(`not a plain decimal: ${decimal}`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > SCALE) throw new Error(`too many decimals for the reference: ${decimal}`);
  return BigInt(whole) * ONE + BigInt(fraction.padEnd(SCALE, '0') || '0');
}

/** A scaled amount back to a plain decimal string without trailing zeros. */
export function unscale(value: bigint): string {
  const whole = value / ONE;
  const fraction = (value % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** The usage shape is the module's (a type only: the arithmetic below shares nothing with it). */
export type ReferenceUsage = RequestUsage;

type TokenPriceTable = Partial<Record<keyof Pricing['perMillionTokens'], string>>;

/**
 * The price of each token dimension, looked up level by level: the reached tier first, then the base
 * prices. Reasoning tokens are output tokens, so they take the first level that prices output or
 * reasoning at all, and within it the reasoning price if that level states one, else its output price.
 */
function tokenPrice(levels: TokenPriceTable[], dimension: 'input' | 'cacheRead' | 'cacheWrite' | 'output' | 'reasoning'): string {
  if (dimension === 'reasoning') {
    const level = levels.find((l) => l.reasoning !== undefined || l.output !== undefined);
    const price = level?.reasoning ?? level?.output;
    if (price === undefined) throw new Error('no output price at any level');
    return price;
  }
  const stated = levels.find((l) => l[dimension] !== undefined)?.[dimension];
  if (stated !== undefined) return stated;
  if (dimension === 'cacheRead' || dimension === 'cacheWrite') return tokenPrice(levels, 'input');
  throw new Error(`no ${dimension} price at any level`);
}

/**
 * Expected cost in USD × 10^SCALE: Σ tokens × price-per-1M / 10^6 + Σ units × unit price, at the
 * highest tier whose threshold the per-request prompt reaches; cache tokens fall back to the input
 * price. A discount takes its fraction off the total.
 */
export function referenceCost(pricing: Pricing, usage: ReferenceUsage): bigint {
  const requests = usage.requests ?? 1;
  const perRequestPrompt = Math.floor(usage.promptTokens / requests);
  const tier = [...pricing.tiers].sort((a, b) => b.minPromptTokens - a.minPromptTokens).find((t) => t.minPromptTokens <= perRequestPrompt);
  const levels: TokenPriceTable[] = tier ? [tier.perMillionTokens, pricing.perMillionTokens] : [pricing.perMillionTokens];
  const units = { ...pricing.perUnit, ...(tier?.perUnit ?? {}) };
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const tokenTerms: [number, string][] = [
    [usage.promptTokens - cacheRead - cacheWrite, tokenPrice(levels, 'input')],
    [cacheRead, tokenPrice(levels, 'cacheRead')],
    [cacheWrite, tokenPrice(levels, 'cacheWrite')],
    [usage.completionTokens, tokenPrice(levels, 'output')],
    [usage.reasoningTokens ?? 0, tokenPrice(levels, 'reasoning')],
  ];
  let total = 0n;
  for (const [quantity, price] of tokenTerms) {
    if (quantity === 0) continue;
    const product = BigInt(quantity) * scaled(price);
    if (product % 1_000_000n !== 0n) throw new Error('reference scale too small');
    total += product / 1_000_000n;
  }
  total += BigInt(requests) * (units.request ? scaled(units.request) : 0n);
  total += BigInt(usage.images ?? 0) * (units.image ? scaled(units.image) : 0n);
  total += BigInt(usage.webSearches ?? 0) * (units.webSearch ? scaled(units.webSearch) : 0n);
  if (pricing.discount) total = (total * (ONE - scaled(pricing.discount))) / ONE;
  return total;
}
