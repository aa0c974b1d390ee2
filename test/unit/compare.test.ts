import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';
import { DEFAULT_KV_CONTEXT, DEFAULT_WORKLOAD, MAX_COMPARE, compareUrl, parseCompareQuery, resolveIds } from '../../src/lib/compare/compare-url.ts';
import { bestCells, type CompareCell, type CompareRow, type RowGroup } from '../../src/lib/compare/compare-cells.ts';
import { compareRows } from '../../src/lib/compare/compare-rows.ts';
import { priceHistorySteps } from '../../src/lib/compare/compare-series.ts';
import { SEED_PAIR, curatedPairs, nameFamily, pairSlug, predecessorOf, quickPicks } from '../../src/lib/compare/curated-pairs.ts';
import { toCompareModel } from '../../src/lib/compare/compare-model.ts';
import type { CompareModel } from '../../src/lib/compare/compare-payload.ts';
import { Catalog, type Model } from '../../src/lib/data/schema.ts';
import { testModel, testPricing } from '../support/model-fixture.ts';

const options = { workload: DEFAULT_WORKLOAD, kvContext: DEFAULT_KV_CONTEXT };

/** A model named "Author: <id>"; tests override what they are about. */
function model(overrides: Partial<Model> & { id: string }): Model {
  return testModel(overrides.id, { authorLabel: 'Author', displayName: `Author: ${overrides.id}`, ...overrides });
}

function findRow(groups: RowGroup[], id: string): CompareRow {
  const row = groups.flatMap((g) => g.rows).find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}; rows: ${groups.flatMap((g) => g.rows.map((r) => r.id)).join(', ')}`);
  return row;
}

const texts = (row: CompareRow) => row.cells.map((c) => c.text);

/** The site fixture (test/fixtures/site-data): figures recorded from upstream once, so a data refresh never moves them. */
const fixture = Catalog.parse(JSON.parse(readFileSync('test/fixtures/site-data/models.json', 'utf8')));

describe('Mistral 7B Instruct v0.2 against Mixtral 8x7B Instruct, from the site fixture', () => {
  const seeds = SEED_PAIR.map((id) => {
    const found = fixture.models.find((m) => m.id === id);
    if (!found) throw new Error(`${id} is missing from test/fixtures/site-data/models.json`);
    return toCompareModel(found);
  });
  const groups = compareRows(seeds, options);

  it('shows the same 32,768-token context for both, with no difference and no best mark', () => {
    const row = findRow(groups, 'context');
    expect(texts(row)).toEqual(['32,768', '32,768']);
    expect(row.differs).toBe(false);
    expect(row.best).toEqual([false, false]);
  });

  it('marks Mistral 7B as cheapest for input and output ($0.20/M against $0.54/M)', () => {
    for (const id of ['price-input', 'price-output']) {
      const row = findRow(groups, id);
      expect(texts(row)).toEqual(['$0.20/M', '$0.54/M']);
      expect(row.best).toEqual([true, false]);
      expect(row.bestLabel).toBe('cheapest');
    }
  });

  it('gives Mixtral 8 experts, 2 per token, and Mistral 7B none', () => {
    expect(texts(findRow(groups, 'arch-experts'))).toEqual(['none (dense)', '8']);
    expect(texts(findRow(groups, 'arch-expertsPerToken'))).toEqual(['n/a (dense)', '2']);
    expect(findRow(groups, 'arch-experts').differs).toBe(true);
  });

  it('reads 7.24B against 46.7B total parameters and rope-theta 1e6 for both', () => {
    expect(texts(findRow(groups, 'arch-totalParams'))).toEqual(['7.24B', '46.7B']);
    const rope = findRow(groups, 'arch-ropeTheta');
    expect(texts(rope)).toEqual(['1,000,000 (1e6)', '1,000,000 (1e6)']);
    expect(rope.differs).toBe(false);
  });

  it('marks the newer model (Dec 28, 2023) as newest and the smaller weights as smallest', () => {
    const created = findRow(groups, 'created');
    expect(texts(created)).toEqual(['Dec 28, 2023', 'Dec 10, 2023']);
    expect(created.best).toEqual([true, false]);
    expect(created.bestLabel).toBe('newest');
    const weights = findRow(groups, 'weights-16');
    expect(weights.best).toEqual([true, false]);
    expect(weights.bestLabel).toBe('smallest');
  });

  it('prices the default workload with the shared pricing module, per request, day and month', () => {
    // 2,000 in + 500 out tokens: 2,500 × $0.20/M = $0.0005; 2,500 × $0.54/M = $0.00135; ×1,000 a day; ×30 a month.
    expect(findRow(groups, 'cost-request').cells.map((c) => c.key)).toEqual(['0.0005', '0.00135']);
    expect(texts(findRow(groups, 'cost-day'))).toEqual(['$0.50', '$1.35']);
    expect(texts(findRow(groups, 'cost-month'))).toEqual(['$15.00', '$40.50']);
    expect(findRow(groups, 'cost-month').best).toEqual([true, false]);
  });

  it('sizes the KV cache at the chosen context: 128 KiB per token × 32,768 tokens = 4 GiB for both', () => {
    expect(texts(findRow(groups, 'kv-cache'))).toEqual(['4 GiB', '4 GiB']);
  });
});

describe('bestCells', () => {
  const cell = (rank: CompareCell['rank'], key = JSON.stringify(rank)): CompareCell => ({ text: key, key, rank });

  it('marks every tied best value', () => {
    expect(bestCells([cell(3), cell(1), cell(1)], 'lowest')).toEqual([false, true, true]);
    expect(bestCells([cell(3), cell(1), cell(3)], 'highest')).toEqual([true, false, true]);
  });

  it('marks nothing when all values are equal, or only one value can be ranked', () => {
    expect(bestCells([cell(2), cell(2)], 'lowest')).toEqual([false, false]);
    expect(bestCells([cell(2), cell(null, 'unknown')], 'lowest')).toEqual([false, false]);
    expect(bestCells([cell(2), cell(2), cell(null, 'unknown')], 'lowest')).toEqual([false, false, false]);
  });

  it('compares money as exact decimals, including amounts below float precision', () => {
    const cheap = cell({ decimal: '0.0000000000000000001' }, 'a');
    const dear = cell({ decimal: '0.0000000000000000002' }, 'b');
    expect(bestCells([dear, cheap], 'lowest')).toEqual([false, true]);
    expect(bestCells([cell({ decimal: '0.1' }, 'x'), cell({ decimal: '0.10' }, 'y'), cell({ decimal: '1' }, 'z')], 'lowest')).toEqual([true, true, false]);
  });

  it('marks nothing for rows without a best rule', () => {
    expect(bestCells([cell(1), cell(2)], null)).toEqual([false, false]);
  });
});

describe('compareRows on synthetic models', () => {
  it('lists priced dimensions that any model states and names the rest in one row', () => {
    const a = toCompareModel(model({ id: 'a/one', pricing: testPricing('1', '2', { perMillionTokens: { input: '1', output: '2', cacheRead: '0.1' } }) }));
    const b = toCompareModel(model({ id: 'b/two', pricing: testPricing('3', '4', { perUnit: { webSearch: '0.01' } }) }));
    const groups = compareRows([a, b], options);
    expect(texts(findRow(groups, 'price-cacheRead'))).toEqual(['$0.10/M', 'not offered']);
    expect(findRow(groups, 'price-cacheRead').best).toEqual([false, false]);
    expect(texts(findRow(groups, 'price-webSearch'))).toEqual(['not offered', '$0.01']);
    const unpriced = findRow(groups, 'price-unpriced').cells[0]!.text;
    expect(unpriced).toContain('cache write (5 min)');
    expect(unpriced).toContain('per request');
    expect(unpriced.split(', ')).not.toContain('cache read');
    expect(findRow(groups, 'price-unpriced').shared).toBe(true);
    expect(() => findRow(groups, 'price-cacheWrite')).toThrow();
  });

  it('shows a variable price as variable and leaves it out of the best mark and the workload cost', () => {
    const router = toCompareModel(model({ id: 'openrouter/auto', pricing: testPricing('variable', 'variable') }));
    const fixed = toCompareModel(model({ id: 'a/fixed' }));
    const other = toCompareModel(model({ id: 'a/dear', pricing: testPricing('5', '5') }));
    const groups = compareRows([router, fixed, other], options);
    const input = findRow(groups, 'price-input');
    expect(texts(input)).toEqual(['variable', '$1.00/M', '$5.00/M']);
    expect(input.best).toEqual([false, true, false]);
    const month = findRow(groups, 'cost-month');
    expect(month.cells[0]!.text).toMatch(/^variable: /);
    expect(month.best).toEqual([false, true, false]);
  });

  it('says "unknown" for architecture figures of models without any, and "none (dense)" only when the architecture is known', () => {
    const closed = toCompareModel(model({ id: 'closed/model' }));
    const source = { kind: 'hf-config', label: 'config.json', url: null } as const;
    const dense = toCompareModel(model({ id: 'open/dense', architecture: { layers: { value: 32, source } } }));
    const groups = compareRows([closed, dense], options);
    expect(texts(findRow(groups, 'arch-experts'))).toEqual(['unknown', 'none (dense)']);
    expect(texts(findRow(groups, 'weights-16'))).toEqual(['unknown', 'unknown']);
  });

  it('sizes the KV cache at the model context when the chosen context is longer, and says so', () => {
    const source = { kind: 'computed', label: 'computed', url: null } as const;
    const small = toCompareModel(model({ id: 'a/small', contextLength: 4096, architecture: { kvCacheBytesPerToken: { value: 1024, source } } }));
    const large = toCompareModel(model({ id: 'a/large', contextLength: 65536, architecture: { kvCacheBytesPerToken: { value: 1024, source } } }));
    const row = findRow(compareRows([small, large], { ...options, kvContext: 8192 }), 'kv-cache');
    expect(texts(row)).toEqual(['4 MiB', '8 MiB']);
    expect(row.cells[0]!.note).toBe('at its 4,096-token maximum');
    expect(row.cells[1]!.note).toBeUndefined();
  });

  it('adds a row saying what cached input is billed at when the workload reads from cache', () => {
    const withCache = toCompareModel(model({ id: 'a/cache', pricing: testPricing('1', '2', { perMillionTokens: { input: '1', output: '2', cacheRead: '0.1' } }) }));
    const without = toCompareModel(model({ id: 'a/nocache' }));
    const groups = compareRows([withCache, without], { ...options, workload: { ...DEFAULT_WORKLOAD, cacheReadPercent: 50 } });
    expect(texts(findRow(groups, 'cost-cache-note'))).toEqual(['$0.10/M', 'the input price (no cache read price stated)']);
    // 1,000 input at $1/M + 1,000 cached at $0.10/M + 500 output at $2/M = $0.0021 per request.
    expect(findRow(groups, 'cost-request').cells[0]!.key).toBe('0.0021');
  });

  it('states a discount in the words the card uses, exactly, in the price and the workload rows', () => {
    const discounted = toCompareModel(model({ id: 'a/discounted', pricing: { ...testPricing('1', '2'), discount: '0.07' } }));
    const plain = toCompareModel(model({ id: 'a/plain' }));
    const groups = compareRows([discounted, plain], options);
    expect(texts(findRow(groups, 'discount'))[0]).toBe('7% off every price');
    expect(texts(findRow(groups, 'cost-tier'))[0]).toBe('7% off every price');
  });

  it('reads models that lack a thing as alike, and links the thing where a model has it', () => {
    const closed = toCompareModel(model({ id: 'a/closed' }));
    const alsoClosed = toCompareModel(model({ id: 'b/closed' }));
    const open = toCompareModel(model({ id: 'c/open', huggingFaceId: 'mistralai/Mixtral-8x7B-Instruct-v0.1' }));
    expect(findRow(compareRows([closed, alsoClosed], options), 'hugging-face').differs).toBe(false);
    const row = findRow(compareRows([closed, open], options), 'hugging-face');
    expect(texts(row)).toEqual(['none (closed weights or not stated)', 'mistralai/Mixtral-8x7B-Instruct-v0.1']);
    expect(row.cells[1]!.href).toBe('https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1');
    expect(row.differs).toBe(true);
    expect(texts(findRow(compareRows([closed, open], options), 'discount'))).toEqual(['none', 'none']);
  });

  it('keeps the column order of the models given', () => {
    const models = ['c/three', 'a/one', 'b/two'].map((id) => toCompareModel(model({ id })));
    expect(findRow(compareRows(models, options), 'id').cells.map((c) => c.text)).toEqual(['c/three', 'a/one', 'b/two']);
  });
});

describe('URL state', () => {
  it('keeps the order given, drops duplicates and everything past the sixth model', () => {
    const state = parseCompareQuery('?models=g/7,a/1,b/2,a/1,c/3,d/4,e/5,f/6');
    expect(state.ids).toEqual(['g/7', 'a/1', 'b/2', 'c/3', 'd/4', 'e/5']);
    expect(state.duplicates).toEqual(['a/1']);
    expect(state.overflow).toEqual(['f/6']);
    expect(state.ids).toHaveLength(MAX_COMPARE);
  });

  it('accepts the repeated compare= parameters a checkbox form submits', () => {
    expect(parseCompareQuery('?compare=a%2F1&compare=b%2F2').ids).toEqual(['a/1', 'b/2']);
  });

  it('falls back to the default workload for missing, malformed or out-of-range numbers', () => {
    const state = parseCompareQuery('?models=a/1&in=abc&out=-5&cached=250&rpd=42');
    expect(state.workload).toEqual({ ...DEFAULT_WORKLOAD, requests: 42 });
    expect(state.kvContext).toBe(DEFAULT_KV_CONTEXT);
  });

  it('writes readable ids and only the workload figures that differ from the defaults', () => {
    expect(compareUrl(SEED_PAIR)).toBe('/compare/?models=mistralai/mistral-7b-instruct-v0.2,mistralai/mixtral-8x7b-instruct');
    expect(compareUrl(['a/b:free'], { workload: { ...DEFAULT_WORKLOAD, outputTokens: 9 }, kvContext: 4096 })).toBe('/compare/?models=a/b:free&out=9&ctx=4096');
  });

  it('round-trips any ids and workload through the URL', () => {
    // Ids never hold whitespace or commas; anything else URL-special must survive.
    const id = fc.stringMatching(/^~?[a-z0-9][a-z0-9._-]{0,12}\/[a-z0-9][a-z0-9.:_&?#%+=-]{0,16}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: MAX_COMPARE }),
        fc
          .record({
            inputTokens: fc.nat(1_000_000),
            outputTokens: fc.nat(1_000_000),
            cacheReadPercent: fc.nat(100),
            cacheWriteShare: fc.nat(100),
            requests: fc.nat(1_000_000),
          })
          .map(({ cacheWriteShare, ...w }) => ({ ...DEFAULT_WORKLOAD, ...w, cacheWritePercent: Math.min(cacheWriteShare, 100 - w.cacheReadPercent) })),
        fc.integer({ min: 1, max: 10_000_000 }),
        (ids, workload, kvContext) => {
          const full = { ...DEFAULT_WORKLOAD, ...workload };
          const url = new URL(compareUrl(ids, { workload: full, kvContext }), 'https://example.org');
          const state = parseCompareQuery(url.search);
          expect(state.ids).toEqual(ids);
          expect(state.workload).toEqual(full);
          expect(state.kvContext).toBe(kvContext);
        },
      ),
    );
  });

  it('resolves known ids in order and reports the unknown ones', () => {
    const known = new Map([['a/1', 'A'], ['b/2', 'B']]);
    expect(resolveIds(['b/2', 'nope/x', 'a/1'], (id) => known.get(id))).toEqual({ models: ['B', 'A'], unknown: ['nope/x'] });
  });
});

describe('price history steps', () => {
  const point = (date: string, input: string, output = input) => ({ date, contextLength: 32768, pricing: testPricing(input, output) });

  it('keeps only the snapshots where the price changed and closes at the last date seen', () => {
    const retired = { history: [point('2025-05-20', '0.08', '0.24'), point('2025-07-01', '0.08', '0.24'), point('2025-12-18', '0.54')], listed: false, lastSeen: '2026-01-29' };
    expect(priceHistorySteps(retired, '2026-06-13').map((s) => [s.date, s.input, s.output, s.closing])).toEqual([
      ['2025-05-20', '0.08', '0.24', false],
      ['2025-12-18', '0.54', '0.54', false],
      ['2026-01-29', '0.54', '0.54', true],
    ]);
  });

  it('carries a listed model to the catalog date', () => {
    const listed = { history: [point('2025-05-20', '1')], listed: true, lastSeen: '2026-06-13' };
    expect(priceHistorySteps(listed, '2026-06-13').map((s) => s.date)).toEqual(['2025-05-20', '2026-06-13']);
  });
});

describe('curated pairs', () => {
  const v = (id: string, modelName: string, created: string, extra: Partial<Model> = {}) => model({ id, modelName, created, ...extra });

  it('treats reordered names with a different version as one family', () => {
    expect(nameFamily('Claude 3.5 Sonnet')).toBe(nameFamily('Claude Sonnet 4'));
    expect(nameFamily('Qwen2.5 72B Instruct')).toBe(nameFamily('Qwen3 72B Instruct'));
    expect(nameFamily('Mixtral 8x7B Instruct')).not.toBe(nameFamily('Mixtral 8x22B Instruct'));
  });

  it('picks the latest earlier model of the same author and family, never a higher version or another author', () => {
    const models = [
      v('m/7b-v0.1', 'Mistral 7B Instruct v0.1', '2023-09-27'),
      v('m/7b-v0.2', 'Mistral 7B Instruct v0.2', '2023-12-28'),
      v('m/7b-v0.3', 'Mistral 7B Instruct v0.3', '2024-05-27'),
      v('m/7b-v0.9', 'Mistral 7B Instruct v0.9', '2023-01-01'),
      v('x/7b-v0.25', 'Mistral 7B Instruct v0.25', '2024-01-01'),
    ];
    const byId = (id: string) => models.find((m) => m.id === id)!;
    expect(predecessorOf(byId('m/7b-v0.3'), models)?.id).toBe('m/7b-v0.2');
    expect(predecessorOf(byId('m/7b-v0.2'), models)?.id).toBe('m/7b-v0.1');
    expect(predecessorOf(byId('m/7b-v0.1'), models)).toBeNull();
  });

  it('gives variants no predecessor of their own', () => {
    const models = [v('a/x', 'X 2', '2025-01-01'), v('a/old', 'X 1', '2024-01-01'), v('a/x:free', 'X 2 (free)', '2025-02-01', { variant: 'free', baseId: 'a/x' })];
    expect(predecessorOf(models[2]!, models)).toBeNull();
  });

  it('lists the seeds first, then variants, then predecessors, each unordered pair once, with unique slugs', () => {
    const models = [
      v(SEED_PAIR[1], 'Mixtral 8x7B Instruct', '2023-12-10'),
      v(SEED_PAIR[0], 'Mistral 7B Instruct v0.2', '2023-12-28'),
      v('mistralai/mistral-7b-instruct-v0.1', 'Mistral 7B Instruct v0.1', '2023-09-27'),
      v('a/x', 'X 2', '2025-01-01', { variantIds: ['a/x:free'] }),
      v('a/x:free', 'X 2 (free)', '2025-01-01', { variant: 'free', baseId: 'a/x' }),
    ];
    const pairs = curatedPairs(models);
    expect(pairs.map((p) => [p.reason, ...p.ids])).toEqual([
      ['seeds', SEED_PAIR[0], SEED_PAIR[1]],
      ['variant', 'a/x', 'a/x:free'],
      ['predecessor', SEED_PAIR[0], 'mistralai/mistral-7b-instruct-v0.1'],
    ]);
    expect(pairs[0]!.slug).toBe('mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct');
    expect(pairs[1]!.slug).toBe(pairSlug('a/x', 'a/x:free'));
    expect(pairs[1]!.slug).toBe('a-x-vs-a-x--free');
  });

  it('gives every pair of the real catalog its own slug and never pairs a model with itself', () => {
    const pairs = curatedPairs(loadCatalog().models);
    expect(pairs[0]!.ids).toEqual([...SEED_PAIR]);
    expect(new Set(pairs.map((p) => p.slug)).size).toBe(pairs.length);
    expect(pairs.every((p) => p.ids[0] !== p.ids[1])).toBe(true);
    expect(new Set(pairs.map((p) => [...p.ids].sort().join(' '))).size).toBe(pairs.length);
  });

  it('offers the seeds first among the quick picks', () => {
    expect(quickPicks(loadCatalog().models).slice(0, 2).map((m) => m.id)).toEqual([...SEED_PAIR]);
  });
});

