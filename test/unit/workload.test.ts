import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRESET,
  fitProblems,
  PRESETS,
  usageFor,
  WORKLOAD_FIELDS,
  workloadFromParams,
} from '../../src/lib/pricing/workload.ts';

const chat = DEFAULT_PRESET.workload;

/** A model's limits, as fitProblems reads them. */
function limits(contextLength: number | null, maxCompletionTokens: number | null) {
  return { contextLength, maxCompletionTokens, inputModalities: ['text'], outputModalities: ['text'] };
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
  // Round trips of every workload through its link: test/unit/url-state.test.ts.
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
  const small = limits(4_096, 1_000);

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
    expect(fitProblems({ contextLength: null, maxCompletionTokens: null, inputModalities: ['text', 'image'], outputModalities: [] }, { ...chat, inputTokens: 10_000_000, images: 3 })).toEqual([]);
  });

  it('refuses a model that writes no text: every workload asks for a text reply', () => {
    expect(fitProblems({ ...small, outputModalities: ['image'] }, chat)).toEqual(['writes image, not text']);
    expect(fitProblems({ ...small, outputModalities: ['audio', 'video'] }, chat)).toEqual(['writes audio and video, not text']);
    expect(fitProblems({ ...small, outputModalities: ['image', 'text'] }, chat)).toEqual([]);
  });
});
