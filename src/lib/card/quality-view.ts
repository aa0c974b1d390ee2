/**
 * The card's "Quality and speed" rows: Artificial Analysis figures with their source and date, the
 * knowledge cutoff and the reasoning efforts. Only what the data states; nothing when it states nothing.
 */
import type { Model } from '../data/schema.ts';
import { formatDate } from '../format/format.ts';
import { safeHttpUrl } from '../format/url.ts';

export interface QualityRow {
  key: string;
  label: string;
  text: string;
}

export interface QualityView {
  /** Artificial Analysis figures; empty when it states none. */
  rows: QualityRow[];
  source: { name: string; url: string | null; date: string; dateText: string } | null;
  knowledgeCutoff: string | null;
  reasoningEfforts: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-07" → "July 2025", "2025-07-15" → "Jul 15, 2025"; anything else as upstream wrote it. */
export function formatCutoff(cutoff: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(cutoff);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(cutoff) ? formatDate(cutoff) : cutoff;
}

/** An index as AA publishes it (one decimal at most). */
const indexText = (value: number) => String(Math.round(value * 10) / 10);

export function qualityView(model: Pick<Model, 'quality' | 'knowledgeCutoff' | 'reasoningEfforts'>): QualityView | null {
  const { quality } = model;
  const rows: QualityRow[] = [];
  if (quality !== null) {
    if (quality.intelligenceIndex !== null) rows.push({ key: 'intelligence', label: 'Intelligence index', text: indexText(quality.intelligenceIndex) });
    if (quality.codingIndex !== null) rows.push({ key: 'coding', label: 'Coding index', text: indexText(quality.codingIndex) });
    if (quality.mathIndex !== null) rows.push({ key: 'math', label: 'Math index', text: indexText(quality.mathIndex) });
    if (quality.outputTokensPerSecond !== null) rows.push({ key: 'speed', label: 'Output speed', text: `${Math.round(quality.outputTokensPerSecond * 10) / 10} tokens/s` });
    if (quality.timeToFirstTokenSeconds !== null) rows.push({ key: 'ttft', label: 'Time to first token', text: `${Math.round(quality.timeToFirstTokenSeconds * 100) / 100} s` });
  }
  const knowledgeCutoff = model.knowledgeCutoff === null ? null : formatCutoff(model.knowledgeCutoff);
  if (rows.length === 0 && knowledgeCutoff === null && model.reasoningEfforts.length === 0) return null;
  return {
    rows,
    source: rows.length === 0 || quality === null ? null : { name: quality.source.name, url: safeHttpUrl(quality.source.url), date: quality.source.date, dateText: formatDate(quality.source.date) },
    knowledgeCutoff,
    reasoningEfforts: model.reasoningEfforts,
  };
}
