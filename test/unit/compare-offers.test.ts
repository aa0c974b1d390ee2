import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Catalog, OfferCatalog } from '../../src/lib/data/schema.ts';
import { toCompareModel } from '../../src/lib/compare/compare-model.ts';
import { cheapestOffer, offerSummary } from '../../src/lib/compare/compare-offers.ts';
import { compareRows } from '../../src/lib/compare/compare-rows.ts';
import { DEFAULT_KV_CONTEXT, DEFAULT_WORKLOAD } from '../../src/lib/compare/compare-url.ts';
import { referenceCost, scaled, unscale } from '../support/reference-pricing.ts';

// The site fixture: real prices recorded from upstream once (see its README), never refreshed.
const models = Catalog.parse(JSON.parse(readFileSync('test/fixtures/site-data/models.json', 'utf8'))).models;
const offerCatalog = OfferCatalog.parse(JSON.parse(readFileSync('test/fixtures/site-data/offers.json', 'utf8')));
const providerById = (id: string) => offerCatalog.providers.find((p) => p.id === id);
const compareModel = (id: string) =>
  toCompareModel(
    models.find((m) => m.id === id)!,
    offerCatalog.offers.filter((o) => o.modelId === id),
    providerById,
  );

/** The default workload's month on a price list, by the independent reference: tokens per request × requests × days. */
function referenceMonth(pricing: Parameters<typeof referenceCost>[0]): string {
  const perRequest = referenceCost(pricing, { promptTokens: DEFAULT_WORKLOAD.inputTokens, completionTokens: DEFAULT_WORKLOAD.outputTokens });
  return unscale(perRequest * BigInt(DEFAULT_WORKLOAD.requests) * BigInt(DEFAULT_WORKLOAD.daysPerMonth));
}

describe('offers in a comparison (site fixture)', () => {
  it('picks the listed paid offer that makes the workload cheapest, by an independent reference over every listed offer', () => {
    // Offers that cost nothing (trials, subscription plans) are left out of "cheapest", as on /value/.
    for (const id of ['anthropic/claude-sonnet-4.5', 'mistralai/mistral-7b-instruct-v0.2', 'mistralai/mixtral-8x7b-instruct']) {
      const listed = offerCatalog.offers.filter((o) => o.modelId === id && o.listed);
      const expected = listed.map((o) => ({ provider: o.providerId, month: referenceMonth(o.pricing) })).filter((o) => scaled(o.month) > 0n).sort((a, b) => (scaled(a.month) < scaled(b.month) ? -1 : scaled(a.month) > scaled(b.month) ? 1 : 0))[0]!;
      const cheapest = cheapestOffer(compareModel(id), DEFAULT_WORKLOAD);
      expect(cheapest?.offer.providerId, id).toBe(expected.provider);
      expect(scaled(cheapest!.perMonth), id).toBe(scaled(expected.month));
    }
  });

  it('leaves retired offers out of the cheapest, and counts them apart', () => {
    // OpenRouter's Mistral 7B offer is retired in the fixture; Cortecs is the only listed one.
    const mistral = compareModel('mistralai/mistral-7b-instruct-v0.2');
    expect(cheapestOffer(mistral, DEFAULT_WORKLOAD)?.offer.providerId).toBe('cortecs');
    expect(offerSummary(mistral, DEFAULT_WORKLOAD)).toMatch(/ at Cortecs · 1 offer \(1 retired\)$/);
  });

  it('lists each provider in one row, marks the cheapest and says which model a provider does not sell', () => {
    const groups = compareRows([compareModel('mistralai/mistral-7b-instruct-v0.2'), compareModel('mistralai/mixtral-8x7b-instruct')], {
      workload: DEFAULT_WORKLOAD,
      kvContext: DEFAULT_KV_CONTEXT,
    });
    const offers = groups.find((g) => g.id === 'offers')!;
    const mistralRow = offers.rows.find((r) => r.id === 'offer-mistral')!;
    expect(mistralRow.label).toBe('Mistral');
    expect(mistralRow.cells[0]!.text).toBe('not sold here');
    // Mistral sells Mixtral 8x7B at $0.70/M in and out: 2,500 tokens × $0.70/M × 1,000 × 30 = $52.50 a month.
    expect(mistralRow.cells[1]!.text).toBe('$52.50 a month ($0.70/M in, $0.70/M out)');
    const openrouter = offers.rows.find((r) => r.id === 'offer-openrouter')!;
    expect(openrouter.cells.every((c) => c.text.startsWith('retired since'))).toBe(true);
    expect(openrouter.best).toEqual([false, false]);
  });

  it('shows Artificial Analysis figures with the source named, linked and dated', () => {
    const groups = compareRows([compareModel('anthropic/claude-sonnet-4.5'), compareModel('mistralai/mixtral-8x7b-instruct')], {
      workload: DEFAULT_WORKLOAD,
      kvContext: DEFAULT_KV_CONTEXT,
    });
    const quality = groups.find((g) => g.id === 'quality')!;
    expect(quality.title).toContain('Artificial Analysis');
    const source = quality.rows.find((r) => r.id === 'aa-source')!;
    const sonnet = models.find((m) => m.id === 'anthropic/claude-sonnet-4.5')!.quality!;
    expect(source.cells[0]!.href).toBe(sonnet.source.url);
    expect(source.cells[0]!.text).toContain('Artificial Analysis');
    expect(quality.rows.find((r) => r.id === 'aa-intelligence')!.cells[0]!.text).toBe(String(sonnet.intelligenceIndex));
  });
});
