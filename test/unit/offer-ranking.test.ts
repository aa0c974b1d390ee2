import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFER_FILTERS, modelMeant, rankOffers, type OfferFilters } from '../../src/lib/calculator/offer-ranking.ts';
import type { PricedModel, PricedOffer, PricingPayload } from '../../src/lib/calculator/pricing-payload.ts';
import { DEFAULT_PRESET } from '../../src/lib/pricing/workload.ts';
import { meantText } from '../../src/lib/calculator/ranking-text.ts';

const chat = DEFAULT_PRESET.workload;

function model(id: string, extra: Partial<PricedModel> = {}): PricedModel {
  return {
    id,
    slug: id,
    displayName: id,
    author: id.split('/')[0] ?? id,
    authorLabel: id,
    contextLength: 128_000,
    maxCompletionTokens: null,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Other',
    tags: [],
    listed: true,
    intelligenceIndex: null,
    created: '2026-01-01',
    ...extra,
  };
}

function offer(modelId: string, providerId: string, input: string, output: string, extra: Partial<PricedOffer> = {}): PricedOffer {
  return {
    modelId,
    providerId,
    pricing: { perMillionTokens: { input, output }, perUnit: {}, tiers: [], unknown: {} },
    contextLength: 128_000,
    maxOutputTokens: null,
    listed: true,
    ...extra,
  };
}

const payload: Pick<PricingPayload, 'models' | 'offers' | 'providers'> = {
  providers: [
    { id: 'p1', name: 'Provider One' },
    { id: 'p2', name: 'Provider Two' },
  ],
  models: [
    model('x/dear', { intelligenceIndex: 60 }),
    model('x/cheap', { intelligenceIndex: 20 }),
    model('x/free'),
    model('x/router'),
    model('x/tiny'),
    model('x/gone', { listed: false }),
  ],
  offers: [
    offer('x/dear', 'p1', '10', '30'),
    offer('x/dear', 'p2', '8', '24'),
    offer('x/cheap', 'p1', '0.1', '0.2'),
    offer('x/cheap', 'p2', '0.2', '0.2', { contextLength: 900 }),
    offer('x/free', 'p1', '0', '0'),
    offer('x/free', 'p2', '1', '1'),
    offer('x/router', 'p1', 'variable', 'variable'),
    offer('x/tiny', 'p1', '0.01', '0.01', { contextLength: 1_000 }),
    offer('x/gone', 'p1', '0.05', '0.05'),
  ],
};

const filters = (extra: Partial<OfferFilters> = {}): OfferFilters => ({ ...DEFAULT_OFFER_FILTERS, ...extra });
const ids = (rows: { offer: PricedOffer }[]) => rows.map((r) => `${r.offer.providerId}/${r.offer.modelId}`);

describe('rankOffers', () => {
  it('ranks every offer cheapest first and sets free, variable and unfit offers apart', () => {
    const ranking = rankOffers(payload, chat, filters({ onePerModel: false }));
    // Per chat turn (1,000 in, 500 out): cheap@p1 0.0002, cheap@p2 0.0003, free@p2 0.0015, dear@p2 0.02, dear@p1 0.025.
    expect(ids(ranking.ranked)).toEqual(['p1/x/cheap', 'p2/x/free', 'p2/x/dear', 'p1/x/dear']);
    expect(ids(ranking.free)).toEqual(['p1/x/free']);
    expect(ids(ranking.variable)).toEqual(['p1/x/router']);
    expect(ranking.cannotServe.map((r) => [`${r.offer.providerId}/${r.offer.modelId}`, r.reasons])).toEqual([
      ['p2/x/cheap', ['context of 900 tokens is smaller than the 1,500 this request needs']],
      ['p1/x/tiny', ['context of 1,000 tokens is smaller than the 1,500 this request needs']],
    ]);
    // x/cheap at p1: 1,000 × 0.1 + 500 × 0.2 = 200 per 1M → 0.0002; × 1,000 a day = 0.2; × 30 = 6
    expect(ranking.ranked[0]?.costs).toEqual({ perRequest: '0.0002', perDay: '0.2', perMonth: '6' });
    expect(ranking.ranked[0]?.providerName).toBe('Provider One');
  });

  it('keeps one row per model by default: its cheapest offer, or free when any offer is free', () => {
    const ranking = rankOffers(payload, chat, filters());
    expect(ids(ranking.ranked)).toEqual(['p1/x/cheap', 'p2/x/dear']);
    expect(ids(ranking.free)).toEqual(['p1/x/free']);
    expect(ids(ranking.variable)).toEqual(['p1/x/router']);
    expect(ids(ranking.cannotServe)).toEqual(['p1/x/tiny']);
  });

  it('filters by provider, by quality index and by a stated context that holds the prompt', () => {
    expect(ids(rankOffers(payload, chat, filters({ provider: 'p2' })).ranked)).toEqual(['p2/x/free', 'p2/x/dear']);
    // Models without an index are left out once a minimum is set.
    expect(ids(rankOffers(payload, chat, filters({ minQuality: 50 })).ranked)).toEqual(['p2/x/dear']);
    const long = { ...chat, inputTokens: 950 };
    const holding = rankOffers(payload, long, filters({ onePerModel: false, contextHoldsPrompt: true }));
    expect([...ids(holding.ranked), ...ids(holding.cannotServe)]).not.toContain('p2/x/cheap');
    expect(ids(holding.cannotServe)).toContain('p1/x/tiny');
  });

  it('leaves retired models and offers out unless asked for', () => {
    expect(ids(rankOffers(payload, chat, filters()).ranked)).not.toContain('p1/x/gone');
    // 1,000 × 0.05 + 500 × 0.05 = 75 per 1M: the retired offer is the cheapest of all once shown.
    expect(ids(rankOffers(payload, chat, filters({ retired: true })).ranked)[0]).toBe('p1/x/gone');
  });

  it('finds models through the site search: every word of the query in the name or id', () => {
    expect(ids(rankOffers(payload, chat, filters({ query: 'dear' })).ranked)).toEqual(['p2/x/dear']);
  });

  it('lists an offer with no web search price as unable to serve searches', () => {
    const ranking = rankOffers(payload, { ...chat, webSearches: 1 }, filters({ onePerModel: false }));
    expect(ranking.cannotServe.find((r) => r.offer.providerId === 'p1' && r.offer.modelId === 'x/cheap')?.reasons).toEqual(['the model states no web search price']);
  });
});

describe('modelMeant: the model a search names, with its offers ranked by cost', () => {
  const llama = model('meta-llama/llama-3.1-8b-instruct', { displayName: 'Meta: Llama 3.1 8B Instruct' });
  // Cheaper than every Llama offer and its name holds every query word, but it is not the model meant.
  const hermes = model('nousresearch/hermes-3-llama-3.1-8b', { displayName: 'Nous: Hermes 3 Llama 3.1 8B' });
  const old = model('meta-llama/llama-3-8b-instruct', { displayName: 'Meta: Llama 3 8B Instruct', listed: false });
  const searchPayload: Pick<PricingPayload, 'models' | 'offers' | 'providers'> = {
    providers: [
      { id: 'p1', name: 'Provider One' },
      { id: 'p2', name: 'Provider Two' },
      { id: 'p3', name: 'Provider Three' },
      { id: 'p4', name: 'Router' },
    ],
    models: [hermes, llama, old],
    offers: [
      // Chat turn, 1,000 in + 500 out: p1 50 + 40 = 90 per 1M requests' tokens, p2 20 + 25 = 45, p3 free.
      offer(llama.id, 'p1', '0.05', '0.08'),
      offer(llama.id, 'p2', '0.02', '0.05'),
      offer(llama.id, 'p3', '0', '0'),
      offer(llama.id, 'p4', 'variable', 'variable'),
      offer(hermes.id, 'p1', '0.01', '0.01'),
      offer(old.id, 'p1', '0.01', '0.01', { listed: false }),
    ],
  };

  it('picks the best match of the one search and ranks its offers: free, then cheapest paid first, then unpriced', () => {
    const meant = modelMeant(searchPayload, chat, filters({ query: 'llama 3.1 8b' }));
    expect(meant?.model.id).toBe(llama.id);
    expect(ids(meant!.offers.free)).toEqual(['p3/meta-llama/llama-3.1-8b-instruct']);
    expect(ids(meant!.offers.ranked)).toEqual(['p2/meta-llama/llama-3.1-8b-instruct', 'p1/meta-llama/llama-3.1-8b-instruct']);
    expect(meant!.offers.ranked.map((r) => r.costs.perRequest)).toEqual(['0.000045', '0.00009']);
    expect(ids(meant!.offers.variable)).toEqual(['p4/meta-llama/llama-3.1-8b-instruct']);
    expect(meant!.others.map((m) => m.id)).toEqual([hermes.id]);
  });

  it('keeps every offer even when the ranking shows one row per model', () => {
    const meant = modelMeant(searchPayload, chat, filters({ query: 'llama 3.1 8b', onePerModel: true }));
    expect(meant!.offers.ranked).toHaveLength(2);
  });

  it('follows the other filters: a provider narrows its offers, retired models are left out unless asked for', () => {
    expect(ids(modelMeant(searchPayload, chat, filters({ query: 'llama 3.1 8b', provider: 'p1' }))!.offers.ranked)).toEqual(['p1/meta-llama/llama-3.1-8b-instruct']);
    expect(modelMeant(searchPayload, chat, filters({ query: 'llama 3 8b' }))?.model.id).not.toBe(old.id);
    expect(modelMeant(searchPayload, chat, filters({ query: 'meta-llama/llama-3-8b-instruct', retired: true }))?.model.id).toBe(old.id);
  });

  it('says where to buy it: free offers, the cheapest paid one and its place in the ranking, what has no price', () => {
    const perOffer = filters({ query: 'llama 3.1 8b', onePerModel: false });
    const meant = modelMeant(searchPayload, chat, perOffer)!;
    // Ranked offers: Hermes at p1 ($0.000015), then Llama at p2 ($0.000045), Llama at p1 ($0.00009); 1,000 a day × 30 days.
    expect(meantText(meant, rankOffers(searchPayload, chat, perOffer), false)).toBe(
      'Free at Provider Three; free offers usually come with rate limits. Cheapest paid offer: Provider Two, $0.000045 per request, $1.35 per month (#2 of 3 ranked offers below). Not priced: 1 with a variable price.',
    );
    // One row per model: the model is free somewhere, so the ranking lists it apart and no place is given.
    const perModel = filters({ query: 'llama 3.1 8b' });
    expect(meantText(meant, rankOffers(searchPayload, chat, perModel), true)).not.toContain('#');
    const noOffer = modelMeant(searchPayload, chat, filters({ query: 'llama 3.1 8b', provider: 'p9' }))!;
    expect(meantText(noOffer, rankOffers(searchPayload, chat, perModel), true)).toBe('None of its offers passes the filters above.');
  });

  it('is null without a query or a match', () => {
    expect(modelMeant(searchPayload, chat, filters())).toBeNull();
    expect(modelMeant(searchPayload, chat, filters({ query: '   ' }))).toBeNull();
    expect(modelMeant(searchPayload, chat, filters({ query: 'qqqqzzzz' }))).toBeNull();
  });
});
