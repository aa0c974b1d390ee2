/**
 * The calculator as built: its data endpoint, its server-rendered fallback, and the cost estimate on
 * model cards. Expected amounts come from the BigInt reference in test/support/reference-pricing.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, OfferCatalog, Pricing, type Model } from '../../src/lib/data/schema.ts';
import { referenceCost, scaled } from '../support/reference-pricing.ts';
import { distDir, loadPage, text } from '../support/site.ts';

const dataDir = path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
const catalog = Catalog.parse(JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')));
const offersFile = path.join(dataDir, 'offers.json');
const offerCatalog = existsSync(offersFile) ? OfferCatalog.parse(JSON.parse(readFileSync(offersFile, 'utf8'))) : { offers: [] };

/** What the calculator ranks for a model: its offers, or the price OpenRouter lists when no offer sells it. */
function offersOfModel(model: Model): { pricing: Pricing; contextLength: number | null; maxOutputTokens: number | null; listed: boolean }[] {
  const offers = offerCatalog.offers.filter((o) => o.modelId === model.id);
  return offers.length > 0 ? offers : [{ pricing: model.pricing, contextLength: model.contextLength, maxOutputTokens: model.maxCompletionTokens, listed: model.listed }];
}

describe('/api/pricing.json', () => {
  const body = JSON.parse(readFileSync(path.join(distDir(), 'api', 'pricing.json'), 'utf8')) as {
    asOf: string;
    models: Record<string, unknown>[];
    offers: { id: string; modelId: string; pricing: unknown }[];
  };

  it('lists every catalog model once with only the fields the calculator reads', () => {
    expect(body.asOf).toBe(catalog.asOf);
    expect(body.models.map((m) => m.id)).toEqual(catalog.models.map((m) => m.id));
    for (const entry of body.models) {
      expect(Object.keys(entry).sort()).toEqual(
        ['author', 'authorLabel', 'contextLength', 'displayName', 'id', 'inputModalities', 'intelligenceIndex', 'listed', 'maxCompletionTokens', 'slug', 'tags', 'tokenizer'].sort(),
      );
    }
  });

  it('carries every offer of every model, and the listed price for a model no offer sells, with valid prices only', () => {
    const expected = catalog.models.flatMap((m) => offersOfModel(m).map((o) => ('id' in o ? o.id : `openrouter/${m.id}`)));
    expect(body.offers.map((o) => o.id).sort()).toEqual([...expected].sort());
    for (const offer of body.offers) expect(Pricing.safeParse(offer.pricing).success, offer.id).toBe(true);
  });
});

describe('/calculator/ as built', () => {
  const $ = loadPage('/calculator/');

  it('passes the island a data URL, not the catalog', () => {
    const island = $('astro-island[component-url*="Calculator"]');
    expect(island.length).toBe(1);
    expect(island.attr('client')).toBe('load');
    expect((island.attr('props') ?? '').length).toBeLessThan(500);
  });

  it('renders the chat-turn ranking: every listed paid model that fits at its cheapest listed offer, cheapest first', () => {
    const usage = { promptTokens: 1_000, completionTokens: 500 };
    const expected = catalog.models
      .filter((m) => m.listed)
      .map((m) => {
        const costs = offersOfModel(m)
          .filter((o) => o.listed && o.pricing.perMillionTokens.input !== 'variable' && (o.contextLength ?? Infinity) >= 1_500 && (o.maxOutputTokens ?? Infinity) >= 500)
          .map((o) => referenceCost(o.pricing, usage));
        return costs.length === 0 ? null : costs.reduce((a, b) => (b < a ? b : a));
      })
      .filter((cost): cost is bigint => cost !== null && cost > 0n)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shown = $('#calc-fallback tbody tr')
      .map((_, tr) => scaled($(tr).find('[data-exact]').first().attr('data-exact') ?? ''))
      .get();
    expect(shown).toEqual(expected);
  });
});

describe('cost estimate on a model card', () => {
  it('prices a chat turn with the per-request fee and links to the calculator for the model', () => {
    const $ = loadPage('/models/perplexity/sonar/');
    const estimate = $('.card-cost-estimate');
    expect(estimate.length).toBe(1);
    // 1,000 × $1/M + 500 × $1/M + $0.005 per request = $0.0065; × 1,000 a day × 30 days = $195
    expect(text(estimate)).toContain('A chat turn (1,000 input + 500 output tokens) costs $0.0065; 1,000 turns a day for 30 days come to $195.00 a month.');
    expect(estimate.find('a').attr('href')).toBe('/calculator/?preset=chat&model=perplexity%2Fsonar');
  });

  it('says a router has no fixed cost instead of a number', () => {
    const $ = loadPage('/models/openrouter/auto/');
    expect(text($('.card-cost-estimate'))).toMatch(/has no fixed cost here/);
  });
});
