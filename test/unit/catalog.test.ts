/**
 * The catalog's view logic: one row per model with its cheapest current offer, the filter, facet
 * counts, sort orders, URL state and the rows file. Every expected value is worked out by hand from
 * the rows built here, never by the code under test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Model, Offer } from '../../src/lib/data/schema.ts';
import { catalogRow, plottedOnLogScales, rowsFromJson, rowsToJson, type CatalogRow } from '../../src/lib/catalog/catalog-row.ts';
import { offerSummary } from '../../src/lib/catalog/offer-summary.ts';
import { emptyFilterState, type CatalogFilterState } from '../../src/lib/catalog/catalog-filter.ts';
import { runCatalogFilter } from '../../src/lib/catalog/catalog-query.ts';
import { sortRows, SORT_KEYS } from '../../src/lib/catalog/catalog-sort.ts';
import { catalogUrlForTag, decodeFilterState, encodeFilterState } from '../../src/lib/catalog/catalog-url.ts';
import { parseTokenCount, tokenCountLabel } from '../../src/lib/catalog/context-labels.ts';
import { parameterEstimate, similarModels, sizeClass } from '../../src/lib/catalog/similar-models.ts';
import { authorSummaries } from '../../src/lib/catalog/authors.ts';
import { searchKey } from '../../src/lib/search/model-search.ts';
import { testModel, testPricing } from '../support/model-fixture.ts';

function model(id: string, patch: Partial<Model> = {}): Model {
  const [author, name] = id.split('/') as [string, string];
  return testModel(id, { authorLabel: author[0]!.toUpperCase() + author.slice(1), modelName: name, displayName: `${author}: ${name}`, ...patch });
}

function offer(modelId: string, providerId: string, input: string, output: string, listed = true): Offer {
  return {
    id: `${providerId}/${modelId}`,
    modelId,
    providerId,
    providerModelId: modelId,
    viaOpenRouter: false,
    pricing: testPricing(input, output),
    contextLength: null,
    maxOutputTokens: null,
    quantization: null,
    uptime: null,
    listed,
    firstSeen: '2025-01-01',
    lastSeen: '2026-01-01',
    retiredSince: listed ? null : '2026-01-01',
    match: { by: 'key', detail: 'test' },
    statements: [],
    disagreements: [],
    history: [],
  };
}

describe('offerSummary', () => {
  it('takes the current offer with the lowest input plus output price, and counts current providers', () => {
    // Blends: mistral 0.70 + 0.70 = 1.40; deepinfra 0.54 + 0.54 = 1.08; together 0.60 + 0.60 = 1.20;
    // openrouter's retired 0.24 + 0.24 does not count.
    const summary = offerSummary(model('mistralai/mixtral-8x7b-instruct'), [
      offer('m', 'mistral', '0.7', '0.7'),
      offer('m', 'deepinfra', '0.54', '0.54'),
      offer('m', 'together', '0.6', '0.6'),
      offer('m', 'openrouter', '0.24', '0.24', false),
    ]);
    expect(summary).toEqual({ input: '0.54', output: '0.54', cheapestProviderId: 'deepinfra', providerIds: ['deepinfra', 'mistral', 'together'] });
  });

  it('compares blends exactly: 0.1 + 0.2 is as cheap as 0.3 + 0, and the provider id breaks the tie', () => {
    const summary = offerSummary(model('a/b'), [offer('a/b', 'zeta', '0.1', '0.2'), offer('a/b', 'alpha', '0.3', '0')]);
    expect(summary.cheapestProviderId).toBe('alpha');
  });

  it("keeps the model's own listed price when no current offer states both prices", () => {
    expect(offerSummary(model('a/b', { pricing: testPricing('1', '2') }), [offer('a/b', 'x', '5', '5', false)])).toEqual({ input: '1', output: '2', cheapestProviderId: null, providerIds: [] });
  });
});

const row = (id: string, patch: Partial<Model> = {}, offers: Offer[] = []): CatalogRow => catalogRow(model(id, patch), offers);
const state = (patch: Partial<CatalogFilterState>): CatalogFilterState => ({ ...emptyFilterState(), ...patch });

// Six models, hand-described so every expectation below can be checked by reading this list.
const rows: CatalogRow[] = [
  row('mistralai/mixtral-8x7b-instruct', { created: '2023-12-10', contextLength: 32768, tags: ['moe', 'open-weights'], displayName: 'Mistral: Mixtral 8x7B Instruct', modelName: 'Mixtral 8x7B Instruct' }, [
    offer('x', 'mistral', '0.7', '0.7'),
    offer('x', 'deepinfra', '0.54', '0.54'),
  ]),
  row('nousresearch/nous-hermes-2-mixtral-8x7b-dpo', { created: '2024-01-16', contextLength: 32768, tags: ['moe'], displayName: 'Nous: Hermes 2 Mixtral 8x7B DPO', modelName: 'Hermes 2 Mixtral 8x7B DPO' }, [
    offer('y', 'together', '0.6', '0.6'),
  ]),
  row('anthropic/claude-sonnet-4.5', { created: '2025-09-29', contextLength: 1_000_000, tags: ['vision', 'tools'], inputModalities: ['text', 'image'], quality: null }, [
    offer('z', 'anthropic', '3', '15'),
    offer('z', 'amazon-bedrock', '3.3', '16.5'),
  ]),
  row('qwen/qwen3-14b:free', { created: '2025-04-28', contextLength: 128_000, tags: ['free', 'open-weights'], pricing: testPricing('0', '0') }),
  row('openrouter/auto', { created: '2023-11-08', contextLength: 2_000_000, pricing: testPricing('variable', 'variable') }),
  row('mistralai/mixtral-8x22b-instruct', { created: '2024-04-17', contextLength: 65536, tags: ['moe', 'open-weights'], listed: false, retiredSince: '2026-01-01' }),
];
rows[2]!.quality = 29.3;
const entries = sortRows(rows, 'created', 'desc').map((r) => ({ row: r, key: searchKey(r) }));
const shown = (s: Partial<CatalogFilterState>, listed = true) => runCatalogFilter(entries, state(s), listed).rows.map((r) => r.id);

describe('the catalog filter', () => {
  it('shows the listed models newest first when nothing is set', () => {
    expect(shown({})).toEqual(['anthropic/claude-sonnet-4.5', 'qwen/qwen3-14b:free', 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo', 'mistralai/mixtral-8x7b-instruct', 'openrouter/auto']);
  });

  it('orders a search by the one search ranking, and counts the retired models it finds', () => {
    const result = runCatalogFilter(entries, state({ query: 'mixtral 8x7b' }), true);
    expect(result.rows.map((r) => r.id)).toEqual(['mistralai/mixtral-8x7b-instruct', 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo']);
    expect(runCatalogFilter(entries, state({ query: 'mixtral' }), true).otherListMatches).toBe(1);
    expect(shown({ query: 'mixtral' }, false)).toEqual(['mistralai/mixtral-8x22b-instruct']);
  });

  it('keeps a chosen column order while searching', () => {
    expect(shown({ query: 'mixtral', sort: 'input', direction: 'desc' })).toEqual(['nousresearch/nous-hermes-2-mixtral-8x7b-dpo', 'mistralai/mixtral-8x7b-instruct']);
  });

  it('filters by providers that sell the model now (any of them)', () => {
    expect(shown({ providers: ['deepinfra', 'anthropic'] })).toEqual(['anthropic/claude-sonnet-4.5', 'mistralai/mixtral-8x7b-instruct']);
  });

  it('reads "128K" as 128,000 tokens, so a 128,000-token model is kept', () => {
    expect(shown({ minContext: parseTokenCount('128K') })).toEqual(['anthropic/claude-sonnet-4.5', 'qwen/qwen3-14b:free', 'openrouter/auto']);
  });

  it('filters by the cheapest price range exactly, leaving variable prices out', () => {
    // Cheapest inputs: Sonnet 3, Qwen 0, Hermes 0.6, Mixtral 0.54 (Deep Infra), Auto variable.
    expect(shown({ minInput: '0.54', maxInput: '0.6' })).toEqual(['nousresearch/nous-hermes-2-mixtral-8x7b-dpo', 'mistralai/mixtral-8x7b-instruct']);
    expect(shown({ maxOutput: '0.54' })).toEqual(['qwen/qwen3-14b:free', 'mistralai/mixtral-8x7b-instruct']);
  });

  it('hides free models, keeps open weights only, and bounds the quality index', () => {
    expect(shown({ hideFree: true, openWeights: true })).toEqual(['mistralai/mixtral-8x7b-instruct']);
    expect(shown({ minQuality: 20 })).toEqual(['anthropic/claude-sonnet-4.5']);
    expect(shown({ maxQuality: 20 })).toEqual([]);
  });

  it('needs every chosen tag and modality', () => {
    expect(shown({ tags: ['moe', 'open-weights'] })).toEqual(['mistralai/mixtral-8x7b-instruct']);
    expect(shown({ inputModalities: ['image'] })).toEqual(['anthropic/claude-sonnet-4.5']);
  });

  it('falls back to close spellings only when no model matches exactly', () => {
    const result = runCatalogFilter(entries, state({ query: 'mixtrl' }), true);
    expect(result.fuzzy).toBe(true);
    expect(result.rows.map((r) => r.id)).toEqual(['mistralai/mixtral-8x7b-instruct', 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo']);
  });
});

describe('facet counts follow the filter', () => {
  it('counts what ticking each option would show', () => {
    const { facets } = runCatalogFilter(entries, state({ tags: ['moe'], providers: ['deepinfra'] }), true);
    // Shown: Mixtral 8x7B only. Providers count the moe models whatever the provider: Mixtral
    // (mistral, deepinfra) and Hermes (together).
    expect(Object.fromEntries(facets.providers)).toEqual({ mistral: 1, deepinfra: 1, together: 1 });
    expect(Object.fromEntries(facets.tags)).toEqual({ moe: 1, 'open-weights': 1 });
    expect(Object.fromEntries(facets.authors)).toEqual({ mistralai: 1 });
  });

  it('counts only the rows the search finds', () => {
    const { facets } = runCatalogFilter(entries, state({ query: 'claude' }), true);
    expect(Object.fromEntries(facets.providers)).toEqual({ anthropic: 1, 'amazon-bedrock': 1 });
    expect(facets.inputModalities.get('image')).toBe(1);
  });
});

describe('sort orders', () => {
  const listed = rows.filter((r) => r.listed);
  it('orders cheapest prices as decimals, with variable prices last either way', () => {
    expect(sortRows(listed, 'input', 'asc').map((r) => r.input)).toEqual(['0', '0.54', '0.6', '3', 'variable']);
    expect(sortRows(listed, 'input', 'desc').map((r) => r.input)).toEqual(['3', '0.6', '0.54', '0', 'variable']);
  });

  it('orders by providers, quality (unknown last) and context', () => {
    expect(sortRows(listed, 'providers', 'desc').map((r) => r.providerIds.length)).toEqual([2, 2, 1, 0, 0]);
    expect(sortRows(listed, 'quality', 'desc')[0]!.id).toBe('anthropic/claude-sonnet-4.5');
    expect(sortRows(listed, 'quality', 'asc')[0]!.id).toBe('anthropic/claude-sonnet-4.5');
    expect(sortRows(listed, 'context', 'asc').map((r) => r.contextLength)).toEqual([32768, 32768, 128000, 1000000, 2000000]);
  });
});

describe('context labels', () => {
  it('reads the labels people write', () => {
    expect(['8K', '32k', '128K', '200K', '1M', '1.5M', '32,768', '131072', '128K tokens'].map(parseTokenCount)).toEqual([8000, 32000, 128000, 200000, 1000000, 1500000, 32768, 131072, 128000]);
    expect(['', 'abc', '-5', '0', '1e9'].map(parseTokenCount)).toEqual([null, null, null, null, null]);
    expect([128000, 1000000, 32768].map(tokenCountLabel)).toEqual(['128K', '1M', '32,768']);
  });
});

describe('URL state', () => {
  it('leaves an unfiltered catalog with a clean URL and writes a readable query string', () => {
    expect(encodeFilterState(emptyFilterState())).toBe('');
    expect(encodeFilterState(state({ query: ' mixtral ', providers: ['mistral', 'deepinfra'], minContext: 128000, maxInput: '0.5', hideFree: true, sort: 'input', direction: 'asc' }))).toBe(
      'q=mixtral&provider=deepinfra,mistral&ctx=128K&maxin=0.5&nofree=1&sort=input&dir=asc',
    );
  });

  it('drops values that make no sense instead of failing', () => {
    expect(decodeFilterState('?ctx=-5&maxin=abc&qmin=x&sort=nope&nofree=yes')).toEqual(emptyFilterState());
  });

  it('round-trips any state', () => {
    const list = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 3 }).map((l) => [...l].sort());
    const decimal = fc.option(fc.stringMatching(/^(0|[1-9]\d{0,2})(\.\d{1,3})?$/), { nil: null });
    const arbitrary = fc.record({
      query: fc.stringMatching(/^[a-z0-9]([a-z0-9 ]{0,10}[a-z0-9])?$/).map((q) => q.replace(/ +/g, ' ')),
      providers: list,
      authors: list,
      tags: list,
      inputModalities: list,
      outputModalities: list,
      minContext: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
      minInput: decimal,
      maxInput: decimal,
      maxOutput: decimal,
      hideFree: fc.boolean(),
      openWeights: fc.boolean(),
      minQuality: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      maxQuality: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      sort: fc.constantFrom(...SORT_KEYS),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(arbitrary, (s) => {
        expect(decodeFilterState(`?${encodeFilterState(s)}`)).toEqual(s);
      }),
    );
  });

  it('links a card tag to the catalog filtered by it', () => {
    expect([catalogUrlForTag('moe'), catalogUrlForTag('open-weights'), catalogUrlForTag('variable-price')]).toEqual(['/?tag=moe', '/?open=1', null]);
  });
});

describe('the rows file', () => {
  it('reads back every row it wrote', () => {
    const json = JSON.parse(JSON.stringify(rowsToJson('2026-01-01', rows, [{ id: 'mistral', name: 'Mistral' }])));
    const read = rowsFromJson(json);
    expect(read.rows).toEqual(rows);
    expect(read.providers).toEqual(new Map([['mistral', 'Mistral']]));
    expect(read.rejected).toBe(0);
  });

  it('leaves out malformed entries and counts them, keeping the rest', () => {
    const json = JSON.parse(JSON.stringify(rowsToJson('2026-01-01', rows.slice(0, 2), [])));
    json.rows[0][5] = '<b>1</b>';
    json.rows.push('not a row');
    const read = rowsFromJson(json);
    expect(read.rows.map((r) => r.id)).toEqual([rows[1]!.id]);
    expect(read.rejected).toBe(2);
    expect(() => rowsFromJson([])).toThrow(/not an object with "rows"/);
  });

  it('plots only rows with a known context and a price above zero', () => {
    expect(rows.filter((r) => r.listed).map(plottedOnLogScales)).toEqual([true, true, true, false, false]);
  });
});

describe('size classes and similar models', () => {
  it('takes the architecture\'s total first and never multiplies experts into a total', () => {
    // Mistral AI, "Cheaper, Better, Faster, Stronger" (2024-04-17): Mixtral 8x22B has 141B parameters.
    const stated = { value: 141e9, source: { kind: 'computed' as const, label: 'x', url: null } };
    expect(parameterEstimate(model('mistralai/mixtral-8x22b-instruct', { architecture: { totalParams: stated } }))).toBe(141e9);
    expect(parameterEstimate(model('mistralai/mixtral-8x22b-instruct'))).toBeNull();
    expect(parameterEstimate(model('meta-llama/llama-3.1-70b-instruct'))).toBe(70e9);
    expect(parameterEstimate(model('qwen/qwen3-235b-a22b'))).toBe(235e9);
    expect(parameterEstimate(model('openai/gpt-4o'))).toBeNull();
  });

  it('puts models into coarse classes', () => {
    expect(sizeClass(model('mistralai/mistral-7b-instruct'))).toBe('small');
    expect(sizeClass(model('mistralai/mixtral-8x7b-instruct'))).toBe('medium');
    expect(sizeClass(model('mistralai/mixtral-8x22b-instruct'))).toBe('large');
    expect(sizeClass(model('meta-llama/llama-3.1-405b'))).toBe('frontier');
    expect(sizeClass(model('openai/gpt-4o'))).toBeNull();
  });

  it("prefers the same author and size class, and skips the model's own variants", () => {
    const subject = model('mistralai/mistral-7b-instruct', { variantIds: ['mistralai/mistral-7b-instruct:free'] });
    const catalog = [
      subject,
      model('mistralai/mistral-7b-instruct:free', { baseId: subject.id, variant: 'free' }),
      model('mistralai/ministral-8b'),
      model('mistralai/mistral-large-123b'),
      model('meta-llama/llama-3.1-8b-instruct'),
      model('openai/gpt-4o'),
    ];
    expect(similarModels(subject, catalog).map((m) => m.id)).toEqual(['mistralai/ministral-8b', 'mistralai/mistral-large-123b', 'meta-llama/llama-3.1-8b-instruct']);
  });

  it('counts listed and retired models per author and picks the most used label', () => {
    expect(
      authorSummaries([
        model('mistralai/a', { authorLabel: 'Mistral' }),
        model('mistralai/b', { authorLabel: 'Mistral', listed: false, retiredSince: '2026-01-01' }),
        model('mistralai/c', { authorLabel: 'MistralAI' }),
        model('openai/d', { authorLabel: 'OpenAI' }),
      ]),
    ).toEqual([
      { author: 'mistralai', label: 'Mistral', listed: 2, retired: 1 },
      { author: 'openai', label: 'OpenAI', listed: 1, retired: 0 },
    ]);
  });
});
