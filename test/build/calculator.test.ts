/**
 * The calculator as built: its data endpoint, its server-rendered fallback, and the cost estimate on
 * model cards. Expected amounts come from the BigInt reference in test/support/reference-pricing.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, OfferCatalog, Pricing, type Model } from '../../src/lib/data/schema.ts';
import { openRouterSnapshotPricing, rawOpenRouterPricing } from '../support/raw-prices.ts';
import { referenceCost, scaled, unscale } from '../support/reference-pricing.ts';
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
  // The compact wire form: models and offers as tuples, offers pointing at models and providers by index.
  const body = JSON.parse(readFileSync(path.join(distDir(), 'api', 'pricing.json'), 'utf8')) as {
    asOf: string;
    providers: [string, string][];
    models: unknown[][];
    offers: [number, number, { perMillionTokens: unknown; perUnit?: unknown; tiers?: unknown; discount?: string }, number | null, number | null, 0 | 1][];
  };

  it('lists every catalog model once, in catalog order, with the thirteen facts the calculator reads (output modalities eighth, the last its creation date)', () => {
    expect(body.asOf).toBe(catalog.asOf);
    expect(body.models.map((m) => m[0])).toEqual(catalog.models.map((m) => m.id));
    for (const entry of body.models) expect(entry).toHaveLength(13);
    expect(body.models.map((m) => m[7])).toEqual(catalog.models.map((m) => m.outputModalities));
    expect(body.models.map((m) => m[12])).toEqual(catalog.models.map((m) => m.created));
  });

  it('carries every offer of every model, and the listed price for a model no offer sells, with valid prices only', () => {
    const pairs = body.offers.map(([m, p]) => `${body.providers[p]?.[0]} ${body.models[m]?.[0]}`);
    const expected = catalog.models.flatMap((m) => {
      const offers = offerCatalog.offers.filter((o) => o.modelId === m.id);
      return offers.length > 0 ? offers.map((o) => `${o.providerId} ${m.id}`) : [`openrouter ${m.id}`];
    });
    expect([...pairs].sort()).toEqual([...expected].sort());
    for (const [m, , pricing] of body.offers) {
      const full = { perUnit: {}, tiers: [], unknown: {}, ...pricing };
      expect(Pricing.safeParse(full).success, String(body.models[m]?.[0])).toBe(true);
    }
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

  it('renders the chat-turn ranking: every listed paid model that writes text and fits at its cheapest listed offer, cheapest first (its top 100 on /calculator/, all on /calculator/all/)', () => {
    const usage = { promptTokens: 1_000, completionTokens: 500 };
    // A chat turn wants a text reply: models that write only images, audio or video cannot give one.
    const writesText = (m: (typeof catalog.models)[number]) => m.outputModalities.length === 0 || m.outputModalities.includes('text');
    const expected = catalog.models
      .filter((m) => m.listed && writesText(m))
      .map((m) => {
        const costs = offersOfModel(m)
          .filter((o) => o.listed && o.pricing.perMillionTokens.input !== 'variable' && o.pricing.perMillionTokens.output !== 'variable' && (o.contextLength ?? Infinity) >= 1_500 && (o.maxOutputTokens ?? Infinity) >= 500)
          .map((o) => referenceCost(o.pricing, usage));
        return costs.length === 0 ? null : costs.reduce((a, b) => (b < a ? b : a));
      })
      .filter((cost): cost is bigint => cost !== null && cost > 0n)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shownOn = (page: ReturnType<typeof loadPage>) =>
      page('#calc-fallback tbody tr')
        .map((_, tr) => scaled(page(tr).find('[data-exact]').first().attr('data-exact') ?? ''))
        .get();
    expect(shownOn(loadPage('/calculator/all/'))).toEqual(expected);
    expect(shownOn($)).toEqual(expected.slice(0, 100));
    if (expected.length > 100) expect($('#calc-fallback a[href="/calculator/all/"]').length).toBe(1);
  });
});

describe('cost estimate on a model card', () => {
  it('prices a chat turn as the raw OpenRouter prices say and links to the calculator for the model', () => {
    // The first listed model that the newest OpenRouter snapshot sells at a fixed, non-zero price.
    const snapshot = openRouterSnapshotPricing();
    const paid = (id: string) => {
      const prompt = snapshot.get(id)?.prompt;
      return typeof prompt === 'string' && prompt !== '-1' && Number(prompt) > 0;
    };
    const model = catalog.models.find((m) => m.listed && paid(m.id));
    if (!model) throw new Error('no listed model with a fixed price in the newest OpenRouter snapshot');
    const perRequest = referenceCost(rawOpenRouterPricing(model.id), { promptTokens: 1_000, completionTokens: 500 });
    const $ = loadPage(`/models/${model.slug}/`);
    const estimate = $('.card-cost-estimate');
    expect(estimate.length).toBe(1);
    expect(text(estimate)).toMatch(/^A chat turn \(1,000 input \+ 500 output tokens\) costs \$[\d.,]+; 1,000 turns a day for 30 days come to \$[\d.,]+ a month\./);
    expect(estimate.find('strong[data-exact]').map((_, el) => $(el).attr('data-exact')).get()).toEqual([unscale(perRequest), unscale(perRequest * 30_000n)]);
    const link = new URL(estimate.find('a').attr('href') ?? '', 'http://site.test');
    expect(link.pathname).toBe('/calculator/');
    expect(Object.fromEntries(link.searchParams)).toEqual({ preset: 'chat', model: model.id });
  });

  it('says a router has no fixed cost instead of a number', () => {
    const $ = loadPage('/models/openrouter/auto/');
    expect(text($('.card-cost-estimate'))).toMatch(/has no fixed cost here/);
  });
});
