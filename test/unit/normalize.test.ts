/**
 * The normalizer on small inputs built from real recorded entries (data/raw/openrouter snapshots of
 * 2025-05-20 and 2026-01-29, and models.dev's OpenRouter listing of 2026-06-13), then mutated where a
 * test needs bad input.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { normalizeCatalog, UnusableInputError, type RawInputs } from '../../src/lib/data/normalize.ts';
import { Catalog } from '../../src/lib/data/schema.ts';
import { entry, listing, prices } from '../support/listings.ts';

const rawModels = (date: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(`data/raw/openrouter/openrouter-models-${date}.json`, 'utf8')).data;
const pick = (date: string, id: string) => structuredClone(rawModels(date).find((m) => m.id === id)!);

const MIXTRAL = 'mistralai/mixtral-8x7b-instruct';
const MISTRAL_7B = 'mistralai/mistral-7b-instruct-v0.2';
const GEMMA = 'google/gemma-3-27b-it';
const GEMMA_FREE = 'google/gemma-3-27b-it:free';

function inputs(snapshots: { date: string; models: unknown[] }[], extra: Partial<RawInputs> = {}): RawInputs {
  return {
    snapshots: snapshots.map(({ date, models }) => ({ date, source: 'openrouter' as const, file: `openrouter/openrouter-models-${date}.json`, body: { data: models } })),
    endpoints: [],
    huggingFaceConfigs: {},
    notes: undefined,
    provenance: {},
    ...extra,
  };
}

describe('normalizeCatalog', () => {
  it('converts prices, dates and names of a real entry', () => {
    const { catalog } = normalizeCatalog(inputs([{ date: '2026-01-29', models: [pick('2026-01-29', MIXTRAL)] }]));
    const mixtral = catalog.models[0]!;
    expect(mixtral).toMatchObject({
      id: MIXTRAL,
      slug: 'mistralai/mixtral-8x7b-instruct',
      author: 'mistralai',
      authorLabel: 'Mistral',
      modelName: 'Mixtral 8x7B Instruct',
      created: '2023-12-10',
      contextLength: 32768,
      maxCompletionTokens: 16384,
      huggingFaceId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
      listed: true,
      retiredSince: null,
    });
    expect(mixtral.pricing.perMillionTokens).toEqual({ input: '0.54', output: '0.54' });
    expect(mixtral.tags).toEqual(expect.arrayContaining(['moe', 'tools', 'open-weights']));
    expect(Catalog.safeParse(catalog).success).toBe(true);
  });

  it('reports a malformed entry with its id and field, leaves it out and keeps the rest', () => {
    const good = pick('2026-01-29', MIXTRAL);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...pick('2026-01-29', MISTRAL_7B), id: undefined }, 'id'],
      [{ ...pick('2026-01-29', MISTRAL_7B), id: 'x/negative', pricing: { prompt: '-0.0000002', completion: '0.0000002' } }, 'pricing.prompt'],
      [{ ...pick('2026-01-29', MISTRAL_7B), id: 'x/words', pricing: { prompt: 'cheap', completion: '0.0000002' } }, 'pricing.prompt'],
      [{ ...pick('2026-01-29', MISTRAL_7B), id: 'x/zero-context', context_length: 0 }, 'context_length'],
      [{ ...pick('2026-01-29', MISTRAL_7B), id: 'x/fraction-context', context_length: 1.5 }, 'context_length'],
      [{ ...pick('2026-01-29', MISTRAL_7B), id: 'x/wrong-type', name: 42 }, 'name'],
    ];
    const { catalog } = normalizeCatalog(inputs([{ date: '2026-01-29', models: [good, ...cases.map(([entry]) => entry)] }]));
    expect(catalog.models.map((m) => m.id)).toEqual([MIXTRAL]);
    expect(catalog.rejected.map((r) => [r.index, r.id, r.field])).toEqual(cases.map(([entry, field], i) => [i + 1, (entry.id as string | undefined) ?? null, field]));
    expect(catalog.counts.rejected).toBe(cases.length);
    for (const r of catalog.rejected) expect(r.message.length).toBeGreaterThan(0);
  });

  it('stops on an input that is unusable as a whole, naming the file', () => {
    const notAnEnvelope = { snapshots: [{ date: '2026-01-29', source: 'openrouter' as const, file: 'openrouter/openrouter-models-2026-01-29.json', body: { models: [1, 2] } }] };
    expect(() => normalizeCatalog({ ...inputs([]), ...notAnEnvelope })).toThrow(UnusableInputError);
    expect(() => normalizeCatalog({ ...inputs([]), ...notAnEnvelope })).toThrow(/openrouter-models-2026-01-29\.json: expected \{"data": \[\.\.\.\]\}/);
    expect(() => normalizeCatalog(inputs([]))).toThrow(/no snapshots/);
  });

  it('keeps a model that disappears, with its last known data, retired since the first snapshot without it', () => {
    const { catalog } = normalizeCatalog(
      inputs([
        { date: '2025-05-20', models: [pick('2025-05-20', MIXTRAL), pick('2025-05-20', MISTRAL_7B)] },
        { date: '2026-01-29', models: [pick('2026-01-29', MISTRAL_7B)] },
        { date: '2026-02-05', models: [pick('2026-01-29', MISTRAL_7B)] },
      ]),
    );
    const mixtral = catalog.models.find((m) => m.id === MIXTRAL)!;
    expect(mixtral.listed).toBe(false);
    expect(mixtral.lastSeen).toBe('2025-05-20');
    expect(mixtral.retiredSince).toBe('2026-01-29');
    expect(mixtral.pricing.perMillionTokens).toEqual({ input: '0.08', output: '0.24' });
    expect(catalog.counts).toMatchObject({ listed: 1, retired: 1, rejected: 0 });
  });

  it('records one history point per snapshot where prices or context changed', () => {
    const later = pick('2026-01-29', MIXTRAL);
    const wider = { ...structuredClone(later), context_length: 65536 };
    const { catalog, history } = normalizeCatalog(
      inputs([
        { date: '2025-05-20', models: [pick('2025-05-20', MIXTRAL)] },
        { date: '2025-12-18', models: [later] },
        { date: '2026-01-01', models: [structuredClone(later)] },
        { date: '2026-01-29', models: [wider] },
      ]),
    );
    const points = catalog.models[0]!.history.map((p) => [p.date, p.pricing.perMillionTokens.input, p.pricing.perMillionTokens.output, p.contextLength]);
    expect(points).toEqual([
      ['2025-05-20', '0.08', '0.24', 32768],
      ['2025-12-18', '0.54', '0.54', 32768],
      ['2026-01-29', '0.54', '0.54', 65536],
    ]);
    expect(history.map((h) => [h.date, h.changed.map((c) => c.fields)])).toEqual([
      ['2025-05-20', []],
      ['2025-12-18', [['perMillionTokens.input', 'perMillionTokens.output']]],
      ['2026-01-01', []],
      ['2026-01-29', [['contextLength']]],
    ]);
  });

  it('links variants to their base model', () => {
    const { catalog } = normalizeCatalog(inputs([{ date: '2026-01-29', models: [pick('2026-01-29', GEMMA), pick('2026-01-29', GEMMA_FREE)] }]));
    const base = catalog.models.find((m) => m.id === GEMMA)!;
    const free = catalog.models.find((m) => m.id === GEMMA_FREE)!;
    expect(free).toMatchObject({ variant: 'free', baseId: GEMMA, slug: 'google/gemma-3-27b-it--free' });
    expect(free.tags).toContain('free');
    expect(base.variantIds).toEqual([GEMMA_FREE]);
  });

  it("adds models.dev's statement to OpenRouter's own offer without changing the model or what is listed", () => {
    const raw = inputs([
      { date: '2026-01-22', models: [pick('2026-01-29', MIXTRAL)] },
      { date: '2026-01-29', models: [] },
    ]);
    raw.listings = [
      ...raw.snapshots.map((s) => listing('openrouter', s.date, (s.body as { data: { id: string }[] }).data.map((m) => entry('openrouter', m.id, { key: m.id, keys: { openRouterId: m.id }, pricing: prices('0.54', '0.54') })), ['openrouter'])),
      listing('models.dev', '2026-06-13', [entry('openrouter', MIXTRAL, { key: `openrouter/${MIXTRAL}`, keys: { openRouterId: MIXTRAL }, pricing: prices('0.6', '0.6') })], ['openrouter']),
    ];
    const { catalog, offers } = normalizeCatalog(raw);
    const mixtral = catalog.models[0]!;
    expect(mixtral).toMatchObject({ listed: false, retiredSince: '2026-01-29', displayName: 'Mistral: Mixtral 8x7B Instruct' });
    expect(mixtral.pricing.perMillionTokens).toEqual({ input: '0.54', output: '0.54' });
    const [offer] = offers.offers;
    expect(offer).toMatchObject({ providerId: 'openrouter', listed: false, retiredSince: '2026-01-29' });
    // OpenRouter's own last price is shown; the second opinion is kept beside it, and disagrees.
    expect(offer!.pricing.perMillionTokens).toEqual({ input: '0.54', output: '0.54' });
    expect(offer!.statements.map((s) => [s.source, s.date, s.pricing.perMillionTokens.input])).toEqual([['openrouter', '2026-01-22', '0.54'], ['models.dev', '2026-06-13', '0.6']]);
    expect(offer!.disagreements.map((d) => d.dimension)).toEqual(['perMillionTokens.input', 'perMillionTokens.output']);
  });

  it('lists unknown price keys instead of dropping them', () => {
    const entry = { ...pick('2026-01-29', MIXTRAL), pricing: { prompt: '0.00000054', completion: '0.00000054', video_second: '0.05' } };
    const { catalog } = normalizeCatalog(inputs([{ date: '2026-01-29', models: [entry] }]));
    expect(catalog.unknownPriceKeys).toEqual([{ id: MIXTRAL, key: 'video_second', value: '0.05' }]);
    expect(catalog.models[0]!.pricing.unknown).toEqual({ video_second: '0.05' });
  });

  it('turns an endpoints response into one provider row per endpoint, sorted by provider', () => {
    // Hand-made to OpenRouter's documented endpoints shape (test/fixtures/upstream/README.md).
    const body = JSON.parse(readFileSync('test/fixtures/upstream/endpoints-mistralai__mixtral-8x7b-instruct.json', 'utf8'));
    const { catalog } = normalizeCatalog(
      inputs([{ date: '2026-01-29', models: [pick('2026-01-29', MIXTRAL)] }], { endpoints: [{ file: 'openrouter/endpoints/2026-01-29/mistralai__mixtral-8x7b-instruct.json', body }] }),
    );
    expect(catalog.models[0]!.providers.map((p) => [p.provider, p.quantization, p.contextLength, p.maxCompletionTokens, p.pricing.perMillionTokens.input])).toEqual([
      ['DeepInfra', 'fp8', 32768, 16384, '0.54'],
      ['Together', 'unknown', 32768, 2048, '0.6'],
    ]);
  });

  it('rejects entries that would break the site: huge dates, unusable slugs, prototype-named price keys', () => {
    const good = pick('2026-01-29', MIXTRAL);
    const { catalog } = normalizeCatalog(
      inputs([
        {
          date: '2026-01-29',
          models: [
            good,
            { ...pick('2026-01-29', MISTRAL_7B), id: 'x/far-future', created: 1e15 },
            { ...pick('2026-01-29', MISTRAL_7B), id: '/' },
            { ...pick('2026-01-29', MISTRAL_7B), id: 'MistralAI/Mixtral-8x7B-Instruct' },
            { ...pick('2026-01-29', MISTRAL_7B), id: 'x/prototype', pricing: { prompt: '0.0000001', completion: '0.0000001', constructor: '0.1' } },
          ],
        },
      ]),
    );
    expect(catalog.models.map((m) => m.id)).toEqual([MIXTRAL, 'x/prototype']);
    expect(catalog.models[1]!.pricing.unknown).toEqual({ constructor: '0.1' });
    expect(catalog.rejected.map((r) => [r.id, r.field, r.message])).toEqual([
      ['x/far-future', 'created', 'is not a Unix time before year 10000'],
      ['/', 'id', 'gives an empty URL slug'],
      ['MistralAI/Mixtral-8x7B-Instruct', 'id', `gives the URL slug "mistralai/mixtral-8x7b-instruct", already used by ${MIXTRAL}`],
    ]);
    expect(Catalog.safeParse(catalog).success).toBe(true);
  });
});
