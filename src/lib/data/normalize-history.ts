/** Price and context history of models, and what each snapshot added, removed and changed. */
import type { HistoryPoint, Model, Pricing, SnapshotChanges } from './schema.ts';
import type { RawSnapshot, SnapshotRecord } from './normalize-snapshots.ts';
import { canonicalJson } from './stable-json.ts';
import { samePricing } from './same-pricing.ts';

export function historyPoints(records: SnapshotRecord[]): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const record of records) {
    const point: HistoryPoint = { date: record.date, contextLength: record.contextLength, pricing: record.pricing };
    const last = points[points.length - 1];
    if (!last || last.contextLength !== point.contextLength || !samePricing(last.pricing, point.pricing)) points.push(point);
  }
  return points;
}

export function snapshotChanges(snapshots: RawSnapshot[], recordsBySnapshot: Map<string, SnapshotRecord>[], models: Model[]): SnapshotChanges[] {
  const historyById = new Map(models.map((m) => [m.id, m.history]));
  return snapshots.map((snapshot, index) => {
    const current = recordsBySnapshot[index]!;
    const previous = index > 0 ? recordsBySnapshot[index - 1]! : null;
    const added = previous ? [...current.keys()].filter((id) => !previous.has(id)).sort() : [];
    const removed = previous ? [...previous.keys()].filter((id) => !current.has(id)).sort() : [];
    const changed: SnapshotChanges['changed'] = [];
    for (const [id, history] of historyById) {
      const at = history.findIndex((p) => p.date === snapshot.date);
      if (at <= 0 || !previous?.has(id)) continue;
      const before = history[at - 1]!;
      const after = history[at]!;
      const fields = [
        ...(before.contextLength !== after.contextLength ? ['contextLength'] : []),
        ...diffPricingFields(before.pricing, after.pricing),
      ];
      if (fields.length > 0) changed.push({ id, fields, before: { contextLength: before.contextLength, pricing: before.pricing }, after: { contextLength: after.contextLength, pricing: after.pricing } });
    }
    return { date: snapshot.date, previous: index > 0 ? snapshots[index - 1]!.date : null, added, removed, changed };
  });
}

function diffPricingFields(before: Pricing, after: Pricing): string[] {
  const fields: string[] = [];
  const keys = new Set([...Object.keys(before.perMillionTokens), ...Object.keys(after.perMillionTokens)]);
  for (const key of [...keys].sort()) {
    const a = (before.perMillionTokens as Record<string, string | undefined>)[key];
    const b = (after.perMillionTokens as Record<string, string | undefined>)[key];
    if (a !== b) fields.push(`perMillionTokens.${key}`);
  }
  for (const key of ['perUnit', 'tiers', 'discount', 'unknown'] as const) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) fields.push(key);
  }
  return fields;
}

