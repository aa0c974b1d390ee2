/**
 * Price history as people read it: a table of snapshot dates with the values that changed marked,
 * and the newest snapshot's news (models added, prices changed). Decimal strings are compared with
 * big.js; nothing here formats for display except through format.ts.
 */
import Big from 'big.js';
import { VARIABLE_PRICE, type HistoryPoint, type Model, type Price, type SnapshotChanges, type TokenPriceKey, type UnitPriceKey } from '../data/schema.ts';
import { formatCount, formatPricePerMillion, formatUnitPrice } from '../format/format.ts';
import { TOKEN_PRICE_LABELS, UNIT_PRICE_LABELS } from '../pricing/price-labels.ts';


export type Direction = 'up' | 'down' | 'changed' | null;

/** How a price moved: "up", "down", "changed" (to or from variable, or added/removed), or null. */
export function priceDirection(before: Price | undefined, after: Price | undefined): Direction {
  if (before === after) return null;
  if (before === undefined || after === undefined || before === VARIABLE_PRICE || after === VARIABLE_PRICE) return 'changed';
  const cmp = new Big(after).cmp(before);
  return cmp > 0 ? 'up' : cmp < 0 ? 'down' : null;
}

export interface HistoryCell {
  /** Display text; never empty. */
  text: string;
  /** The raw value for charts: a decimal string, a token count, or "" when absent. */
  value: string;
  change: Direction;
}

export interface HistoryTable {
  columns: { key: string; label: string }[];
  rows: { date: string; cells: HistoryCell[] }[];
}

type Column = { key: string; label: string; read: (point: HistoryPoint) => Price | number | null | undefined; unit: 'million' | 'unit' | 'count' };

function historyColumns(points: readonly HistoryPoint[]): Column[] {
  const tokenKeys = (Object.keys(TOKEN_PRICE_LABELS) as TokenPriceKey[]).filter(
    (key) => key === 'input' || key === 'output' || points.some((p) => p.pricing.perMillionTokens[key] !== undefined),
  );
  const unitKeys = (Object.keys(UNIT_PRICE_LABELS) as UnitPriceKey[]).filter((key) => points.some((p) => p.pricing.perUnit[key] !== undefined));
  return [
    ...tokenKeys.map((key): Column => ({ key, label: `${TOKEN_PRICE_LABELS[key]} $/M`, read: (p) => p.pricing.perMillionTokens[key], unit: 'million' })),
    ...unitKeys.map((key): Column => ({ key, label: UNIT_PRICE_LABELS[key], read: (p) => p.pricing.perUnit[key], unit: 'unit' })),
    { key: 'contextLength', label: 'Context', read: (p) => p.contextLength, unit: 'count' },
  ];
}

function cellFor(column: Column, point: HistoryPoint, previous: HistoryPoint | undefined): HistoryCell {
  const value = column.read(point);
  const before = previous === undefined ? undefined : column.read(previous);
  if (column.unit === 'count') {
    const count = typeof value === 'number' ? value : null;
    const prior = typeof before === 'number' ? before : null;
    const change: Direction = previous === undefined || count === prior ? null : count === null || prior === null ? 'changed' : count > prior ? 'up' : 'down';
    return { text: formatCount(count), value: count === null ? '' : String(count), change };
  }
  const price = typeof value === 'string' ? value : undefined;
  const priorPrice = typeof before === 'string' ? before : undefined;
  return {
    text: column.unit === 'million' ? formatPricePerMillion(price) : formatUnitPrice(price),
    value: price ?? '',
    change: previous === undefined ? null : priceDirection(priorPrice, price),
  };
}

/** One row per recorded point (the model's first snapshot and each change), oldest first. */
export function priceHistoryTable(history: readonly HistoryPoint[]): HistoryTable {
  const points = [...history].sort((a, b) => a.date.localeCompare(b.date));
  const columns = historyColumns(points);
  return {
    columns: columns.map(({ key, label }) => ({ key, label })),
    rows: points.map((point, index) => ({
      date: point.date,
      cells: columns.map((column) => cellFor(column, point, points[index - 1])),
    })),
  };
}

/** True when a later point changed a price tier (tiers have no single column of their own). */
export function tiersChanged(history: readonly HistoryPoint[]): boolean {
  const shapes = history.map((p) => JSON.stringify(p.pricing.tiers));
  return new Set(shapes).size > 1;
}

// ---------------------------------------------------------------------------------------------
// Snapshot news

export interface PriceChange {
  id: string;
  /** "Input", "Output", "Cache read", "Context", "Web search"… */
  label: string;
  before: string;
  after: string;
  change: Direction;
}

const FIELD_LABELS: Record<string, string> = { contextLength: 'Context', perUnit: 'Per-unit prices', tiers: 'Price tiers' };

function fieldLabel(field: string): string {
  const [group, key] = field.split('.');
  if (group === 'perMillionTokens' && key !== undefined && key in TOKEN_PRICE_LABELS) return TOKEN_PRICE_LABELS[key as TokenPriceKey];
  return FIELD_LABELS[field] ?? field;
}

/** Each changed field of each changed model, as "before → after" text, in the snapshot's order. */
export function snapshotPriceChanges(changes: SnapshotChanges): PriceChange[] {
  return changes.changed.flatMap((entry) =>
    entry.fields.flatMap((field): PriceChange[] => {
      const [group, key] = field.split('.');
      if (group === 'perMillionTokens' && key !== undefined) {
        const tokenKey = key as TokenPriceKey;
        const before = entry.before.pricing.perMillionTokens[tokenKey];
        const after = entry.after.pricing.perMillionTokens[tokenKey];
        return [{ id: entry.id, label: fieldLabel(field), before: formatPricePerMillion(before), after: formatPricePerMillion(after), change: priceDirection(before, after) }];
      }
      if (field === 'contextLength') {
        const before = entry.before.contextLength;
        const after = entry.after.contextLength;
        const change: Direction = before === null || after === null ? 'changed' : after > before ? 'up' : after < before ? 'down' : null;
        return [{ id: entry.id, label: 'Context', before: formatCount(before), after: formatCount(after), change }];
      }
      if (field === 'perUnit') {
        return (Object.keys(UNIT_PRICE_LABELS) as UnitPriceKey[])
          .filter((unit) => entry.before.pricing.perUnit[unit] !== entry.after.pricing.perUnit[unit])
          .map((unit) => {
            const before = entry.before.pricing.perUnit[unit];
            const after = entry.after.pricing.perUnit[unit];
            return { id: entry.id, label: UNIT_PRICE_LABELS[unit], before: formatUnitPrice(before), after: formatUnitPrice(after), change: priceDirection(before, after) };
          });
      }
      const tierCount = (n: number) => (n === 0 ? 'none' : `${n} tier${n === 1 ? '' : 's'}`);
      return [{ id: entry.id, label: fieldLabel(field), before: tierCount(entry.before.pricing.tiers.length), after: tierCount(entry.after.pricing.tiers.length), change: 'changed' }];
    }),
  );
}

/** The newest snapshot record, or null when the data folder has no history. */
export function latestSnapshot(snapshots: readonly SnapshotChanges[]): SnapshotChanges | null {
  return [...snapshots].sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
}

/** Models added in a snapshot that the catalog still lists, newest created first. */
export function newModels(changes: SnapshotChanges, byId: (id: string) => Model | undefined): Model[] {
  return changes.added
    .map(byId)
    .filter((m): m is Model => m !== undefined && m.listed)
    .sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
}
