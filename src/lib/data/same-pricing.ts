/**
 * Whether two prices are the same, for telling where a price changed (history points, repeated
 * statements). Compared field by field: prices are canonical decimal strings already, so equal text
 * is equal value, and no key string is built for each of the ~40,000 pricings a run compares.
 */
import type { Pricing, PriceTier } from './schema.ts';

/** Same stated members, whatever their order; an undefined member is not stated. */
function sameRecord(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  let stated = 0;
  for (const key in a) {
    const value = a[key];
    if (value === undefined) continue;
    if (b[key] !== value) return false;
    stated += 1;
  }
  for (const key in b) if (b[key] !== undefined) stated -= 1;
  return stated === 0;
}

function sameTier(a: PriceTier, b: PriceTier): boolean {
  return a.minPromptTokens === b.minPromptTokens && sameRecord(a.perMillionTokens, b.perMillionTokens) && sameRecord(a.perUnit ?? {}, b.perUnit ?? {});
}

export function samePricing(a: Pricing, b: Pricing): boolean {
  if (a === b) return true;
  return (
    a.discount === b.discount &&
    sameRecord(a.perMillionTokens, b.perMillionTokens) &&
    sameRecord(a.perUnit, b.perUnit) &&
    a.tiers.length === b.tiers.length &&
    a.tiers.every((tier, i) => sameTier(tier, b.tiers[i]!)) &&
    sameRecord(a.unknown, b.unknown)
  );
}
