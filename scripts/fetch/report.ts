/** The outcome of a refresh, and its human summary (terminal, CI log, pull-request body). */
import type { SourceKind } from './plan.ts';

/**
 * fetched: validated and written. unchanged: validated, same bytes as the last good copy, not written.
 * unavailable: Hugging Face answered 401/403/404 (gated or missing repo), which is normal.
 * failed: no usable response; the last good copy is kept. skipped: not fetchable as named.
 */
export type Outcome = 'fetched' | 'unchanged' | 'unavailable' | 'failed' | 'skipped';

export interface SourceResult {
  kind: SourceKind;
  label: string;
  url: string | null;
  path: string | null;
  outcome: Outcome;
  reason?: string;
  attempts: number;
}

export interface FetchReport {
  date: string;
  rawDir: string;
  /** False when the models list could not be fetched: then nothing at all was written. */
  modelsOk: boolean;
  results: SourceResult[];
  variantCount: number;
  written: string[];
  abandonedTempFilesRemoved: string[];
}

const KIND_ORDER: readonly SourceKind[] = ['models', 'models-dev', 'litellm', 'providers', 'endpoints', 'huggingface'];

export function countOutcomes(results: readonly SourceResult[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { fetched: 0, unchanged: 0, unavailable: 0, failed: 0, skipped: 0 };
  for (const result of results) counts[result.outcome] += 1;
  return counts;
}

function byKind(results: readonly SourceResult[]): string {
  const parts = KIND_ORDER.map((kind) => [kind, results.filter((r) => r.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`);
  return parts.length > 0 ? `  (${parts.join(', ')})` : '';
}

function listed(results: readonly SourceResult[], outcome: Outcome, limit: number, withUrl: boolean): string[] {
  const chosen = results.filter((r) => r.outcome === outcome);
  const lines = chosen.slice(0, limit).map((r) => {
    const where = withUrl && r.url ? ` <${r.url}>` : '';
    return `  - ${r.kind} ${r.label}${where}: ${r.reason ?? outcome}`;
  });
  if (chosen.length > limit) lines.push(`  - ... and ${chosen.length - limit} more`);
  return lines;
}

export interface SummaryLimits {
  failed: number;
  /** Gated Hugging Face repos are many and expected; a few examples are enough in a terminal. */
  unavailable: number;
}

export function formatSummary(report: FetchReport, limits: SummaryLimits = { failed: 50, unavailable: 10 }): string {
  const { results } = report;
  const counts = countOutcomes(results);
  const of = (outcome: Outcome) => results.filter((r) => r.outcome === outcome);
  const lines = [
    `data:fetch ${report.date} into ${report.rawDir}`,
    `  fetched      ${counts.fetched}${byKind(of('fetched'))}`,
    `  unchanged    ${counts.unchanged}${byKind(of('unchanged'))}`,
    `  unavailable  ${counts.unavailable}${byKind(of('unavailable'))}`,
    `  failed       ${counts.failed}${byKind(of('failed'))}`,
  ];
  if (counts.skipped > 0) lines.push(`  skipped      ${counts.skipped}${byKind(of('skipped'))}`);
  if (report.variantCount > 0) lines.push(`  (${report.variantCount} :variant ids share their base model's endpoints and were not fetched separately)`);
  if (report.abandonedTempFilesRemoved.length > 0) {
    lines.push(`  removed ${report.abandonedTempFilesRemoved.length} temp file(s) left by an interrupted earlier run`);
  }
  if (counts.failed > 0) lines.push('failed (last good copy kept):', ...listed(results, 'failed', limits.failed, true));
  if (counts.unavailable > 0) {
    lines.push('unavailable (gated or missing upstream):', ...listed(results, 'unavailable', limits.unavailable, false));
  }
  if (counts.skipped > 0) lines.push('skipped:', ...listed(results, 'skipped', limits.failed, false));
  lines.push(
    report.modelsOk
      ? `result: ok, ${report.written.length} file(s) written${counts.failed > 0 ? `, ${counts.failed} source(s) kept at their last good copy` : ''}`
      : 'result: FAILED, the models list could not be fetched, so nothing was written',
  );
  return lines.join('\n');
}

/** GitHub refuses pull-request bodies over 65,536 characters; the rest of the summary is in the job log. */
export const MAX_PULL_REQUEST_BODY = 60_000;

/**
 * A fenced code block that the text cannot close: CommonMark ends a fence only at a run of at least as
 * many backticks as opened it, so the fence is one longer than the longest run inside. Upstream ids and
 * error messages land in the summary verbatim, and inside the block nothing is markdown (no links,
 * mentions, HTML or headings).
 */
export function fencedBlock(text: string, info = 'text'): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${text}\n${fence}\n`;
}

/** The pull-request body of a refresh (also --summary FILE): a heading of our own, then the summary fenced. */
export function formatSummaryMarkdown(report: FetchReport, maxLength = MAX_PULL_REQUEST_BODY): string {
  const heading = `### Data refresh ${report.date}\n\n`;
  // Control characters other than newlines and tabs have no business in a summary; keep the text printable.
  let summary = formatSummary(report, { failed: 500, unavailable: 500 }).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\uFFFD');
  const room = maxLength - heading.length - 200;
  if (summary.length > room) summary = `${summary.slice(0, room)}\n… (cut at ${room} characters; the full summary is in the job log)`;
  return heading + fencedBlock(summary);
}

/** A TTY gets a live counter; a log (CI) gets a line every `every` items and at the end. */
export function shouldReportProgress(done: number, total: number, isTTY: boolean, every: number): boolean {
  if (isTTY) return true;
  return done === total || (every > 0 && done % every === 0);
}
