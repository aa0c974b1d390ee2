/**
 * What the readers did, per source, in lines for the data:build output: files and entries read,
 * entries rejected, skipped on purpose (by reason, with examples) and texts cut.
 */
import type { Rejection, SourceName } from '../schema.ts';
import type { SkipTally } from './listing.ts';
import type { SourceReadings } from './read-sources.ts';

interface SourceTotals {
  files: Set<string>;
  entries: number;
  rejected: Rejection[];
  skipped: Map<string, SkipTally>;
  trimmed: Rejection[];
}

export function sourceTotals(readings: SourceReadings): Map<SourceName, SourceTotals> {
  const totals = new Map<SourceName, SourceTotals>();
  const add = (source: SourceName, file: string, entries: number, rejected: Rejection[], skipped: SkipTally[], trimmed: Rejection[]) => {
    const t = totals.get(source) ?? { files: new Set<string>(), entries: 0, rejected: [], skipped: new Map<string, SkipTally>(), trimmed: [] };
    t.files.add(file);
    t.entries += entries;
    t.rejected.push(...rejected);
    t.trimmed.push(...trimmed);
    for (const s of skipped) {
      const sum = t.skipped.get(s.reason) ?? { reason: s.reason, count: 0, examples: [] };
      sum.count += s.count;
      sum.examples = [...sum.examples, ...s.examples].slice(0, 3);
      t.skipped.set(s.reason, sum);
    }
    totals.set(source, t);
  };
  for (const l of readings.listings) add(l.source, l.file, l.entries.length, l.rejected, l.skipped, l.trimmed);
  for (const a of readings.artificialAnalysis) add(a.source, a.file, a.models.length, a.rejected, a.skipped, a.trimmed);
  return new Map([...totals].sort(([a], [b]) => a.localeCompare(b)));
}

/** "models.dev: 8 files, 37,311 entries, 4 rejected, 0 skipped, 0 cut", then one line per skip reason. */
export function readingSummary(readings: SourceReadings): string[] {
  const lines: string[] = [];
  for (const [source, t] of sourceTotals(readings)) {
    const skipped = [...t.skipped.values()].reduce((n, s) => n + s.count, 0);
    lines.push(`read ${source}: ${t.files.size} files, ${t.entries.toLocaleString('en-US')} entries, ${t.rejected.length} rejected, ${skipped} skipped, ${t.trimmed.length} texts cut`);
    for (const s of [...t.skipped.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))) {
      lines.push(`  skipped ${s.count} × ${s.reason} (e.g. ${s.examples.join(', ')})`);
    }
  }
  return lines;
}

/**
 * Every text a reader cut, as "cut: file entry i (id): field message" lines. (Rejections reach the
 * catalog's `rejected` list, which the run prints with the rest.)
 */
export function readingCuts(readings: SourceReadings): string[] {
  return [...sourceTotals(readings).values()].flatMap((t) => t.trimmed.map((r) => `cut: ${r.file} entry ${r.index}${r.id ? ` (${r.id})` : ''}: ${r.field} ${r.message}`));
}
