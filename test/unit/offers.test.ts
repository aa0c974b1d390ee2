/**
 * Offers from hand-made listings. Prices are the recordings' (SOURCES.md): Mixtral 8x7B Instruct at
 * $0.54/$0.54 on OpenRouter until 2026-04-30, open-mixtral-8x7b at $0.7/$0.7 at Mistral (models.dev
 * and LiteLLM), DeepInfra at $0.4/$0.4 in LiteLLM.
 */
import { describe, expect, it } from 'vitest';
import { buildOffers, completeListingDates, disagreementsOf, type PlacedEntry } from '../../src/lib/data/offers.ts';
import type { SourceListing } from '../../src/lib/data/sources/listing.ts';
import { entry, listing, prices } from '../support/listings.ts';

const MIXTRAL = 'mistralai/mixtral-8x7b-instruct';

function place(listings: SourceListing[], providerOf: (source: string, providerId: string) => string = (_s, p) => p): PlacedEntry[] {
  return listings.flatMap((l) => l.entries.map((e) => ({ listing: l, entry: e, providerId: providerOf(l.source, e.providerId), modelId: MIXTRAL, match: { by: 'key' as const, detail: 'test' } })));
}

function offersOf(listings: SourceListing[], openRouterRetiredSince: (id: string) => string | null | undefined = () => undefined) {
  return buildOffers(place(listings), { completeListingDates: completeListingDates(listings), openRouterRetiredSince }).offers;
}

const openRouter = (date: string, listed: boolean, input = '0.54') =>
  listing('openrouter', date, listed ? [entry('openrouter', MIXTRAL, { pricing: prices(input, input), contextLength: 32768 })] : [], ['openrouter']);

describe('offers', () => {
  it("retires OpenRouter's own offer with OpenRouter's first listing without it, keeping its last price", () => {
    const [offer] = offersOf([openRouter('2026-03-31', true), openRouter('2026-04-30', true), openRouter('2026-05-31', false), openRouter('2026-08-22', false)]);
    expect(offer).toMatchObject({ id: `openrouter/${MIXTRAL}`, providerId: 'openrouter', listed: false, retiredSince: '2026-05-31', firstSeen: '2026-03-31', lastSeen: '2026-04-30' });
    expect(offer!.pricing.perMillionTokens).toEqual({ input: '0.54', output: '0.54' });
  });

  it("lets models.dev's copy of OpenRouter add a statement but never keep OpenRouter's offer listed", () => {
    const modelsDev = listing('models.dev', '2026-06-13', [entry('openrouter', MIXTRAL, { pricing: prices('0.54', '0.54') })], ['openrouter']);
    const [offer] = offersOf([openRouter('2026-04-30', true), openRouter('2026-05-31', false), modelsDev]);
    expect(offer).toMatchObject({ listed: false, retiredSince: '2026-05-31' });
    expect(offer!.statements.map((s) => [s.source, s.date])).toEqual([['openrouter', '2026-04-30'], ['models.dev', '2026-06-13']]);
  });

  it('joins one seller’s statements from several sources into one offer showing the newest', () => {
    const litellm = listing('litellm', '2026-08-01', [entry('mistral', 'open-mixtral-8x7b', { key: 'mistral/open-mixtral-8x7b', pricing: prices('0.7', '0.7'), contextLength: 32000 })], ['mistral']);
    const modelsDev = listing('models.dev', '2026-08-22', [entry('mistral', 'open-mixtral-8x7b', { pricing: prices('0.7', '0.7'), contextLength: 32000 })], ['mistral']);
    const [offer] = offersOf([litellm, modelsDev]);
    expect(offer).toMatchObject({ id: 'mistral/open-mixtral-8x7b', listed: true, retiredSince: null, contextLength: 32000, disagreements: [] });
    expect(offer!.statements.map((s) => s.source)).toEqual(['models.dev', 'litellm']);
  });

  it('records each source’s figure where they disagree, newest first', () => {
    const direct = listing('models.dev', '2026-08-22', [entry('mistral', 'open-mixtral-8x7b', { pricing: prices('0.7', '0.7') })], ['mistral']);
    const endpoint = listing('openrouter-endpoints', '2026-07-22', [entry('mistral', MIXTRAL, { pricing: prices('0.54', '0.7'), viaOpenRouter: true, quantization: 'unknown', uptime: { percent: 99.5, window: '30m' } })]);
    const [offer] = offersOf([direct, endpoint], () => null);
    expect(offer).toMatchObject({ providerModelId: 'open-mixtral-8x7b', viaOpenRouter: true, quantization: 'unknown', uptime: { percent: 99.5, window: '30m', date: '2026-07-22' } });
    expect(offer!.disagreements).toEqual([
      { dimension: 'perMillionTokens.input', values: [{ source: 'models.dev', date: '2026-08-22', value: '0.7' }, { source: 'openrouter-endpoints', date: '2026-07-22', value: '0.54' }] },
    ]);
  });

  it('does not count a dimension only one source states as a disagreement', () => {
    const a = { source: 'models.dev' as const, date: '2026-08-22', file: 'f', key: 'k', pricing: prices('1', '2', { cacheRead: '0.1' }), contextLength: null, maxOutputTokens: null };
    const b = { ...a, source: 'litellm' as const, date: '2026-08-01', pricing: prices('1', '2') };
    expect(disagreementsOf([a, b])).toEqual([]);
  });

  it('retires an offer only by a newer complete listing of the same source', () => {
    const early = listing('litellm', '2026-03-29', [entry('deepinfra', 'mistralai/Mixtral-8x7B-Instruct-v0.1', { pricing: prices('0.4', '0.4') })], ['deepinfra']);
    const partial = listing('models.dev', '2026-08-22', [], ['mistral']);
    expect(offersOf([early, partial])[0]).toMatchObject({ listed: true, retiredSince: null });
    const complete = listing('litellm', '2026-06-28', [], ['deepinfra']);
    expect(offersOf([early, partial, complete])[0]).toMatchObject({ listed: false, retiredSince: '2026-06-28', lastSeen: '2026-03-29' });
  });

  it('retires an endpoint with its OpenRouter model', () => {
    const endpoint = listing('openrouter-endpoints', '2026-05-31', [entry('deepinfra', MIXTRAL, { pricing: prices('0.54', '0.54'), viaOpenRouter: true })]);
    expect(offersOf([endpoint], () => '2026-06-30')[0]).toMatchObject({ listed: false, retiredSince: '2026-06-30' });
    expect(offersOf([endpoint], () => null)[0]).toMatchObject({ listed: true });
  });

  it('has a history point wherever a source’s own figure changed, not where two sources alternate', () => {
    const listings = [
      openRouter('2025-05-20', true, '0.08'),
      listing('litellm', '2025-06-28', [entry('openrouter', MIXTRAL, { pricing: prices('0.24', '0.24'), contextLength: 32768 })], ['openrouter']),
      openRouter('2025-12-18', true, '0.54'),
      listing('litellm', '2025-12-28', [entry('openrouter', MIXTRAL, { pricing: prices('0.24', '0.24'), contextLength: 32768 })], ['openrouter']),
      openRouter('2026-01-29', true, '0.54'),
    ];
    const [offer] = offersOf(listings);
    expect(offer!.history.map((p) => [p.date, p.source, p.pricing.perMillionTokens.input])).toEqual([
      ['2025-05-20', 'openrouter', '0.08'],
      ['2025-06-28', 'litellm', '0.24'],
      ['2025-12-18', 'openrouter', '0.54'],
    ]);
  });

  it('keeps every id a source states for one offer, shows the plain one and sees no disagreement within a source (Bedrock regions)', () => {
    const regions = listing('litellm', '2026-08-01', [
      entry('bedrock', 'us-east-1/mistral.mixtral-8x7b-instruct-v0:1', { key: 'bedrock/us-east-1/mistral.mixtral-8x7b-instruct-v0:1', pricing: prices('0.45', '0.7') }),
      entry('bedrock', 'mistral.mixtral-8x7b-instruct-v0:1', { key: 'mistral.mixtral-8x7b-instruct-v0:1', pricing: prices('0.45', '0.7') }),
      entry('bedrock', 'eu-west-3/mistral.mixtral-8x7b-instruct-v0:1', { key: 'bedrock/eu-west-3/mistral.mixtral-8x7b-instruct-v0:1', pricing: prices('0.59', '0.91') }),
    ]);
    const [offer] = offersOf([regions]);
    expect(offer).toMatchObject({ providerModelId: 'mistral.mixtral-8x7b-instruct-v0:1', disagreements: [] });
    expect(offer!.statements.map((s) => [s.key, s.pricing.perMillionTokens.input])).toEqual([
      ['mistral.mixtral-8x7b-instruct-v0:1', '0.45'],
      ['bedrock/eu-west-3/mistral.mixtral-8x7b-instruct-v0:1', '0.59'],
      ['bedrock/us-east-1/mistral.mixtral-8x7b-instruct-v0:1', '0.45'],
    ]);
    expect(offer!.pricing.perMillionTokens).toEqual({ input: '0.45', output: '0.7' });
  });

  it('leaves out, and reports, what no source prices', () => {
    const unpriced = listing('litellm', '2026-08-01', [entry('together_ai', 'mistralai/Mistral-7B-Instruct-v0.1')]);
    const result = buildOffers(place([unpriced]), { completeListingDates: new Map(), openRouterRetiredSince: () => undefined });
    expect(result.offers).toEqual([]);
    expect(result.priceless).toEqual([{ providerId: 'together_ai', modelId: MIXTRAL, keys: ['litellm:together_ai/mistralai/Mistral-7B-Instruct-v0.1'] }]);
  });
});

describe("offers of a seller with a listing of its own", () => {
  it("keep the seller's own id and price when a second opinion spells the id differently", () => {
    const genai = listing('genai-prices', '2026-08-21', [entry('openrouter', 'mixtral-8x7b-instruct', { key: 'openrouter/mixtral-8x7b-instruct', pricing: prices('0.24', '0.24') })], ['openrouter']);
    const [offer] = offersOf([openRouter('2026-04-30', true), openRouter('2026-05-31', false), genai]);
    expect(offer).toMatchObject({ id: `openrouter/${MIXTRAL}`, providerModelId: MIXTRAL, listed: false, retiredSince: '2026-05-31' });
    expect(offer!.pricing.perMillionTokens).toEqual({ input: '0.54', output: '0.54' });
    expect(offer!.disagreements.map((d) => d.values.map((v) => [v.source, v.value]))).toEqual([
      [['openrouter', '0.54'], ['genai-prices', '0.24']],
      [['openrouter', '0.54'], ['genai-prices', '0.24']],
    ]);
  });
});
