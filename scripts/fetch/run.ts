/**
 * One refresh of data/raw: the models list first (if it fails, nothing is written), then providers,
 * per-model endpoints and Hugging Face configs with bounded concurrency. Every response is validated
 * before it is stored; all writes happen at the end, atomically, followed by PROVENANCE.json.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeFileAtomic, removeAbandonedTempFiles } from '../atomic-write.ts';
import { getWithRetry, type RetryPolicy } from './http.ts';
import {
  buildFetchPlan,
  latestDatedName,
  LISTING_KINDS,
  modelsSnapshotPath,
  modelsUrl,
  provenanceFor,
  type BaseUrls,
  type FetchJob,
  type SourceKind,
} from './plan.ts';
import { mergeProvenance, parseProvenance, PROVENANCE_FILE, serializeProvenance, type ProvenanceRecord } from './provenance.ts';
import { shouldReportProgress, type FetchReport, type SourceResult } from './report.ts';
import { listingSize, shrinkProblem, validateResponseBody } from './validate.ts';

export interface FetchOptions {
  rawDir: string;
  /** The snapshot date (UTC), YYYY-MM-DD. */
  date: string;
  baseUrls: BaseUrls;
  /** Sent as a Bearer token to the OpenRouter origin only. */
  apiKey?: string;
  concurrency: number;
  policy: RetryPolicy;
  /** Store a listing even when it lost more than half of the previous copy's models. */
  allowShrink?: boolean;
  /**
   * Milliseconds for the whole fetch phase. When they run out, unfinished sources fail as "time
   * budget ran out" and what already arrived is still stored (the last good copy of the rest kept).
   */
  budgetMs?: number;
}

export interface FetchEnvironment {
  now: () => Date;
  random: () => number;
  /** Receives progress lines; `final` marks the last one of a phase. */
  progress: (line: string, final: boolean) => void;
  isTTY: boolean;
  progressEvery: number;
  signal?: AbortSignal;
}

const USER_AGENT = 'model-atlas-data-fetch/0.1 (+npm run data:fetch)';

/** Hugging Face answers these for gated, private or missing repos: expected, not a failure. */
const UNAVAILABLE_STATUSES = new Set([401, 403, 404]);

type Fetched = { ok: true; body: Buffer; attempts: number } | { ok: false; result: SourceResult };

export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}

export function requestHeaders(url: string, options: Pick<FetchOptions, 'apiKey' | 'baseUrls'>): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (options.apiKey && sameOrigin(url, options.baseUrls.openRouter)) headers.authorization = `Bearer ${options.apiKey}`;
  return headers;
}

/** Hugging Face serves some files from its own CDN hosts; nothing else may redirect off its origin. */
function redirectRule(kind: SourceKind): ((from: URL, to: URL) => boolean) | undefined {
  if (kind !== 'huggingface') return undefined;
  return (from, to) => from.origin === to.origin || (to.protocol === 'https:' && /(^|\.)(huggingface\.co|hf\.co)$/.test(to.hostname));
}

async function fetchValidated(job: FetchJob, options: FetchOptions, env: FetchEnvironment, budget: AbortSignal | undefined): Promise<Fetched> {
  const response = await getWithRetry(job.url, {
    headers: requestHeaders(job.url, options),
    policy: options.policy,
    signal: env.signal,
    budget,
    allowRedirect: redirectRule(job.kind),
    random: env.random,
    now: () => env.now().getTime(),
  });
  const base = { kind: job.kind, label: job.label, url: job.url, path: job.path };
  if (!response.ok) {
    const unavailable = job.kind === 'huggingface' && response.status !== null && UNAVAILABLE_STATUSES.has(response.status);
    return {
      ok: false,
      result: { ...base, outcome: unavailable ? 'unavailable' : 'failed', reason: response.reason, attempts: response.attempts },
    };
  }
  const validation = validateResponseBody(job.kind, response.body);
  if (!validation.ok) {
    return { ok: false, result: { ...base, outcome: 'failed', reason: validation.reason, attempts: response.attempts } };
  }
  if (job.kind === 'models' || job.kind === 'models-dev') {
    const size = listingSize(job.kind, validation.value) ?? 0;
    const problem = shrinkProblem(size, await previousListing(job.kind, options), options.allowShrink === true);
    if (problem !== null) return { ok: false, result: { ...base, outcome: 'failed', reason: problem, attempts: response.attempts } };
  }
  return { ok: true, body: response.body, attempts: response.attempts };
}

/** Where the dated copies of a source live, and their names: `<prefix><date>.json` (or `.json.gz`). */
const DATED_COPIES: Partial<Record<SourceKind, { folder: string; prefix: string }>> = {
  models: { folder: 'openrouter', prefix: 'openrouter-models-' },
  'models-dev': { folder: 'models-dev', prefix: 'models-dev-api-' },
  litellm: { folder: 'litellm', prefix: 'litellm-' },
  providers: { folder: 'openrouter', prefix: 'providers-' },
};

/** The newest dated copy not after the snapshot date, gunzipped when it is a `.json.gz` recording. */
async function newestDatedCopy(kind: SourceKind, options: FetchOptions): Promise<{ file: string; bytes: Buffer } | null> {
  const dated = DATED_COPIES[kind];
  if (!dated) return null;
  const names = await listNames(join(options.rawDir, dated.folder));
  const plain = latestDatedName(names, dated.prefix, '.json', options.date);
  const zipped = latestDatedName(names, dated.prefix, '.json.gz', options.date);
  const dateOf = (name: string | null) => name?.slice(dated.prefix.length, dated.prefix.length + 10) ?? '';
  const name = zipped !== null && dateOf(zipped) > dateOf(plain) ? zipped : plain;
  if (name === null) return null;
  const bytes = await readBytesIfExists(join(options.rawDir, dated.folder, name));
  if (bytes === null) return null;
  return { file: `${dated.folder}/${name}`, bytes: name.endsWith('.gz') ? gunzipSync(bytes) : bytes };
}

async function previousListing(kind: 'models' | 'models-dev', options: FetchOptions): Promise<{ count: number; file: string } | null> {
  const copy = await newestDatedCopy(kind, options);
  if (copy === null) return null;
  try {
    const count = listingSize(kind, JSON.parse(copy.bytes.toString('utf8')));
    return count === null ? null : { count, file: copy.file };
  } catch {
    return null; // an unreadable old copy cannot vouch for anything; the new one is judged on its own
  }
}

async function readBytesIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function listNames(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The copy a new response is compared with. Providers, models.dev and LiteLLM are dated but change less
 * often than daily, so a new dated file is written only when it differs from the newest one; every
 * other path is compared with itself.
 */
async function lastGoodCopy(job: FetchJob, options: FetchOptions): Promise<Buffer | null> {
  if (job.kind === 'providers' || job.kind === 'models-dev' || job.kind === 'litellm') {
    return (await newestDatedCopy(job.kind, options))?.bytes ?? null;
  }
  return readBytesIfExists(join(options.rawDir, job.path));
}

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export async function runFetch(options: FetchOptions, env: FetchEnvironment): Promise<FetchReport> {
  const provenancePath = join(options.rawDir, PROVENANCE_FILE);
  const provenanceText = await readBytesIfExists(provenancePath);
  const provenance = parseProvenance(provenanceText?.toString('utf8') ?? null, provenancePath);
  const abandonedTempFilesRemoved = await removeAbandonedTempFiles(options.rawDir);

  const report: FetchReport = {
    date: options.date,
    rawDir: options.rawDir,
    modelsOk: false,
    results: [],
    variantCount: 0,
    written: [],
    abandonedTempFilesRemoved,
  };

  const modelsJob: FetchJob = {
    kind: 'models',
    label: 'models list',
    url: modelsUrl(options.baseUrls),
    path: modelsSnapshotPath(options.date),
  };
  // The budget covers the fetch phase only: writing what arrived is quick and must not be cut short.
  const budget = options.budgetMs === undefined ? undefined : AbortSignal.timeout(options.budgetMs);
  env.progress('fetching the models list', false);
  const models = await fetchValidated(modelsJob, options, env, budget);
  if (!models.ok) {
    report.results.push(models.result);
    return report;
  }

  const entries = (JSON.parse(models.body.toString('utf8')) as { data: unknown[] }).data;
  const plan = buildFetchPlan(entries, options.date, options.baseUrls);
  report.variantCount = plan.variantCount;

  let done = 0;
  let failed = 0;
  const total = plan.jobs.length;
  const secondary = await mapWithConcurrency(plan.jobs, options.concurrency, async (job) => {
    const fetched = await fetchValidated(job, options, env, budget);
    done += 1;
    if (!fetched.ok && fetched.result.outcome === 'failed') failed += 1;
    if (shouldReportProgress(done, total, env.isTTY, env.progressEvery)) {
      env.progress(`fetched ${done}/${total} sources${failed > 0 ? ` (${failed} failed)` : ''}`, done === total);
    }
    return { job, fetched };
  });

  // Writes start only now: an interrupted fetch phase leaves the folder exactly as it was.
  const toWrite: { job: FetchJob; body: Buffer; attempts: number }[] = [];
  const settled: SourceResult[] = [];
  for (const { job, fetched } of [...secondary, { job: modelsJob, fetched: models }]) {
    if (!fetched.ok) {
      settled.push(fetched.result);
      continue;
    }
    const previous = await lastGoodCopy(job, options);
    if (previous !== null && previous.equals(fetched.body)) {
      settled.push({ kind: job.kind, label: job.label, url: job.url, path: job.path, outcome: 'unchanged', attempts: fetched.attempts });
    } else {
      toWrite.push({ job, body: fetched.body, attempts: fetched.attempts });
    }
  }

  const fetchedAt = env.now().toISOString();
  const updates: Record<string, ProvenanceRecord> = {};
  let modelsWritten = true;
  for (const { job, body, attempts } of toWrite) {
    const base = { kind: job.kind, label: job.label, url: job.url, path: job.path, attempts };
    try {
      await writeFileAtomic(join(options.rawDir, job.path), body);
    } catch (error) {
      settled.push({ ...base, outcome: 'failed', reason: `could not write ${job.path}: ${(error as Error).message}` });
      if (job.kind === 'models') modelsWritten = false;
      continue;
    }
    settled.push({ ...base, outcome: 'fetched' });
    report.written.push(job.path);
    const { key, source, url, note } = provenanceFor(job, options.date, options.baseUrls);
    updates[key] = { source, url, fetchedAt, ...(note ? { note } : {}) };
  }
  if (report.written.length > 0) {
    await writeFileAtomic(provenancePath, serializeProvenance(mergeProvenance(provenance, updates)));
    report.written.push(PROVENANCE_FILE);
  }

  const order = new Map([modelsJob, ...plan.jobs].map((job, index) => [job.path, index]));
  settled.sort((a, b) => (order.get(a.path ?? '') ?? 0) - (order.get(b.path ?? '') ?? 0));
  const skipped = plan.skipped.map(
    (s): SourceResult => ({ ...s, url: null, path: null, outcome: 'skipped', attempts: 0 }),
  );
  report.results = [...settled, ...skipped];
  report.modelsOk = modelsWritten;
  return report;
}
