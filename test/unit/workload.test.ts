import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pricing } from '../../src/lib/data/schema.ts';
import {
  DEFAULT_PRESET,
  fitProblems,
  PRESETS,
  rankModels,
  usageFor,
  WORKLOAD_FIELDS,
  workloadFromParams,
  workloadToParams,
  type PricedModel,
  type Workload,
} from '../../src/lib/pricing/workload.ts';

const chat = DEFAULT_PRESET.workload;

function pricedModel(id: string, pricing: Partial<Pricing['perMillionTokens']> & { input: string; output: string }, extra: Partial<PricedModel> = {}): PricedModel {
  return {
    id,
    slug: id,
    displayName: id,
    author: id.split('/')[0] ?? id,
    authorLabel: id,
    contextLength: 128_000,
    maxCompletionTokens: null,
    inputModalities: ['text'],
    tokenizer: 'Other',
    tags: [],
    listed: true,
    pricing: { perMillionTokens: pricing, perUnit: {}, tiers: [], unknown: {} },
    ...extra,
  };
}

describe('usageFor', () => {
  it('turns cache shares into whole tokens of the input', () => {
    // 1,001 × 33 % = 330.33 → 330 read; 1,001 × 67 % = 670.67 → 671 written, capped at the 671 left
    expect(usageFor({ ...chat, inputTokens: 1_001, cacheReadPercent: 33, cacheWritePercent: 67 })).toMatchObject({
      promptTokens: 1_001,
      cacheReadTokens: 330,
      cacheWriteTokens: 671,
    });
    // 3 × 50 % = 1.5 → 2 read (half up), 3 × 50 % = 2 written would exceed the 1 left → 1
    expect(usageFor({ ...chat, inputTokens: 3, cacheReadPercent: 50, cacheWritePercent: 50 })).toMatchObject({ cacheReadTokens: 2, cacheWriteTokens: 1 });
  });
});

describe('workload URL state', () => {
  const workloadArb: fc.Arbitrary<Workload> = fc
    .record({
      inputTokens: fc.integer({ min: 0, max: 2_000_000 }),
      outputTokens: fc.integer({ min: 0, max: 200_000 }),
      cacheReadPercent: fc.integer({ min: 0, max: 100 }),
      cacheWriteShare: fc.integer({ min: 0, max: 100 }),
      reasoningTokens: fc.integer({ min: 0, max: 100_000 }),
      images: fc.integer({ min: 0, max: 50 }),
      webSearches: fc.integer({ min: 0, max: 10 }),
      requests: fc.integer({ min: 0, max: 10_000_000 }),
      per: fc.constantFrom('day' as const, 'month' as const),
      daysPerMonth: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ cacheWriteShare, ...w }) => ({ ...w, cacheWritePercent: Math.min(cacheWriteShare, 100 - w.cacheReadPercent) }));

  it('reads back every workload it writes', () => {
    fc.assert(
      fc.property(workloadArb, (workload) => {
        const params = new URLSearchParams(workloadToParams(workload).toString());
        expect(workloadFromParams(params)).toEqual({ workload, problems: [] });
      }),
    );
  });

  it('starts from the named preset and lets explicit fields override it', () => {
    const { workload } = workloadFromParams(new URLSearchParams('preset=classify&out=7'));
    expect(workload).toEqual({ ...PRESETS.find((p) => p.id === 'classify')?.workload, outputTokens: 7 });
  });

  it('falls back to the chat turn and names each bad field of a hand-edited link', () => {
    const { workload, problems } = workloadFromParams(new URLSearchParams('preset=nope&in=-5&out=1.5&days=40&cached=70&cachewrite=50'));
    expect(workload.inputTokens).toBe(chat.inputTokens);
    expect(workload.outputTokens).toBe(chat.outputTokens);
    expect(workload.daysPerMonth).toBe(chat.daysPerMonth);
    expect(workload.cacheReadPercent + workload.cacheWritePercent).toBe(100);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^Input tokens per request in the link \("in=-5"\)/);
    expect(problems.at(-1)).toMatch(/more than 100 %/);
  });

  it('gives every numeric field its own parameter', () => {
    expect(new Set(WORKLOAD_FIELDS.map((f) => f.param)).size).toBe(WORKLOAD_FIELDS.length);
  });
});

describe('fitProblems', () => {
  const small = pricedModel('a/small', { input: '1', output: '1' }, { contextLength: 4_096, maxCompletionTokens: 1_000 });

  it('accepts a request that exactly fills the context', () => {
    expect(fitProblems(small, { ...chat, inputTokens: 3_596, outputTokens: 500 })).toEqual([]);
  });

  it('names a context too small, an output limit too low and a missing image input', () => {
    const problems = fitProblems(small, { ...chat, inputTokens: 3_597, outputTokens: 1_000, reasoningTokens: 1, images: 1 });
    expect(problems).toEqual([
      'context of 4,096 tokens is smaller than the 4,598 this request needs',
      'writes at most 1,000 tokens per reply, fewer than the 1,001 asked for',
      'does not take image input',
    ]);
  });

  it('does not hold unknown limits against a model', () => {
    expect(fitProblems({ contextLength: null, maxCompletionTokens: null, inputModalities: ['text', 'image'] }, { ...chat, inputTokens: 10_000_000, images: 3 })).toEqual([]);
  });
});

describe('rankModels', () => {
  const models = [
    pricedModel('x/dear', { input: '10', output: '30' }),
    pricedModel('x/cheap', { input: '0.1', output: '0.2' }),
    pricedModel('x/free', { input: '0', output: '0' }),
    pricedModel('x/router', { input: 'variable', output: 'variable' }),
    pricedModel('x/tiny', { input: '0.01', output: '0.01' }, { contextLength: 1_000 }),
    pricedModel('x/mid', { input: '1', output: '2' }),
  ];

  it('ranks paid models cheapest first and sets free, variable and unfit models apart', () => {
    const ranking = rankModels(models, chat);
    expect(ranking.ranked.map((r) => r.model.id)).toEqual(['x/cheap', 'x/mid', 'x/dear']);
    expect(ranking.free.map((r) => r.model.id)).toEqual(['x/free']);
    expect(ranking.variable.map((r) => r.model.id)).toEqual(['x/router']);
    expect(ranking.cannotServe).toEqual([{ model: models[4], reasons: ['context of 1,000 tokens is smaller than the 1,500 this request needs'] }]);
  });

  it('projects each cost over the volume', () => {
    // x/cheap: 1,000 × 0.1 + 500 × 0.2 = 200 per 1M → 0.0002; × 1,000 a day = 0.2; × 30 = 6
    expect(rankModels(models, chat).ranked[0]?.costs).toEqual({ perRequest: '0.0002', perDay: '0.2', perMonth: '6' });
  });

  it('lists a model with no web search price as unable to serve searches', () => {
    const ranking = rankModels([models[1] as PricedModel], { ...chat, webSearches: 1 });
    expect(ranking.cannotServe[0]?.reasons).toEqual(['the model states no web search price']);
  });
});
