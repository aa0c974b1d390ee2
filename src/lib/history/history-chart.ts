/**
 * The price-history chart's points on a time axis: x is days since 1970-01-01 (UTC), so the gap
 * between two snapshots is drawn in proportion to the time between them. chart.js's time scale needs a
 * date adapter library; whole days on a linear scale need none.
 */
const DAY_MS = 86_400_000;

export interface HistoryChartRow {
  /** ISO date of the snapshot. */
  date: string;
  /** Decimal price strings by column key ("input", "output"), "" or "variable" when not plottable. */
  values: Record<string, string>;
}

export interface ChartPoint {
  x: number;
  y: number | null;
}

/** "2026-01-29" → days since 1970-01-01. */
export function epochDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

/** A tick or tooltip label for an epoch day: "Jan 2026", or "Jan 29, 2026" with the day. */
export function epochDayLabel(day: number, withDay: boolean): string {
  return new Date(day * DAY_MS).toLocaleDateString('en-US', { month: 'short', year: 'numeric', ...(withDay ? { day: 'numeric' } : {}), timeZone: 'UTC' });
}

/**
 * One stepped series per key. Plotting needs numbers (the exact decimals stay in the table); variable
 * and absent prices become gaps. A closing point at `lastSeen` shows how long the newest price held.
 */
export function historySeries(rows: readonly HistoryChartRow[], key: string, lastSeen: string | null): ChartPoint[] {
  const points = rows.map((row) => {
    const value = row.values[key] ?? '';
    return { x: epochDay(row.date), y: /^\d+(\.\d+)?$/.test(value) ? Number(value) : null };
  });
  const last = rows.at(-1);
  if (lastSeen !== null && last !== undefined && lastSeen > last.date) points.push({ x: epochDay(lastSeen), y: points.at(-1)?.y ?? null });
  return points;
}
