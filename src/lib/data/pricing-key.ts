/**
 * One string per distinct pricing, for telling whether a price changed: much cheaper than a canonical
 * JSON copy of each pricing, which comparing tens of thousands of statements made the slowest step.
 * Prices are canonical decimal strings already, so equal text is equal value.
 */
import type { Pricing } from './schema.ts';

const memo = new WeakMap<Pricing, string>();

function sortedPairs(record: Record<string, unknown>): string {
  return Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${key}=${typeof record[key] === 'object' ? JSON.stringify(record[key]) : String(record[key])}`)
    .join(',');
}

export function pricingKey(pricing: Pricing): string {
  let key = memo.get(pricing);
  if (key === undefined) {
    const tiers = pricing.tiers.map((t) => `${t.minPromptTokens}:${sortedPairs(t.perMillionTokens)}:${sortedPairs(t.perUnit ?? {})}`).join(';');
    key = `${sortedPairs(pricing.perMillionTokens)}|${sortedPairs(pricing.perUnit)}|${pricing.discount ?? ''}|${tiers}|${sortedPairs(pricing.unknown)}`;
    memo.set(pricing, key);
  }
  return key;
}
