/** /value/'s logic on hand-worked examples: cheapest offer per model, the Pareto frontier, the threshold answer, URL parsing. */
import { describe, expect, it } from 'vitest';
import { answerSentence, cheapestAtLeast, defaultThreshold, includeFreeFromParams, thresholdFromParams, valuePoints, valueQuery, type ValueModel } from '../../src/lib/value/value-view.ts';
import { DEFAULT_PRESET, presetById, workloadFromParams } from '../../src/lib/pricing/workload.ts';
import type { Pricing } from '../../src/lib/data/schema.ts';

const price = (input: string, output: string): Pricing => ({ perMillionTokens: { input, output }, perUnit: {}, tiers: [], unknown: {} });
const offer = (providerId: string, input: string, output: string, listed = true) => ({ id: `${providerId}/m`, providerId, providerName: providerId.toUpperCase(), pricing: price(input, output), listed });
const model = (id: string, index: number, offers: ValueModel['offers']): ValueModel => ({ id, name: id, href: `/models/${id}/`, intelligenceIndex: index, codingIndex: null, mathIndex: null, offers });

// Chat turn: 1,000 input + 500 output tokens. At $1/$2 per M that is 0.001 + 0.001 = $0.002.
const models = [
  model('a', 10, [offer('p', '1', '2'), offer('q', '0.5', '1')]), // cheapest at q: 0.0005 + 0.0005 = 0.001
  model('b', 30, [offer('p', '2', '4')]), // 0.002 + 0.002 = 0.004
  model('c', 20, [offer('p', '4', '8')]), // 0.008, dominated by b
  model('d', 40, [offer('p', '10', '10'), offer('r', '0.1', '0.1', false)]), // 0.015; the retired offer does not count
];

describe('value points', () => {
  const points = valuePoints(models, DEFAULT_PRESET.workload);

  it('prices each model at its cheapest current offer, cheapest first', () => {
    expect(points.map((p) => [p.model.id, p.cost, p.providerName])).toEqual([
      ['a', '0.001', 'Q'],
      ['b', '0.004', 'P'],
      ['c', '0.008', 'P'],
      ['d', '0.015', 'P'],
    ]);
  });

  it('marks the Pareto frontier: no model is both cheaper and at least as good', () => {
    expect(points.filter((p) => p.onFrontier).map((p) => p.model.id)).toEqual(['a', 'b', 'd']);
  });

  it('answers with the cheapest model at or above the threshold, or none', () => {
    expect(cheapestAtLeast(points, 15)?.model.id).toBe('b');
    expect(cheapestAtLeast(points, 35)?.model.id).toBe('d');
    expect(cheapestAtLeast(points, 41)).toBeNull();
    expect(answerSentence(cheapestAtLeast(points, 15), 15, DEFAULT_PRESET.workload)).toBe(
      'For this workload, the cheapest model with an intelligence index of at least 15 is b (index 30) at $0.004 per request ($120.00 a month) from P.',
    );
    expect(answerSentence(null, 41, DEFAULT_PRESET.workload)).toBe('For this workload, no model with an intelligence index of at least 41 has a price in the data.');
  });

  it('leaves free offers out unless asked for', () => {
    const withFree = [...models, model('e', 50, [offer('z', '0', '0'), offer('p', '20', '20')])]; // 0.03 when paid
    expect(valuePoints(withFree, DEFAULT_PRESET.workload).find((p) => p.model.id === 'e')?.cost).toBe('0.03');
    expect(valuePoints(withFree, DEFAULT_PRESET.workload, true)[0]).toMatchObject({ cost: '0', providerName: 'Z' });
  });

  it('takes the median index, rounded down, as the default threshold', () => {
    expect(defaultThreshold(points)).toBe(20);
    expect(defaultThreshold([])).toBe(0);
  });

  it('reads the threshold from the URL and refuses what is not a number from 0 to 1000', () => {
    expect(thresholdFromParams(new URLSearchParams('min=42.5'), 20)).toEqual({ threshold: 42.5, problem: null });
    expect(thresholdFromParams(new URLSearchParams(''), 20)).toEqual({ threshold: 20, problem: null });
    expect(thresholdFromParams(new URLSearchParams('min=abc'), 20).threshold).toBe(20);
    expect(thresholdFromParams(new URLSearchParams('min=-1'), 20).problem).toContain('min=-1');
  });
});

describe('the /value/ link', () => {
  it('spells what the form says and reads back as the same workload, threshold and switch', () => {
    const query = valueQuery({ preset: 'rag', fields: { in: '123', out: '45', cached: '10', reasoning: '0', requests: '7' }, min: '42.5', free: true });
    expect(query).toBe('preset=rag&in=123&out=45&cached=10&reasoning=0&requests=7&min=42.5&free=1');
    const params = new URLSearchParams(query);
    expect(workloadFromParams(params).workload).toMatchObject({ inputTokens: 123, outputTokens: 45, cacheReadPercent: 10, reasoningTokens: 0, requests: 7 });
    expect(thresholdFromParams(params, 0).threshold).toBe(42.5);
    expect(includeFreeFromParams(params)).toBe(true);
  });

  it('after a preset change carries only the preset, the threshold and no switch, so the preset’s numbers apply', () => {
    const query = valueQuery({ preset: 'classify', fields: null, min: '', free: false });
    expect(query).toBe('preset=classify&min=');
    expect(workloadFromParams(new URLSearchParams(query)).workload).toEqual(presetById('classify')!.workload);
  });
});
