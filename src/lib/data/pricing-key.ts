/**
 * One string per distinct pricing, for telling whether a price changed: much cheaper than a canonical
 * JSON copy of each pricing, which comparing tens of thousands of statements made the slowest step.
 * Prices are canonical decimal strings already, so equal text is equal value.
 */
import { TokenPrices, UnitPrices, type Pricing } from './schema.ts';

const memo = new WeakMap<Pricing, string>();

// The schema's dimensions in a fixed order: no per-object key listing and sorting.
const TOKEN_KEYS = Object.keys(TokenPrices.shape).sort();
const UNIT_KEYS = Object.keys(UnitPrices.shape).sort();

function pairs(record: Readonly<Record<string, unknown>>, keys: readonly string[]): string {
  let text = '';
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined) text += `${key}=${String(value)},`;
  }
  return text;
}

/** Upstream's own keys (`unknown`): any names, so listed and sorted. */
function sortedPairs(record: Readonly<Record<string, unknown>>): string {
  return pairs(record, Object.keys(record).sort());
}

export function pricingKey(pricing: Pricing): string {
  let key = memo.get(pricing);
  if (key === undefined) {
    const tiers = pricing.tiers.map((t) => `${t.minPromptTokens}:${pairs(t.perMillionTokens, TOKEN_KEYS)}:${pairs(t.perUnit ?? {}, UNIT_KEYS)}`).join(';');
    key = `${pairs(pricing.perMillionTokens, TOKEN_KEYS)}|${pairs(pricing.perUnit, UNIT_KEYS)}|${pricing.discount ?? ''}|${tiers}|${sortedPairs(pricing.unknown)}`;
    memo.set(pricing, key);
  }
  return key;
}
