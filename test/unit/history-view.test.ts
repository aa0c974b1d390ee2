import { describe, expect, it } from 'vitest';
import { latestSnapshot, priceDirection, priceHistoryTable, snapshotPriceChanges, tiersChanged } from '../../src/lib/history/history-view.ts';
import type { HistoryPoint, SnapshotChanges } from '../../src/lib/data/schema.ts';

const point = (date: string, input: string, output: string, extra: Partial<HistoryPoint['pricing']> = {}, contextLength = 32768): HistoryPoint => ({
  date,
  contextLength,
  pricing: { perMillionTokens: { input, output }, perUnit: {}, tiers: [], unknown: {}, ...extra },
});

describe('priceHistoryTable', () => {
  it('marks each changed value with its direction and leaves the first row unmarked', () => {
    // Mixtral 8x7B Instruct in data/models.json: $0.08/$0.24 in May 2025, $0.54/$0.54 from Dec 2025.
    const table = priceHistoryTable([point('2025-12-18', '0.54', '0.54'), point('2025-05-20', '0.08', '0.24')]);
    expect(table.columns.map((c) => c.key)).toEqual(['input', 'output', 'contextLength']);
    expect(table.rows.map((r) => r.date)).toEqual(['2025-05-20', '2025-12-18']);
    expect(table.rows[0]?.cells.map((c) => c.change)).toEqual([null, null, null]);
    expect(table.rows[1]?.cells.map((c) => [c.text, c.value, c.change])).toEqual([
      ['$0.54/M', '0.54', 'up'],
      ['$0.54/M', '0.54', 'up'],
      ['32,768', '32768', null],
    ]);
  });

  it('adds a column for a dimension that appears later and says "not offered" before it', () => {
    const table = priceHistoryTable([point('2026-01-01', '3', '15'), point('2026-06-13', '3', '15', { perUnit: { webSearch: '0.01' } }, 1000000)]);
    expect(table.columns.map((c) => c.label)).toEqual(['Input $/M', 'Output $/M', 'Per web search', 'Context']);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['$3.00/M', '$15.00/M', 'not offered', '32,768'],
      ['$3.00/M', '$15.00/M', '$0.01', '1,000,000'],
    ]);
    expect(table.rows[1]?.cells.map((c) => c.change)).toEqual([null, null, 'changed', 'up']);
  });

  it('notices tier changes', () => {
    expect(tiersChanged([point('2026-01-01', '3', '15'), point('2026-06-13', '3', '15', { tiers: [{ minPromptTokens: 200001, perMillionTokens: { input: '6' } }] })])).toBe(true);
    expect(tiersChanged([point('2026-01-01', '3', '15')])).toBe(false);
  });
});

describe('priceDirection', () => {
  it('compares decimals exactly', () => {
    expect(priceDirection('0.1', '0.10')).toBeNull();
    expect(priceDirection('0.0000001', '0.0000002')).toBe('up');
    expect(priceDirection('2', '1.999')).toBe('down');
    expect(priceDirection('2', 'variable')).toBe('changed');
    expect(priceDirection(undefined, '1')).toBe('changed');
  });
});

describe('snapshot news', () => {
  const snapshot: SnapshotChanges = {
    date: '2026-01-08',
    previous: '2026-01-01',
    added: ['a/new'],
    removed: [],
    changed: [
      {
        id: 'deepseek/deepseek-v3',
        fields: ['perMillionTokens.cacheRead', 'perMillionTokens.input', 'contextLength', 'perUnit'],
        before: { contextLength: 163840, pricing: { perMillionTokens: { input: '0.2', output: '0.88', cacheRead: '0.106' }, perUnit: {}, tiers: [], unknown: {} } },
        after: { contextLength: 64000, pricing: { perMillionTokens: { input: '0.19', output: '0.88' }, perUnit: { webSearch: '0.01' }, tiers: [], unknown: {} } },
      },
    ],
  };

  it('lists every changed field as before → after', () => {
    expect(snapshotPriceChanges(snapshot)).toEqual([
      { id: 'deepseek/deepseek-v3', label: 'Cache read', before: '$0.106/M', after: 'not offered', change: 'changed' },
      { id: 'deepseek/deepseek-v3', label: 'Input', before: '$0.20/M', after: '$0.19/M', change: 'down' },
      { id: 'deepseek/deepseek-v3', label: 'Context', before: '163,840', after: '64,000', change: 'down' },
      { id: 'deepseek/deepseek-v3', label: 'Per web search', before: 'not offered', after: '$0.01', change: 'changed' },
    ]);
  });

  it('picks the newest snapshot', () => {
    expect(latestSnapshot([snapshot, { ...snapshot, date: '2026-06-13' }, { ...snapshot, date: '2025-05-20' }])?.date).toBe('2026-06-13');
    expect(latestSnapshot([])).toBeNull();
  });
});
