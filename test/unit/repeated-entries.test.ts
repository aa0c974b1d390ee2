import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readModelsDevFile } from '../../src/lib/data/sources/models-dev.ts';
import { readLiteLlmFile } from '../../src/lib/data/sources/litellm.ts';
import { RepeatedEntries, sameJson } from '../../src/lib/data/sources/repeated-entries.ts';
import { TEXT_LIMITS } from '../../src/lib/data/sources/source-file.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/upstream/readers/${name}`, 'utf8'));

/** The August fixture restated a month later, with one price changed, one entry moved and one description too long. */
function nextMonth(body: Record<string, { models: Record<string, Record<string, unknown>> }>) {
  const next = structuredClone(body);
  const mistral = next.mistral!.models;
  mistral['open-mixtral-8x7b']!.cost = { input: 0.5, output: 0.7 };
  const [firstKey, first] = Object.entries(next['302ai']!.models)[0]!;
  delete next['302ai']!.models[firstKey];
  next['302ai']!.models[firstKey] = first!;
  const openrouter = Object.values(next.openrouter!.models)[0]!;
  openrouter.description = 'x'.repeat(TEXT_LIMITS.description + 5);
  return next;
}

describe('entries repeated from one dated file to the next', () => {
  it('reads every models.dev file exactly as reading it alone does, log included', () => {
    const august = fixture('models-dev-api-2026-08-22.json');
    const september = nextMonth(august);
    const repeats = new RepeatedEntries();
    const first = readModelsDevFile('models-dev/models-dev-api-2026-08-22.json', '2026-08-22', august, repeats);
    const second = readModelsDevFile('models-dev/models-dev-api-2026-09-22.json', '2026-09-22', september, repeats);
    expect(first).toEqual(readModelsDevFile('models-dev/models-dev-api-2026-08-22.json', '2026-08-22', august));
    expect(second).toEqual(readModelsDevFile('models-dev/models-dev-api-2026-09-22.json', '2026-09-22', september));
    // The cut description is reported in the second file although the entry's other fields repeat.
    expect(second.trimmed).toHaveLength(first.trimmed.length + 1);
    expect(second.entries.find((e) => e.key === 'mistral/open-mixtral-8x7b')!.pricing!.perMillionTokens.input).toBe('0.5');
    // Unchanged entries are taken over: their prices are the very objects read the month before.
    const unchanged = second.entries.find((e) => e.providerId === 'mistral' && e.key !== 'mistral/open-mixtral-8x7b')!;
    expect(unchanged.pricing).toBe(first.entries.find((e) => e.key === unchanged.key)!.pricing);
  });

  it('reads a LiteLLM entry again when it changed, and keeps skipping what it skipped', () => {
    const august = fixture('litellm-2026-08-01.json');
    const next = structuredClone(august);
    const key = Object.keys(next).find((k) => next[k].litellm_provider === 'mistral' && next[k].mode === 'chat')!;
    next[key].input_cost_per_token = 3e-6;
    const repeats = new RepeatedEntries();
    const first = readLiteLlmFile('litellm/litellm-2026-08-01.json', '2026-08-01', august, repeats);
    const second = readLiteLlmFile('litellm/litellm-2026-09-01.json', '2026-09-01', next, repeats);
    expect(second).toEqual(readLiteLlmFile('litellm/litellm-2026-09-01.json', '2026-09-01', next));
    expect(second.skipped).toEqual(first.skipped);
    expect(second.entries.find((e) => e.key === key)!.pricing!.perMillionTokens.input).toBe('3');
  });
});

describe('sameJson', () => {
  it('is true only for equal JSON with keys in the same order', () => {
    expect(sameJson({ a: [1, { b: null }], c: 'x' }, { a: [1, { b: null }], c: 'x' })).toBe(true);
    expect(sameJson({ a: 1, c: 2 }, { c: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameJson({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(0, -0)).toBe(false);
  });
});
