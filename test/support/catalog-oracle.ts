/**
 * What the catalog should show, worked out from data/models.json and data/offers.json by rules
 * written here a second time, plainly, so tests do not check the catalog's code against itself:
 * the cheapest current offer (lowest input + output per 1M among listed offers stating both),
 * providers selling it now, and the price text ("$0.54/M", "free", "variable").
 */
import Big from 'big.js';
import type { Model } from '../../src/lib/data/schema.ts';
import { loadCatalog, loadOfferCatalog } from '../../src/lib/data-files/catalog.ts';

export interface ExpectedRow {
  model: Model;
  input: string;
  output: string;
  providers: string[];
}

export function expectedRows(): ExpectedRow[] {
  const offers = loadOfferCatalog().offers.filter((o) => o.listed);
  return loadCatalog().models.map((model) => {
    const own = offers.filter((o) => o.modelId === model.id);
    const priced = own.filter((o) => /^\d/.test(o.pricing.perMillionTokens.input ?? '') && /^\d/.test(o.pricing.perMillionTokens.output ?? ''));
    let best = priced[0];
    for (const o of priced) {
      const blend = (x: typeof o) => new Big(x.pricing.perMillionTokens.input!).plus(x.pricing.perMillionTokens.output!);
      const c = blend(o).cmp(blend(best!));
      if (c < 0 || (c === 0 && o.providerId < best!.providerId)) best = o;
    }
    return {
      model,
      input: best ? best.pricing.perMillionTokens.input! : model.pricing.perMillionTokens.input,
      output: best ? best.pricing.perMillionTokens.output! : model.pricing.perMillionTokens.output,
      providers: [...new Set(own.map((o) => o.providerId))].sort(),
    };
  });
}

/** "0.54" → "$0.54/M", "3" → "$3.00/M", "0.0375" → "$0.0375/M", "1250" → "$1,250.00/M", "0" → "free". */
export function priceText(price: string): string {
  if (price === 'variable') return 'variable';
  if (/^0(\.0+)?$/.test(price)) return 'free';
  const [whole, fraction = ''] = price.split('.');
  return `$${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction.padEnd(2, '0')}/M`;
}

/** Newest first, then by id, as the server renders the catalog. */
export function newestFirst(a: Model, b: Model): number {
  return b.created.localeCompare(a.created) || a.id.localeCompare(b.id, 'en');
}
