import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  authorSummaries,
  catalogFacets,
  catalogRow,
  compareRows,
  compileFilter,
  decodeFilterState,
  emptyFilterState,
  encodeFilterState,
  matchesFilter,
  parameterEstimate,
  plottedOnLogScales,
  rowFromDataset,
  rowToDataset,
  searchText,
  similarModels,
  sizeClass,
  sortRows,
  SORT_KEYS,
  type CatalogFilterState,
  type CatalogRow,
  type SortKey,
} from '../../src/lib/catalog/catalog-view.ts';
import { compareUrl } from '../../src/lib/compare/compare-url.ts';
import type { Model } from '../../src/lib/data/schema.ts';
import { testModel, testPricing } from '../support/model-fixture.ts';

function model(id: string, patch: Partial<Model> = {}): Model {
  const author = id.split('/')[0]!;
  return testModel(id, {
    slug: id.replace(/:/g, '--'),
    authorLabel: author[0]!.toUpperCase() + author.slice(1),
    modelName: id.split('/')[1]!,
    displayName: `${author}: ${id.split('/')[1]}`,
    created: '2024-01-01',
    contextLength: 32768,
    tokenizer: 'Mistral',
    lastSeen: '2026-01-01',
    ...patch,
  });
}

const price = (input: string, output = input) => testPricing(input, output);
const row = (id: string, patch: Partial<Model> = {}): CatalogRow => catalogRow(model(id, patch));
const state = (patch: Partial<CatalogFilterState>): CatalogFilterState => ({ ...emptyFilterState(), ...patch });

const withoutSlug = ({ slug: _slug, ...rest }: CatalogRow) => rest;

describe('catalog rows survive the trip through data attributes', () => {
  it('reads back exactly the row it wrote, all but the slug the row\'s link carries', () => {
    const original = row('mistralai/mixtral-8x7b-instruct', {
      inputModalities: ['text', 'image'],
      tags: ['moe', 'open-weights'],
      pricing: price('0.54', '0.54'),
      tokenizer: null,
    });
    expect(rowFromDataset(rowToDataset(original))).toEqual(withoutSlug(original));
  });

  it('leaves empty values and a label equal to the author out of the attributes, and reads them back', () => {
    const bare = row('acme/x', { authorLabel: 'acme', tags: [], tokenizer: null, contextLength: null });
    const data = rowToDataset(bare);
    expect(Object.keys(data).sort()).toEqual(['author', 'created', 'id', 'in', 'input', 'name', 'out', 'output']);
    expect(rowFromDataset(data)).toEqual(withoutSlug(bare));
  });

  it('treats an unparseable price attribute as variable rather than as a number', () => {
    const data = { ...rowToDataset(row('a/b')), input: 'abc' };
    expect(rowFromDataset(data).input).toBe('variable');
  });
});

describe('matchesFilter', () => {
  const mixtral = row('mistralai/mixtral-8x7b-instruct', { tags: ['moe', 'tools'], pricing: price('0.54'), contextLength: 32768 });
  const gpt = row('openai/gpt-4o', { inputModalities: ['text', 'image'], tags: ['vision', 'tools'], pricing: price('2.5', '10'), contextLength: 128000, tokenizer: 'GPT' });
  const auto = row('openrouter/auto', { pricing: price('variable'), contextLength: 2000000, tokenizer: 'Router' });
  const rows = [mixtral, gpt, auto];
  const ids = (s: CatalogFilterState) => rows.filter((r) => matchesFilter(r, s)).map((r) => r.id);

  it('finds models by every search word, in id, name or author label, ignoring case', () => {
    expect(ids(state({ query: 'MIXTRAL instruct' }))).toEqual([mixtral.id]);
    expect(ids(state({ query: 'openai 4o' }))).toEqual([gpt.id]);
    expect(ids(state({ query: 'mixtral gpt' }))).toEqual([]);
  });

  it('requires every selected tag and every selected input modality', () => {
    expect(ids(state({ tags: ['tools'] }))).toEqual([mixtral.id, gpt.id]);
    expect(ids(state({ tags: ['tools', 'moe'] }))).toEqual([mixtral.id]);
    expect(ids(state({ inputModalities: ['image'] }))).toEqual([gpt.id]);
  });

  it('accepts any of the selected authors or tokenizers', () => {
    expect(ids(state({ authors: ['openai', 'openrouter'] }))).toEqual([gpt.id, auto.id]);
    expect(ids(state({ tokenizers: ['GPT', 'Mistral'] }))).toEqual([mixtral.id, gpt.id]);
  });

  it('compares prices exactly and leaves variable prices out of a price ceiling', () => {
    expect(ids(state({ maxInput: '0.54' }))).toEqual([mixtral.id]);
    expect(ids(state({ maxInput: '0.53999' }))).toEqual([]);
    expect(ids(state({ maxOutput: '10' }))).toEqual([mixtral.id, gpt.id]);
  });

  it('keeps models with at least the minimum context', () => {
    expect(ids(state({ minContext: 128000 }))).toEqual([gpt.id, auto.id]);
  });

  it('gives the same answer compiled once for many rows as row by row', () => {
    const states = [
      state({ query: '  MIXTRAL   8x7b ' }),
      state({ tags: ['tools'], maxOutput: '10' }),
      state({ authors: ['openai', 'mistralai'], minContext: 32768, maxInput: '2.5' }),
      state({ inputModalities: ['image'], tokenizers: ['GPT'] }),
      state({ outputModalities: ['image'] }),
    ];
    for (const s of states) {
      const matches = compileFilter(s);
      expect(rows.filter((r) => matches(r, searchText(r))).map((r) => r.id)).toEqual(ids(s));
    }
    expect(ids(states[0]!)).toEqual([mixtral.id]);
  });
});

describe('sortRows', () => {
  const cheap = row('a/cheap', { pricing: price('0.1'), contextLength: 8192, created: '2024-05-01' });
  const dear = row('b/dear', { pricing: price('15'), contextLength: 200000, created: '2023-01-01' });
  const variable = row('c/router', { pricing: price('variable'), contextLength: 1000000, created: '2025-01-01' });
  const mid = row('d/mid', { pricing: price('2.5'), contextLength: 128000, created: '2024-01-01' });
  const all = [dear, variable, cheap, mid];

  it('orders prices as decimals, not as text, with variable prices last either way', () => {
    expect(sortRows(all, 'input', 'asc').map((r) => r.id)).toEqual(['a/cheap', 'd/mid', 'b/dear', 'c/router']);
    expect(sortRows(all, 'input', 'desc').map((r) => r.id)).toEqual(['b/dear', 'd/mid', 'a/cheap', 'c/router']);
  });

  it('orders by context and by created date in both directions', () => {
    expect(sortRows(all, 'context', 'desc').map((r) => r.id)).toEqual(['c/router', 'b/dear', 'd/mid', 'a/cheap']);
    expect(sortRows(all, 'created', 'asc').map((r) => r.id)).toEqual(['b/dear', 'd/mid', 'a/cheap', 'c/router']);
  });

  it('sorts any rows in the order compareRows defines, for every column and direction', () => {
    const decimal = fc.oneof(fc.constant('variable'), fc.constant('0'), fc.tuple(fc.nat(50), fc.nat(999)).map(([i, f]) => `${i}.${f}`));
    const arbitraryRow = fc.record({
      id: fc.stringMatching(/^[a-c]\/[a-z]{1,3}$/),
      name: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Émile', 'zeta'),
      input: decimal,
      output: decimal,
      context: fc.option(fc.constantFrom(4096, 32768, 128000), { nil: null }),
      created: fc.constantFrom('2024-01-01', '2024-06-30', '2025-02-11'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, maxLength: 12 }), fc.constantFrom(...SORT_KEYS), fc.constantFrom('asc' as const, 'desc' as const), (specs, sort: SortKey, direction) => {
        const rows = specs.map((r) => row(r.id, { displayName: r.name, pricing: price(r.input, r.output), contextLength: r.context, created: r.created }));
        const expected = [...rows].sort((a, b) => compareRows(a, b, sort, direction)).map((r) => r.id);
        expect(sortRows(rows, sort, direction).map((r) => r.id)).toEqual(expected);
      }),
    );
  });
});

describe('price against context chart', () => {
  it('plots only rows with a known context and a price above zero', () => {
    expect(plottedOnLogScales(row('a/b', { pricing: price('0.1'), contextLength: 8192 }))).toBe(true);
    expect(plottedOnLogScales(row('a/free', { pricing: price('0'), contextLength: 8192 }))).toBe(false);
    expect(plottedOnLogScales(row('a/zero', { pricing: price('0.000'), contextLength: 8192 }))).toBe(false);
    expect(plottedOnLogScales(row('a/router', { pricing: price('variable'), contextLength: 8192 }))).toBe(false);
    expect(plottedOnLogScales(row('a/unknown', { pricing: price('0.1'), contextLength: null }))).toBe(false);
  });
});

describe('filter state in the URL', () => {
  it('leaves an unfiltered catalog with a clean URL', () => {
    expect(encodeFilterState(emptyFilterState())).toBe('');
  });

  it('writes a readable query string', () => {
    const query = encodeFilterState(state({ query: 'mistral', tags: ['tools', 'moe'], maxInput: '0.5', sort: 'input', direction: 'asc' }));
    expect(query).toBe('q=mistral&tag=moe%2Ctools&maxin=0.5&sort=input&dir=asc');
  });

  it('drops values that make no sense instead of failing', () => {
    const decoded = decodeFilterState('?ctx=-5&maxin=abc&maxout=1e3&sort=bogus&dir=up');
    expect(decoded).toEqual(emptyFilterState());
  });

  it('round-trips any state', () => {
    const token = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,11}$/);
    const list = fc.uniqueArray(token, { maxLength: 4 }).map((l) => [...l].sort());
    const decimal = fc.tuple(fc.nat(999), fc.option(fc.nat(99999), { nil: undefined })).map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));
    const arbitrary = fc.record({
      query: fc.string({ maxLength: 20 }).map((q) => q.trim()),
      authors: list,
      inputModalities: list,
      outputModalities: list,
      minContext: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
      maxInput: fc.option(decimal, { nil: null }),
      maxOutput: fc.option(decimal, { nil: null }),
      tags: list,
      tokenizers: list,
      sort: fc.constantFrom(...SORT_KEYS),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    });
    fc.assert(
      fc.property(arbitrary, (s) => {
        expect(decodeFilterState(`?${encodeFilterState(s)}`)).toEqual(s);
      }),
    );
  });
});

describe('facets', () => {
  it('counts each value once per row and labels authors by their display label', () => {
    const facets = catalogFacets([row('mistralai/a', { authorLabel: 'Mistral', tags: ['moe'] }), row('mistralai/b', { authorLabel: 'Mistral' }), row('openai/c', { inputModalities: ['text', 'image'] })]);
    expect(facets.authors).toEqual([
      { value: 'mistralai', label: 'Mistral (mistralai)', count: 2 },
      { value: 'openai', label: 'Openai (openai)', count: 1 },
    ]);
    expect(facets.inputModalities).toEqual([
      { value: 'image', label: 'image', count: 1 },
      { value: 'text', label: 'text', count: 3 },
    ]);
    expect(facets.tags.find((t) => t.value === 'moe')?.count).toBe(1);
  });
});

describe('size classes and similar models', () => {
  it('estimates parameters from the architecture first, then from the name', () => {
    const figure = { value: 46702792704, source: { kind: 'computed' as const, label: 'x', url: null } };
    expect(parameterEstimate(model('mistralai/mixtral-8x7b-instruct', { architecture: { totalParams: figure } }))).toBe(46702792704);
    expect(parameterEstimate(model('mistralai/mixtral-8x22b-instruct'))).toBe(176e9);
    expect(parameterEstimate(model('meta-llama/llama-3.1-70b-instruct'))).toBe(70e9);
    expect(parameterEstimate(model('qwen/qwen3-235b-a22b'))).toBe(235e9);
    expect(parameterEstimate(model('openai/gpt-4o'))).toBeNull();
  });

  it('puts models into coarse classes', () => {
    expect(sizeClass(model('mistralai/mistral-7b-instruct'))).toBe('small');
    expect(sizeClass(model('mistralai/mixtral-8x7b-instruct'))).toBe('medium');
    expect(sizeClass(model('meta-llama/llama-3.1-405b'))).toBe('frontier');
    expect(sizeClass(model('openai/gpt-4o'))).toBeNull();
  });

  it('prefers the same author and size class, and skips the model\'s own variants', () => {
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

  it('builds a readable compare URL', () => {
    expect(compareUrl(['mistralai/mixtral-8x7b-instruct', 'google/gemma-4-31b-it:free'])).toBe('/compare/?models=mistralai/mixtral-8x7b-instruct,google/gemma-4-31b-it:free');
  });
});

describe('authorSummaries', () => {
  it('counts listed and retired models and picks the most used label', () => {
    const summaries = authorSummaries([
      model('mistralai/a', { authorLabel: 'Mistral' }),
      model('mistralai/b', { authorLabel: 'Mistral', listed: false, retiredSince: '2026-01-01' }),
      model('mistralai/c', { authorLabel: 'MistralAI' }),
      model('openai/d', { authorLabel: 'OpenAI' }),
    ]);
    expect(summaries).toEqual([
      { author: 'mistralai', label: 'Mistral', listed: 2, retired: 1 },
      { author: 'openai', label: 'OpenAI', listed: 1, retired: 0 },
    ]);
  });
});
