/**
 * One URL-state codec for every page: the calculator's workload and view and the playground's models
 * are spelled by src/lib/format/url-state.ts, read back what they write, and still read the links the
 * site wrote before (URLSearchParams spelling: "+" for spaces, "%2F" for "/", "%2C" for ",").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculatorQuery, DEFAULT_VIEW, TOP_CHOICES, viewFromParams, type CalculatorView } from '../../src/lib/calculator/calculator-url.ts';
import { readChoice, readDecimal, readSwitch, readText, switchValue, textValue } from '../../src/lib/format/url-state.ts';
import { calculatorHref, DEFAULT_PRESET, PRESETS, workloadFromParams, type Workload } from '../../src/lib/pricing/workload.ts';
import { modelsFromQuery, playgroundQuery } from '../../src/lib/trial/models.ts';

const chat = DEFAULT_PRESET.workload;
const params = (search: string) => new URLSearchParams(search);

describe('url-state values', () => {
  it('reads decimals written out in full and nothing else', () => {
    const p = params('a=62.5&b=40&c=1e3&d=-1&e=.5&f=abc&g= 7 ');
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'z'].map((name) => readDecimal(p, name))).toEqual(['62.5', '40', null, null, null, null, '7', null]);
  });

  it('spells a switch as "1" and leaves it out when off', () => {
    expect([switchValue(true), switchValue(false)]).toEqual(['1', null]);
    const p = params('on=1&yes=yes&zero=0');
    expect([readSwitch(p, 'on'), readSwitch(p, 'yes'), readSwitch(p, 'zero'), readSwitch(p, 'none')]).toEqual([true, false, false, false]);
  });

  it('trims text and leaves out what is empty', () => {
    expect([textValue('  llama 3.1 '), textValue('   ')]).toEqual(['llama 3.1', null]);
    expect([readText(params('q=+mixtral+'), 'q'), readText(params(''), 'q')]).toEqual(['mixtral', '']);
  });

  it('reads one of a fixed set of values, else the fallback', () => {
    const choices = ['day', 'month'] as const;
    expect(readChoice(params('per=month'), 'per', choices, 'day')).toBe('month');
    expect(readChoice(params('per=week'), 'per', choices, 'day')).toBe('day');
    expect(readChoice(params(''), 'per', choices, 'month')).toBe('month');
  });
});

describe('the calculator link', () => {
  const view = (over: Partial<CalculatorView> = {}): CalculatorView => ({ ...DEFAULT_VIEW, ...over });

  it('writes every workload field and only the view settings that differ from the defaults', () => {
    expect(calculatorQuery(chat, view())).toBe('in=1000&out=500&cached=0&cachewrite=0&reasoning=0&images=0&searches=0&requests=1000&days=30&per=day');
  });

  it('spells ids and searches readably: "/" and ":" kept, spaces and "&" encoded', () => {
    const query = calculatorQuery(chat, view({ query: 'llama 3.1 8b', highlight: 'mistralai/mixtral-8x7b-instruct:free', provider: 'a&b' }));
    expect(query.endsWith('&per=day&q=llama%203.1%208b&provider=a%26b&model=mistralai/mixtral-8x7b-instruct:free')).toBe(true);
  });

  it('reads a link the calculator wrote before it used the shared codec', () => {
    // As URLSearchParams.toString() spelled it: "+" for a space, "%2F" and "%3A" inside ids.
    const old = params(
      'in=4321&out=123&cached=25&cachewrite=5&reasoning=77&images=2&searches=1&requests=777&days=28&per=month&q=claude+sonnet&author=anthropic&tag=vision&provider=amazon-bedrock&minq=40.5&ctx=1&retired=1&offers=all&top=20&model=anthropic%2Fclaude-sonnet-4.5%3Abeta',
    );
    expect(workloadFromParams(old)).toEqual({
      workload: { inputTokens: 4321, outputTokens: 123, cacheReadPercent: 25, cacheWritePercent: 5, reasoningTokens: 77, images: 2, webSearches: 1, requests: 777, per: 'month', daysPerMonth: 28 },
      problems: [],
    });
    expect(viewFromParams(old)).toEqual({
      query: 'claude sonnet',
      author: 'anthropic',
      tag: 'vision',
      provider: 'amazon-bedrock',
      minQuality: 40.5,
      contextHoldsPrompt: true,
      retired: true,
      onePerModel: false,
      top: 20,
      highlight: 'anthropic/claude-sonnet-4.5:beta',
    });
  });

  it("reads a card's old link (preset and an encoded model id) and writes the new one readably", () => {
    const old = params('preset=classify&model=mistralai%2Fmixtral-8x7b-instruct');
    expect(workloadFromParams(old).workload).toEqual(PRESETS.find((p) => p.id === 'classify')?.workload);
    expect(viewFromParams(old)).toEqual(view({ highlight: 'mistralai/mixtral-8x7b-instruct' }));
    expect(calculatorHref('mistralai/mixtral-8x7b-instruct', 'classify')).toBe('/calculator/?preset=classify&model=mistralai/mixtral-8x7b-instruct');
  });

  it('keeps the defaults for view settings it cannot read', () => {
    expect(viewFromParams(params('top=7&top2=5&minq=-3&offers=some&ctx=yes&retired=true'))).toEqual(view());
    expect(viewFromParams(params('top=5&minq=0')).top).toBe(5);
    expect(viewFromParams(params('minq=0')).minQuality).toBe(0);
  });

  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '/', ':', ',', '&', '=', '+', '%', '?', '#', 'é', '😀'), maxLength: 12 });
  const viewArb: fc.Arbitrary<CalculatorView> = fc.record({
    query: text.map((t) => t.trim()),
    author: text.map((t) => t.trim()),
    tag: text.map((t) => t.trim()),
    provider: text.map((t) => t.trim()),
    minQuality: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), { nil: null }),
    contextHoldsPrompt: fc.boolean(),
    retired: fc.boolean(),
    onePerModel: fc.boolean(),
    top: fc.constantFrom(...TOP_CHOICES),
    highlight: text.map((t) => t.trim()),
  });
  const workloadArb: fc.Arbitrary<Workload> = fc
    .record({
      inputTokens: fc.integer({ min: 0, max: 100_000_000 }),
      outputTokens: fc.integer({ min: 0, max: 100_000_000 }),
      cacheReadPercent: fc.integer({ min: 0, max: 100 }),
      cacheWriteShare: fc.integer({ min: 0, max: 100 }),
      reasoningTokens: fc.integer({ min: 0, max: 100_000_000 }),
      images: fc.integer({ min: 0, max: 10_000 }),
      webSearches: fc.integer({ min: 0, max: 10_000 }),
      requests: fc.integer({ min: 0, max: 1_000_000_000_000 }),
      per: fc.constantFrom('day' as const, 'month' as const),
      daysPerMonth: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ cacheWriteShare, ...w }) => ({ ...w, cacheWritePercent: Math.min(cacheWriteShare, 100 - w.cacheReadPercent) }));

  it('reads back every workload and view it writes', () => {
    fc.assert(
      fc.property(workloadArb, viewArb, (workload, v) => {
        const read = params(calculatorQuery(workload, v));
        expect(workloadFromParams(read)).toEqual({ workload, problems: [] });
        expect(viewFromParams(read)).toEqual(v);
      }),
    );
  });
});

describe('the playground link', () => {
  it('reads the old spelling (the whole list percent-encoded) and the new one alike', () => {
    const ids = ['meta-llama/llama-3.1-8b-instruct', 'mistralai/mixtral-8x7b-instruct:free'];
    expect(modelsFromQuery('?models=meta-llama%2Fllama-3.1-8b-instruct%2Cmistralai%2Fmixtral-8x7b-instruct%3Afree')).toEqual(ids);
    expect(playgroundQuery('', ids)).toBe('models=meta-llama/llama-3.1-8b-instruct,mistralai/mixtral-8x7b-instruct:free');
    expect(modelsFromQuery(`?${playgroundQuery('', ids)}`)).toEqual(ids);
  });

  it('reads repeated models= parameters, and drops the list when it is empty while keeping other parameters', () => {
    expect(modelsFromQuery('?models=a/b&models=c/d,a/b')).toEqual(['a/b', 'c/d']);
    expect(playgroundQuery('?models=a/b&debug=1', [])).toBe('debug=1');
    expect(playgroundQuery('?debug=1&models=a/b', ['c/d'])).toBe('debug=1&models=c/d');
  });
});
