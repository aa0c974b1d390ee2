/** The price-history chart's time axis: gaps in proportion to the days between snapshots. */
import { describe, expect, it } from 'vitest';
import { epochDay, epochDayLabel, historySeries } from '../../src/lib/history/history-chart.ts';

describe('price-history chart points', () => {
  it('puts snapshots at their dates, so seven months are wider than six weeks', () => {
    const rows = [
      { date: '2025-05-20', values: { input: '0.24' } },
      { date: '2025-07-01', values: { input: '0.54' } }, // 42 days later
      { date: '2026-02-01', values: { input: 'variable' } }, // 215 days later
    ];
    const xs = historySeries(rows, 'input', null).map((p) => p.x);
    expect([xs[1]! - xs[0]!, xs[2]! - xs[1]!]).toEqual([42, 215]);
    expect(historySeries(rows, 'input', null).map((p) => p.y)).toEqual([0.24, 0.54, null]);
  });

  it('closes the line at the last snapshot seen with the newest price', () => {
    const points = historySeries([{ date: '2026-01-01', values: { output: '1.5' } }], 'output', '2026-01-31');
    expect(points).toEqual([
      { x: epochDay('2026-01-01'), y: 1.5 },
      { x: epochDay('2026-01-01') + 30, y: 1.5 },
    ]);
  });

  it('counts days from 1970-01-01 in UTC and labels them as dates', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(epochDay('2000-03-01') - epochDay('2000-02-28')).toBe(2); // 2000 was a leap year
    expect(epochDayLabel(epochDay('2026-01-29'), true)).toBe('Jan 29, 2026');
    expect(epochDayLabel(epochDay('2026-01-29'), false)).toBe('Jan 2026');
  });
});
