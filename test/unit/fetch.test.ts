/**
 * `npm run data:fetch` against local replay servers on 127.0.0.1 (test/support/replay-server.ts):
 * the pure parts (retry timing, Retry-After, plan and file names, validation, options), then whole runs
 * with faults injected per route, checking that data/raw only ever holds the last good state plus what
 * succeeded, byte for byte.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { micromark } from 'micromark';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  RawHuggingFaceConfig,
  RawOpenRouterEndpoints,
  RawOpenRouterModelsEnvelope,
  RawOpenRouterProviders,
  Provenance,
} from '../../src/lib/data/schema.ts';
import { removeAbandonedTempFiles, TEMP_FILE_PATTERN, tempPathFor, writeFileAtomic } from '../../scripts/atomic-write.ts';
import { delayBeforeRetry, isRetryableStatus, parseRetryAfter, retryDelayMs, type RetryPolicy } from '../../scripts/fetch/http.ts';
import { parseFetchArgs } from '../../scripts/fetch/options.ts';
import {
  buildFetchPlan,
  endpointsPath,
  huggingFaceConfigPath,
  huggingFaceConfigUrl,
  latestDatedName,
  RawLiteLlmEnvelope,
  RawModelsDevCatalogEnvelope,
  type SourceKind,
} from '../../scripts/fetch/plan.ts';
import { mergeProvenance, serializeProvenance } from '../../scripts/fetch/provenance.ts';
import { fencedBlock, formatSummary, formatSummaryMarkdown, shouldReportProgress, type FetchReport } from '../../scripts/fetch/report.ts';
import { runFetch, type FetchEnvironment, type FetchOptions } from '../../scripts/fetch/run.ts';
import { validateResponseBody } from '../../scripts/fetch/validate.ts';
import { FAULT_CASES, startReplayServer, type ReplayServer } from '../support/replay-server.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(REPO, 'test/fixtures/upstream');
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

const MODELS = fixture('openrouter-models.json');
const PROVIDERS = fixture('providers.json');
const ENDPOINTS_MIXTRAL = fixture('endpoints-mistralai__mixtral-8x7b-instruct.json');
const ENDPOINTS_NEMO = fixture('endpoints-mistralai__mistral-nemo.json');
const CONFIG_NEMO = fixture('huggingface-mistralai__Mistral-Nemo-Instruct-2407.config.json');
const MODELS_DEV = fixture('models-dev-api.json');
const LITELLM = fixture('litellm-model-prices.json');

const PREVIOUS_DATE = '2026-01-28';
const DATE = '2026-01-29';
const NEXT_DATE = '2026-01-30';
const NOW = new Date('2026-01-29T06:00:00.000Z');

const ROUTES = {
  models: '/api/v1/models',
  providers: '/api/v1/providers',
  mixtralEndpoints: '/api/v1/models/mistralai/mixtral-8x7b-instruct/endpoints',
  nemoEndpoints: '/api/v1/models/mistralai/mistral-nemo/endpoints',
  nemoConfig: '/mistralai/Mistral-Nemo-Instruct-2407/resolve/main/config.json',
  mixtralConfig: '/mistralai/Mixtral-8x7B-Instruct-v0.1/resolve/main/config.json',
  modelsDev: '/api.json',
  litellm: '/BerriAI/litellm/main/model_prices_and_context_window.json',
} as const;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

let openrouter: ReplayServer;
let huggingface: ReplayServer;
/** Stands in for models.dev and raw.githubusercontent.com (LiteLLM). */
let catalogs: ReplayServer;
let raw: string;
const cleanups: string[] = [];
const tally = { runs: 0, faults: 0, corrupt: 0 };

beforeAll(async () => {
  [openrouter, huggingface, catalogs] = await Promise.all([startReplayServer(), startReplayServer(), startReplayServer()]);
});

afterAll(async () => {
  await Promise.all([openrouter.close(), huggingface.close(), catalogs.close()]);
  await Promise.all(cleanups.map((dir) => rm(dir, { recursive: true, force: true })));
  console.info(`data:fetch fault injection: ${tally.faults} faults injected over ${tally.runs} faulted runs, ${tally.corrupt} corrupt or temp files found`);
});

function serveUpstream(): void {
  openrouter.reset();
  huggingface.reset();
  catalogs.reset();
  catalogs.serve(ROUTES.modelsDev, { kind: 'body', body: MODELS_DEV });
  catalogs.serve(ROUTES.litellm, { kind: 'body', body: LITELLM });
  openrouter.serve(ROUTES.models, { kind: 'body', body: MODELS });
  openrouter.serve(ROUTES.providers, { kind: 'body', body: PROVIDERS });
  openrouter.serve(ROUTES.mixtralEndpoints, { kind: 'body', body: ENDPOINTS_MIXTRAL });
  openrouter.serve(ROUTES.nemoEndpoints, { kind: 'body', body: ENDPOINTS_NEMO });
  huggingface.serve(ROUTES.nemoConfig, { kind: 'body', body: CONFIG_NEMO });
  // ROUTES.mixtralConfig is left unserved: the replay server answers 404, like a gated or missing repo.
}

/** Older copies of some sources, as a previous day's refresh would have left them. */
const SEED_PROVENANCE = {
  [`openrouter/openrouter-models-${PREVIOUS_DATE}.json`]: { source: 'seed', url: 'https://openrouter.ai/api/v1/models', fetchedAt: PREVIOUS_DATE },
  [`openrouter/providers-${PREVIOUS_DATE}.json`]: { source: 'seed', url: 'https://openrouter.ai/api/v1/providers', fetchedAt: PREVIOUS_DATE },
  'huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json': {
    source: 'seed',
    url: 'https://huggingface.co/mistralai/Mistral-Nemo-Instruct-2407/resolve/main/config.json',
    fetchedAt: PREVIOUS_DATE,
    note: 'kept when a refresh fails',
  },
};

async function seedRawFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'atlas-fetch-'));
  cleanups.push(dir);
  const put = async (path: string, content: string | Buffer) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  const models = JSON.parse(MODELS.toString()) as { data: unknown[] };
  await put(`openrouter/openrouter-models-${PREVIOUS_DATE}.json`, JSON.stringify({ data: models.data.slice(0, 2) }, null, 2));
  const providers = JSON.parse(PROVIDERS.toString()) as { data: unknown[] };
  await put(`openrouter/providers-${PREVIOUS_DATE}.json`, JSON.stringify({ data: providers.data.slice(0, 2) }, null, 2));
  await put(
    `openrouter/endpoints/${PREVIOUS_DATE}/mistralai__mixtral-8x7b-instruct.json`,
    ENDPOINTS_MIXTRAL.toString().replaceAll('0.00000054', '0.0000007'),
  );
  await put('huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json', CONFIG_NEMO.toString().replace('4.43.0.dev0', '4.42.0'));
  await put('PROVENANCE.json', `${JSON.stringify(SEED_PROVENANCE, null, 2)}\n`);
  return dir;
}

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return names
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/'))
    .sort();
}

async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const path of await listFiles(dir)) tree[path] = sha256(await readFile(join(dir, path)));
  return tree;
}

/** Every file must be a finished write that its own schema accepts; temp files count as corrupt. */
async function findCorruptFiles(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of await listFiles(dir)) {
    if (/\.tmp-/.test(path)) {
      problems.push(`${path}: temp file left behind`);
      continue;
    }
    const schema = path === 'PROVENANCE.json'
      ? Provenance
      : path.startsWith('openrouter/endpoints/')
        ? RawOpenRouterEndpoints
        : path.startsWith('openrouter/providers-')
          ? RawOpenRouterProviders
          : path.startsWith('openrouter/openrouter-models-')
            ? z.union([RawOpenRouterModelsEnvelope, z.array(z.unknown())]) // recorded snapshots include bare arrays
            : path.startsWith('models-dev/')
              ? RawModelsDevCatalogEnvelope
              : path.startsWith('litellm/')
                ? RawLiteLlmEnvelope
                : RawHuggingFaceConfig;
    try {
      const bytes = await readFile(join(dir, path));
      const text = path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      if (!schema.safeParse(JSON.parse(text)).success) problems.push(`${path}: wrong shape`);
    } catch {
      problems.push(`${path}: not JSON`);
    }
  }
  return problems;
}

const POLICY: RetryPolicy = { retries: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000, timeoutMs: 400 };

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    rawDir: raw,
    date: DATE,
    baseUrls: { openRouter: `${openrouter.url}/api/v1`, huggingFace: huggingface.url, modelsDev: catalogs.url, litellm: `${catalogs.url}${ROUTES.litellm}` },
    concurrency: 4,
    policy: POLICY,
    ...overrides,
  };
}

function environment(progressLines: string[] = [], overrides: Partial<FetchEnvironment> = {}): FetchEnvironment {
  return {
    now: () => NOW,
    random: () => 0.5,
    progress: (line) => void progressLines.push(line),
    isTTY: false,
    progressEvery: 1,
    ...overrides,
  };
}

interface ExpectedWrite {
  bytes: Buffer;
  url: string;
  /** Endpoints share one provenance entry per dated folder. */
  provenance?: { key: string; url: string };
}

/** What a fault-free refresh on `date` writes over the seed folder: the raw layout contract. */
function cleanWrites(date: string): Record<string, ExpectedWrite> {
  const endpointsProvenance = { key: `openrouter/endpoints/${date}`, url: `${openrouter.url}/api/v1/models/{author}/{slug}/endpoints` };
  return {
    [`openrouter/openrouter-models-${date}.json`]: { bytes: MODELS, url: `${openrouter.url}${ROUTES.models}` },
    [`models-dev/models-dev-api-${date}.json`]: { bytes: MODELS_DEV, url: `${catalogs.url}${ROUTES.modelsDev}` },
    [`litellm/litellm-${date}.json`]: { bytes: LITELLM, url: `${catalogs.url}${ROUTES.litellm}` },
    [`openrouter/providers-${date}.json`]: { bytes: PROVIDERS, url: `${openrouter.url}${ROUTES.providers}` },
    [`openrouter/endpoints/${date}/mistralai__mixtral-8x7b-instruct.json`]: { bytes: ENDPOINTS_MIXTRAL, url: '', provenance: endpointsProvenance },
    [`openrouter/endpoints/${date}/mistralai__mistral-nemo.json`]: { bytes: ENDPOINTS_NEMO, url: '', provenance: endpointsProvenance },
    'huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json': { bytes: CONFIG_NEMO, url: `${huggingface.url}${ROUTES.nemoConfig}` },
  };
}

/** The folder must be exactly `before` plus `writes`, with provenance updated for those writes only. */
async function expectFolderState(before: Record<string, string>, beforeProvenance: Provenance, writes: Record<string, ExpectedWrite>): Promise<void> {
  const after = await snapshotTree(raw);
  const expected = { ...before };
  for (const [path, write] of Object.entries(writes)) expected[path] = sha256(write.bytes);
  const withoutProvenance = (tree: Record<string, string>) => Object.fromEntries(Object.entries(tree).filter(([path]) => path !== 'PROVENANCE.json'));
  expect(withoutProvenance(after)).toEqual(withoutProvenance(expected));

  const text = await readFile(join(raw, 'PROVENANCE.json'), 'utf8');
  const provenance = JSON.parse(text) as Provenance;
  const expectedProvenance: Record<string, unknown> = { ...beforeProvenance };
  for (const [path, write] of Object.entries(writes)) {
    const { key, url } = write.provenance ?? { key: path, url: write.url };
    expectedProvenance[key] = {
      source: expect.any(String),
      url,
      fetchedAt: NOW.toISOString(),
      ...(write.provenance ? { note: expect.stringContaining('<author>__<slug>.json') } : {}),
    };
  }
  expect(provenance).toEqual(expectedProvenance);
  const keys = Object.keys(provenance);
  expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(text.endsWith('}\n')).toBe(true);
  expect(text).toContain('\n  "');
}

beforeEach(async () => {
  serveUpstream();
  raw = await seedRawFolder();
});

afterEach(async () => {
  const corrupt = await findCorruptFiles(raw);
  tally.corrupt += corrupt.length;
  expect(corrupt).toEqual([]);
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter between half and all of the capped ceiling', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(retry, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((retry) => retryDelayMs(retry, policy, () => 1))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(10, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(10, policy, () => 0)).toBe(500);
  });

  it('lets a server-requested wait replace the backoff, up to the cap', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000 };
    expect(delayBeforeRetry(0, 3000, policy, () => 0)).toBe(3000);
    expect(delayBeforeRetry(0, 3_600_000, policy, () => 0)).toBe(60_000);
    expect(delayBeforeRetry(2, undefined, policy, () => 0)).toBe(200);
  });

  it('retries only statuses a later attempt can cure', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe('fetch plan and file names', () => {
  const base = { openRouter: 'https://openrouter.ai/api/v1/', huggingFace: 'https://huggingface.co' };

  it('plans providers, endpoints of base models and each distinct Hugging Face config', () => {
    const entries = (JSON.parse(MODELS.toString()) as { data: unknown[] }).data;
    const plan = buildFetchPlan([...entries, ...entries], DATE, base);
    expect(plan.jobs.map((job) => [job.kind, job.url, job.path])).toEqual([
      ['providers', 'https://openrouter.ai/api/v1/providers', `openrouter/providers-${DATE}.json`],
      [
        'endpoints',
        'https://openrouter.ai/api/v1/models/mistralai/mistral-nemo/endpoints',
        `openrouter/endpoints/${DATE}/mistralai__mistral-nemo.json`,
      ],
      [
        'endpoints',
        'https://openrouter.ai/api/v1/models/mistralai/mixtral-8x7b-instruct/endpoints',
        `openrouter/endpoints/${DATE}/mistralai__mixtral-8x7b-instruct.json`,
      ],
      [
        'huggingface',
        'https://huggingface.co/mistralai/Mistral-Nemo-Instruct-2407/resolve/main/config.json',
        'huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json',
      ],
      [
        'huggingface',
        'https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/resolve/main/config.json',
        'huggingface/mistralai__Mixtral-8x7B-Instruct-v0.1.config.json',
      ],
    ]);
    expect(plan.variantCount).toBe(1);
    expect(plan.skipped).toEqual([]);
  });

  it('refuses ids that would escape the raw folder or collide with another file', () => {
    expect(endpointsPath(DATE, 'a/b:free')).toBeNull();
    expect(endpointsPath(DATE, '../etc/passwd')).toBeNull();
    expect(endpointsPath(DATE, 'a/..')).toBeNull();
    expect(huggingFaceConfigPath('org/name/extra')).toBeNull();
    expect(huggingFaceConfigPath('.hidden/x')).toBeNull();
    const plan = buildFetchPlan([{ id: 'a__b/c' }, { id: 'a/b__c' }, { id: 'x y/z', hugging_face_id: 'bad id/with space' }], DATE, base);
    expect(plan.jobs.filter((job) => job.kind === 'endpoints').map((job) => job.label)).toEqual(['a/b__c']);
    expect(plan.skipped.map((s) => [s.kind, s.label])).toEqual([
      ['endpoints', 'a__b/c'],
      ['endpoints', 'x y/z'],
      ['huggingface', 'bad id/with space'],
    ]);
  });

  it('encodes id segments in URLs', () => {
    expect(huggingFaceConfigUrl(base, 'org/name~v2')).toBe('https://huggingface.co/org/name~v2/resolve/main/config.json');
  });

  it('finds the newest dated copy not after the snapshot date', () => {
    const names = ['providers-2026-01-01.json', 'providers-2026-03-01.json', 'providers-2026-02-01.json', 'providers-latest.json', 'x-2026-02-15.json'];
    expect(latestDatedName(names, 'providers-', '.json', '2026-02-15')).toBe('providers-2026-02-01.json');
    expect(latestDatedName(names, 'providers-', '.json', '2026-03-01')).toBe('providers-2026-03-01.json');
    expect(latestDatedName(names, 'providers-', '.json', '2025-12-31')).toBeNull();
  });
});

describe('response validation', () => {
  it('accepts the recorded responses', () => {
    expect(validateResponseBody('models', MODELS).ok).toBe(true);
    expect(validateResponseBody('providers', PROVIDERS).ok).toBe(true);
    expect(validateResponseBody('endpoints', ENDPOINTS_MIXTRAL).ok).toBe(true);
    expect(validateResponseBody('huggingface', CONFIG_NEMO).ok).toBe(true);
  });

  it('names why a body is unusable: cut off, not UTF-8, wrong shape, or an empty models list', () => {
    const cut = validateResponseBody('models', MODELS.subarray(0, 100));
    expect(cut).toMatchObject({ ok: false, reason: expect.stringContaining('not valid JSON') });
    expect(validateResponseBody('huggingface', Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({ reason: 'body is not valid UTF-8' });
    const shape = validateResponseBody('endpoints', Buffer.from('{"data":{"id":"a/b","endpoints":[{"pricing":{}}]}}'));
    expect(shape).toMatchObject({ ok: false, reason: expect.stringContaining('data.endpoints.0.provider_name') });
    expect(validateResponseBody('models', Buffer.from('{"data":[]}'))).toMatchObject({ ok: false, reason: expect.stringContaining('no valid model') });
  });
});

describe('provenance file', () => {
  it('keeps keys in code-point order, 2-space indent and a trailing newline, replacing updated entries', () => {
    const merged = mergeProvenance(
      { 'openrouter/b.json': { source: 's', url: 'u', fetchedAt: 'old' }, 'Zed.json': { source: 's', url: 'u', fetchedAt: 't' } },
      { 'openrouter/b.json': { source: 's', url: 'u', fetchedAt: 'new' }, 'huggingface/a.json': { source: 's', url: 'u', fetchedAt: 't' } },
    );
    expect(Object.keys(merged)).toEqual(['Zed.json', 'huggingface/a.json', 'openrouter/b.json']);
    expect(merged['openrouter/b.json']?.fetchedAt).toBe('new');
    const text = serializeProvenance({ b: { source: 's', url: 'u', fetchedAt: 't' }, a: { source: 's', url: 'u', fetchedAt: 't' } });
    expect(text).toBe('{\n  "a": {\n    "source": "s",\n    "url": "u",\n    "fetchedAt": "t"\n  },\n  "b": {\n    "source": "s",\n    "url": "u",\n    "fetchedAt": "t"\n  }\n}\n');
  });

  it('re-serializes the committed PROVENANCE.json byte for byte', () => {
    const committed = readFileSync(join(REPO, 'data/raw/PROVENANCE.json'), 'utf8');
    expect(serializeProvenance(Provenance.parse(JSON.parse(committed)))).toBe(committed);
  });
});

describe('command line options', () => {
  const now = new Date('2026-03-04T23:59:00Z');

  it('defaults to data/raw, today in UTC, the public base URLs and normalizing into the parent of raw', () => {
    const parsed = parseFetchArgs([], {}, now, '/repo');
    expect(parsed).toMatchObject({
      kind: 'run',
      normalize: true,
      outDir: '/repo/data',
      fetch: {
        rawDir: '/repo/data/raw',
        date: '2026-03-04',
        concurrency: 4,
        baseUrls: { openRouter: 'https://openrouter.ai/api/v1', huggingFace: 'https://huggingface.co' },
        policy: { timeoutMs: 20_000, retries: 3 },
      },
    });
    expect(parsed.kind === 'run' && 'apiKey' in parsed.fetch).toBe(false);
  });

  it('takes flags and environment overrides', () => {
    const parsed = parseFetchArgs(
      ['--raw', 'tmp/raw', '--date', '2026-02-28', '--concurrency', '8', '--timeout', '500', '--no-normalize', '--summary', 'out.md'],
      { OPENROUTER_BASE_URL: 'http://127.0.0.1:9/api/v1/', HUGGINGFACE_BASE_URL: 'http://127.0.0.1:10', OPENROUTER_API_KEY: ' sk-x ' },
      now,
      '/repo',
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      normalize: false,
      outDir: '/repo/tmp',
      summaryFile: '/repo/out.md',
      fetch: {
        rawDir: '/repo/tmp/raw',
        date: '2026-02-28',
        concurrency: 8,
        apiKey: 'sk-x',
        baseUrls: { openRouter: 'http://127.0.0.1:9/api/v1', huggingFace: 'http://127.0.0.1:10' },
        policy: { timeoutMs: 500 },
      },
    });
  });

  it('rejects impossible dates, bad numbers, unknown flags and non-http base URLs with a message', () => {
    const error = (argv: string[], env = {}) => {
      const parsed = parseFetchArgs(argv, env, now, '/repo');
      return parsed.kind === 'error' ? parsed.message : null;
    };
    expect(error(['--date', '2026-02-30'])).toContain('--date');
    expect(error(['--concurrency', '0'])).toContain('--concurrency');
    expect(error(['--timeout', 'fast'])).toContain('--timeout');
    expect(error(['--colour'])).toContain('--colour');
    expect(error([], { OPENROUTER_BASE_URL: 'ftp://x' })).toContain('OPENROUTER_BASE_URL');
  });
});

describe('progress reporting', () => {
  it('updates a terminal on every item and a log every N items and at the end', () => {
    expect(shouldReportProgress(1, 347, true, 50)).toBe(true);
    expect(shouldReportProgress(1, 347, false, 50)).toBe(false);
    expect(shouldReportProgress(100, 347, false, 50)).toBe(true);
    expect(shouldReportProgress(347, 347, false, 50)).toBe(true);
  });
});

describe('atomic writes', () => {
  it('replaces the file and leaves no temp file', async () => {
    const target = join(raw, 'huggingface/new.config.json');
    await writeFileAtomic(target, '{"a":1}');
    await writeFileAtomic(target, '{"a":2}');
    expect(await readFile(target, 'utf8')).toBe('{"a":2}');
    expect((await readdir(dirname(target))).filter((name) => TEMP_FILE_PATTERN.test(name))).toEqual([]);
    await rm(target);
  });

  it('removes its temp file when the write fails and keeps the old target', async () => {
    const target = join(raw, 'huggingface/a-directory.json');
    await mkdir(join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow();
    expect(await readdir(dirname(target))).not.toContainEqual(expect.stringMatching(/\.tmp-/));
    await rm(target, { recursive: true });
  });

  it('removes temp files of dead runs and keeps those of a live one', async () => {
    const target = join(raw, 'openrouter/providers-2026-01-29.json');
    // Above Linux's largest pid_max (2^22), so no process can own it.
    const dead = tempPathFor(target, 4_194_305, 'abc123');
    const live = tempPathFor(target, process.pid, 'def456');
    await writeFile(dead, '{"da');
    await writeFile(live, '{"li');
    expect(await removeAbandonedTempFiles(raw)).toEqual([dead]);
    expect(existsSync(live)).toBe(true);
    await rm(live);
  });
});

describe('a refresh against the replay servers', () => {
  it('writes the dated snapshot, endpoints, changed providers and configs, and their provenance', async () => {
    const before = await snapshotTree(raw);
    const progress: string[] = [];
    const report = await runFetch(options(), environment(progress, { progressEvery: 2 }));

    expect(report.modelsOk).toBe(true);
    await expectFolderState(before, SEED_PROVENANCE, cleanWrites(DATE));
    expect(report.results.map((r) => [r.kind, r.label, r.outcome])).toEqual([
      ['models', 'models list', 'fetched'],
      ['models-dev', 'models.dev catalog', 'fetched'],
      ['litellm', 'LiteLLM cost map', 'fetched'],
      ['providers', 'providers', 'fetched'],
      ['endpoints', 'mistralai/mistral-nemo', 'fetched'],
      ['endpoints', 'mistralai/mixtral-8x7b-instruct', 'fetched'],
      ['huggingface', 'mistralai/Mistral-Nemo-Instruct-2407', 'fetched'],
      ['huggingface', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'unavailable'],
    ]);
    expect(progress.filter((line) => line.startsWith('fetched'))).toEqual(['fetched 2/7 sources', 'fetched 4/7 sources', 'fetched 6/7 sources', 'fetched 7/7 sources']);

    const summary = formatSummary(report);
    expect(summary).toContain('fetched      7  (models 1, models-dev 1, litellm 1, providers 1, endpoints 2, huggingface 1)');
    expect(summary).toContain('unavailable  1  (huggingface 1)');
    expect(summary).toContain('huggingface mistralai/Mixtral-8x7B-Instruct-v0.1: HTTP 404');
    expect(summary).toContain('1 :variant ids');
    expect(summary).toMatch(/result: ok, 8 file\(s\) written$/);
  });

  it('sends the API key only as a Bearer token to the OpenRouter origin, never to Hugging Face or the logs', async () => {
    const key = 'sk-or-v1-test-secret';
    const progress: string[] = [];
    const report = await runFetch(options({ apiKey: key }), environment(progress));

    expect(openrouter.requests.length).toBe(4);
    for (const request of openrouter.requests) expect(request.headers.authorization).toBe(`Bearer ${key}`);
    expect(huggingface.requests.length).toBe(2);
    expect(catalogs.requests.length).toBe(2);
    for (const request of [...huggingface.requests, ...catalogs.requests]) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(key);
    }
    expect(formatSummary(report) + progress.join('\n')).not.toContain(key);
    for (const request of [...openrouter.requests, ...huggingface.requests, ...catalogs.requests]) expect(request.path).not.toContain(key);
  });

  it('is idempotent: a second run on the same date writes nothing and reports everything unchanged', async () => {
    await runFetch(options(), environment());
    const afterFirst = await snapshotTree(raw);
    const second = await runFetch(options(), environment([], { now: () => new Date('2026-01-29T18:00:00Z') }));

    expect(await snapshotTree(raw)).toEqual(afterFirst);
    expect(second.written).toEqual([]);
    expect(second.results.filter((r) => r.outcome !== 'unavailable').every((r) => r.outcome === 'unchanged')).toBe(true);
  });

  it('on the next day writes a new models snapshot and endpoints but no duplicate providers file or config', async () => {
    await runFetch(options(), environment());
    const before = await snapshotTree(raw);
    const beforeProvenance = JSON.parse(await readFile(join(raw, 'PROVENANCE.json'), 'utf8')) as Provenance;
    const report = await runFetch(options({ date: NEXT_DATE }), environment());

    const {
      [`openrouter/providers-${NEXT_DATE}.json`]: providers,
      [`models-dev/models-dev-api-${NEXT_DATE}.json`]: modelsDev,
      [`litellm/litellm-${NEXT_DATE}.json`]: litellm,
      'huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json': config,
      ...written
    } = cleanWrites(NEXT_DATE);
    expect([providers, modelsDev, litellm, config].every(Boolean)).toBe(true);
    await expectFolderState(before, beforeProvenance, written);
    expect(report.results.filter((r) => r.outcome === 'unchanged').map((r) => r.kind)).toEqual(['models-dev', 'litellm', 'providers', 'huggingface']);
  });

  it('keeps at most --concurrency requests in flight', async () => {
    openrouter.reset();
    for (const [route, body] of [
      [ROUTES.models, MODELS],
      [ROUTES.providers, PROVIDERS],
      [ROUTES.mixtralEndpoints, ENDPOINTS_MIXTRAL],
      [ROUTES.nemoEndpoints, ENDPOINTS_NEMO],
      [ROUTES.nemoConfig, CONFIG_NEMO],
    ] as const) {
      openrouter.serve(route, { kind: 'body', body, delayMs: 150 });
    }
    // One origin for both sources, so one server sees every request.
    const report = await runFetch(
      options({ concurrency: 2, baseUrls: { openRouter: `${openrouter.url}/api/v1`, huggingFace: openrouter.url } }),
      environment(),
    );
    expect(report.modelsOk).toBe(true);
    expect(openrouter.requests.length).toBe(6);
    expect(openrouter.maxInFlight).toBe(2);
  });

  it('leaves the folder untouched when interrupted while fetching', async () => {
    const before = await snapshotTree(raw);
    openrouter.inject(ROUTES.nemoEndpoints, { kind: 'hang' }, Infinity);
    const controller = new AbortController();
    const run = runFetch(options({ policy: { ...POLICY, timeoutMs: 10_000 } }), environment([], { signal: controller.signal }));
    const settled = expect(run).rejects.toThrow();
    await expect.poll(() => openrouter.requests.some((r) => r.path === ROUTES.nemoEndpoints)).toBe(true);
    controller.abort(new Error('interrupted by the test'));
    await settled;
    expect(await snapshotTree(raw)).toEqual(before);
  });

  it('stops before any network request when PROVENANCE.json is unreadable', async () => {
    await writeFile(join(raw, 'PROVENANCE.json'), '{"openrouter/x.json": ');
    const before = await snapshotTree(raw);
    await expect(runFetch(options(), environment())).rejects.toThrow(/PROVENANCE\.json is not valid JSON/);
    expect(openrouter.requests).toEqual([]);
    expect(await snapshotTree(raw)).toEqual(before);
    await writeFile(join(raw, 'PROVENANCE.json'), `${JSON.stringify(SEED_PROVENANCE, null, 2)}\n`);
  });
});

describe('refusing a listing that is not the listing (issue 12 #11)', () => {
  const entries = (JSON.parse(MODELS.toString()) as { data: unknown[] }).data;

  it('refuses an OpenRouter models list that lost more than half of the previous snapshot, writes nothing and says so', async () => {
    // The previous snapshot lists all 3 models; the response lists 1.
    await writeFile(join(raw, `openrouter/openrouter-models-${PREVIOUS_DATE}.json`), JSON.stringify({ data: entries }));
    const before = await snapshotTree(raw);
    openrouter.serve(ROUTES.models, { kind: 'body', body: JSON.stringify({ data: entries.slice(0, 1) }) });

    const report = await runFetch(options(), environment());
    expect(report.modelsOk).toBe(false);
    const models = report.results.find((r) => r.kind === 'models');
    expect(models).toMatchObject({ outcome: 'failed' });
    expect(models?.reason).toContain(`listing shrank from 3 models (openrouter/openrouter-models-${PREVIOUS_DATE}.json) to 1`);
    expect(models?.reason).toContain('--allow-shrink');
    expect(formatSummary(report)).toContain('result: FAILED');
    expect(await snapshotTree(raw)).toEqual(before);
  });

  it('stores the shrunken list when told to with allowShrink, and accepts losing up to half', async () => {
    await writeFile(join(raw, `openrouter/openrouter-models-${PREVIOUS_DATE}.json`), JSON.stringify(entries)); // a bare-array recording
    const one = JSON.stringify({ data: entries.slice(0, 1) });
    openrouter.serve(ROUTES.models, { kind: 'body', body: one });
    const allowed = await runFetch(options({ allowShrink: true }), environment());
    expect(allowed.modelsOk).toBe(true);
    expect(await readFile(join(raw, `openrouter/openrouter-models-${DATE}.json`), 'utf8')).toBe(one);

    // 2 of 3 kept is a third lost: stored without the flag.
    const two = JSON.stringify({ data: entries.slice(0, 2) });
    openrouter.serve(ROUTES.models, { kind: 'body', body: two });
    await rm(join(raw, `openrouter/openrouter-models-${DATE}.json`));
    expect((await runFetch(options(), environment())).modelsOk).toBe(true);
  });

  it('refuses a models.dev catalog that lost more than half of the previous (gzipped) copy and keeps the others', async () => {
    await mkdir(join(raw, 'models-dev'), { recursive: true });
    await writeFile(join(raw, `models-dev/models-dev-api-${PREVIOUS_DATE}.json.gz`), gzipSync(MODELS_DEV));
    const before = await snapshotTree(raw);
    const catalog = JSON.parse(MODELS_DEV.toString()) as Record<string, { models: Record<string, unknown> }>;
    const shrunk = { mistral: { ...catalog.mistral, models: { 'open-mixtral-8x7b': catalog.mistral!.models['open-mixtral-8x7b'] } } };
    catalogs.serve(ROUTES.modelsDev, { kind: 'body', body: JSON.stringify(shrunk) });

    const report = await runFetch(options(), environment());
    expect(report.modelsOk).toBe(true);
    expect(report.results.find((r) => r.kind === 'models-dev')?.reason).toContain(`listing shrank from 4 models (models-dev/models-dev-api-${PREVIOUS_DATE}.json.gz) to 1`);
    const writes = cleanWrites(DATE);
    delete writes[`models-dev/models-dev-api-${DATE}.json`];
    await expectFolderState(before, SEED_PROVENANCE, writes);
  });

  it('refuses a redirect to another host without asking that host, and follows one within the same origin', async () => {
    const elsewhere = await startReplayServer();
    try {
      elsewhere.serve(ROUTES.models, { kind: 'body', body: JSON.stringify({ data: entries.slice(0, 1) }) });
      openrouter.serve(ROUTES.models, { kind: 'status', status: 302, headers: { location: `${elsewhere.url}${ROUTES.models}` } });
      const before = await snapshotTree(raw);
      const refused = await runFetch(options({ allowShrink: true }), environment());
      expect(refused.modelsOk).toBe(false);
      expect(refused.results.find((r) => r.kind === 'models')?.reason).toContain(`redirect to another host (${elsewhere.url})`);
      expect(elsewhere.requests).toEqual([]);
      expect(openrouter.requests.filter((r) => r.path === ROUTES.models).length).toBe(1); // not retried
      expect(await snapshotTree(raw)).toEqual(before);

      openrouter.serve(ROUTES.models, { kind: 'status', status: 301, headers: { location: '/api/v1/models-moved' } });
      openrouter.serve('/api/v1/models-moved', { kind: 'body', body: MODELS });
      const followed = await runFetch(options(), environment());
      expect(followed.modelsOk).toBe(true);
      expect(await readFile(join(raw, `openrouter/openrouter-models-${DATE}.json`))).toEqual(MODELS);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('the overall time budget', () => {
  it('ends a run whose upstream hangs with what arrived stored and the hung source at its last good copy', { timeout: 30_000 }, async () => {
    // Per request 10 s and 3 retries: without the budget the hung endpoints route alone would take 40 s.
    openrouter.inject(ROUTES.mixtralEndpoints, { kind: 'hang' }, Infinity);
    const before = await snapshotTree(raw);
    const report = await runFetch(options({ policy: { ...POLICY, timeoutMs: 10_000 }, budgetMs: 1_500 }), environment());

    expect(report.modelsOk).toBe(true);
    expect(report.results.find((r) => r.label === 'mistralai/mixtral-8x7b-instruct')).toMatchObject({ outcome: 'failed', reason: expect.stringContaining('time budget') });
    const writes = cleanWrites(DATE);
    delete writes[`openrouter/endpoints/${DATE}/mistralai__mixtral-8x7b-instruct.json`];
    await expectFolderState(before, SEED_PROVENANCE, writes);
  });

  it('takes --budget in seconds and --allow-shrink from the command line', () => {
    const parsed = parseFetchArgs(['--budget', '900', '--allow-shrink'], {}, NOW, '/repo');
    expect(parsed).toMatchObject({ kind: 'run', fetch: { budgetMs: 900_000, allowShrink: true } });
    expect(parseFetchArgs(['--budget', '0'], {}, NOW, '/repo')).toMatchObject({ kind: 'error', message: expect.stringContaining('--budget') });
    expect(parseFetchArgs([], {}, NOW, '/repo')).toMatchObject({
      fetch: { allowShrink: false, baseUrls: { modelsDev: 'https://models.dev', litellm: expect.stringContaining('BerriAI/litellm') } },
    });
  });
});

describe('the pull-request body', () => {
  const hostile = [
    'evil/```\n# Heading\n<img src=x onerror=alert(1)>',
    'evil/````` @everyone [link](javascript:alert(1))',
    '~~~\n</details>',
  ];

  function reportNaming(labels: string[]): FetchReport {
    return {
      date: DATE,
      rawDir: 'data/raw',
      modelsOk: true,
      results: labels.map((label) => ({ kind: 'endpoints', label, url: null, path: null, outcome: 'failed', reason: `HTTP 500 for ${label}`, attempts: 4 })),
      variantCount: 0,
      written: [],
      abandonedTempFilesRemoved: [],
    };
  }

  it('puts upstream ids in one fenced block that they cannot close, so nothing in them renders as markdown', () => {
    const body = formatSummaryMarkdown(reportNaming(hostile));
    const html = micromark(body);
    // One heading of ours, one code block, nothing else: no heading, image, link or HTML from the ids.
    expect(html.match(/<h3>/g)).toHaveLength(1);
    expect(html.match(/<pre>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<h1|<img|<a |<details/);
    for (const label of hostile) expect(html).toContain(label.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
    // The fence is longer than the longest backtick run (5) in the text.
    expect(body).toContain('\n``````text\n');
  });

  it('fences plain text with three backticks and keeps the body under GitHub\'s limit', () => {
    expect(fencedBlock('a\nb')).toBe('```text\na\nb\n```\n');
    const many = reportNaming(Array.from({ length: 2_000 }, (_, i) => `author/model-${i}-${'x'.repeat(40)}`));
    const body = formatSummaryMarkdown(many, 10_000);
    expect(body.length).toBeLessThanOrEqual(10_000);
    expect(body).toContain('cut at');
    expect(micromark(body).match(/<pre>/g)).toHaveLength(1);
  });
});

interface FaultTarget {
  kind: SourceKind;
  label: string;
  server: () => ReplayServer;
  route: string;
  good: Buffer;
  path: string;
}

const TARGETS: readonly FaultTarget[] = [
  { kind: 'models', label: 'models list', server: () => openrouter, route: ROUTES.models, good: MODELS, path: `openrouter/openrouter-models-${DATE}.json` },
  { kind: 'models-dev', label: 'models.dev catalog', server: () => catalogs, route: ROUTES.modelsDev, good: MODELS_DEV, path: `models-dev/models-dev-api-${DATE}.json` },
  { kind: 'litellm', label: 'LiteLLM cost map', server: () => catalogs, route: ROUTES.litellm, good: LITELLM, path: `litellm/litellm-${DATE}.json` },
  { kind: 'providers', label: 'providers', server: () => openrouter, route: ROUTES.providers, good: PROVIDERS, path: `openrouter/providers-${DATE}.json` },
  {
    kind: 'endpoints',
    label: 'mistralai/mixtral-8x7b-instruct',
    server: () => openrouter,
    route: ROUTES.mixtralEndpoints,
    good: ENDPOINTS_MIXTRAL,
    path: `openrouter/endpoints/${DATE}/mistralai__mixtral-8x7b-instruct.json`,
  },
  {
    kind: 'huggingface',
    label: 'mistralai/Mistral-Nemo-Instruct-2407',
    server: () => huggingface,
    route: ROUTES.nemoConfig,
    good: CONFIG_NEMO,
    path: 'huggingface/mistralai__Mistral-Nemo-Instruct-2407.config.json',
  },
];

describe.each(TARGETS.map((target) => [target.kind, target] as const))('faults on the %s route', (_kind, target) => {
  it.each(FAULT_CASES.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    const before = await snapshotTree(raw);
    const server = target.server();
    server.inject(target.route, fault.reply(target.good), fault.times);

    const report = await runFetch(options(), environment());
    tally.runs += 1;
    tally.faults += server.faultsServed;

    const result = report.results.find((r) => r.kind === target.kind && r.label === target.label);
    expect(result?.outcome).toBe(fault.expect);
    const requests = server.requests.filter((r) => r.path === target.route);
    expect(requests.length).toBe(fault.requests);
    if (fault.minRetryGapMs !== undefined) {
      expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(fault.minRetryGapMs - 5);
    }

    if (fault.expect === 'failed') {
      expect(result?.reason).toBeTruthy();
      expect(formatSummary(report)).toContain(`${target.kind} ${target.label} <${server.url}${target.route}>: ${result?.reason}`);
    }
    if (target.kind === 'models' && fault.expect === 'failed') {
      expect(report.modelsOk).toBe(false);
      expect(await snapshotTree(raw)).toEqual(before);
      return;
    }
    expect(report.modelsOk).toBe(true);
    const writes = cleanWrites(DATE);
    if (fault.expect === 'failed') delete writes[target.path];
    await expectFolderState(before, SEED_PROVENANCE, writes);
  });
});

describe('the data:fetch command', () => {
  function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const inherited = { ...process.env };
    for (const name of ['OPENROUTER_API_KEY', 'OPENROUTER_BASE_URL', 'HUGGINGFACE_BASE_URL', 'MODELS_DEV_BASE_URL', 'LITELLM_URL', 'MODEL_ATLAS_NORMALIZE_SCRIPT']) delete inherited[name];
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO, 'scripts/fetch.ts'), '--raw', raw, '--date', DATE, '--timeout', '2000', '--retry-base', '10', ...args], {
        cwd: REPO,
        env: {
          ...inherited,
          OPENROUTER_BASE_URL: `${openrouter.url}/api/v1`,
          HUGGINGFACE_BASE_URL: huggingface.url,
          MODELS_DEV_BASE_URL: catalogs.url,
          LITELLM_URL: `${catalogs.url}${ROUTES.litellm}`,
          ...env,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('exits 0 with a summary and writes the Markdown summary when asked', async () => {
    const summaryFile = join(raw, '..', `${raw.split(/[\\/]/).pop()}-summary.md`);
    cleanups.push(summaryFile);
    const { code, stdout, stderr } = await runCli(['--no-normalize', '--summary', summaryFile]);
    expect(stderr).not.toContain('Error');
    expect(code).toBe(0);
    expect(stdout).toContain('fetched      7');
    expect(stdout).toContain('result: ok');
    expect(existsSync(join(raw, `openrouter/openrouter-models-${DATE}.json`))).toBe(true);
    expect(await readFile(summaryFile, 'utf8')).toContain(`### Data refresh ${DATE}`);
  });

  it('exits 1 and writes nothing when the models list fails', async () => {
    const before = await snapshotTree(raw);
    openrouter.inject(ROUTES.models, { kind: 'status', status: 503 }, Infinity);
    const { code, stdout } = await runCli(['--retries', '1']);
    expect(code).toBe(1);
    expect(stdout).toContain(`models models list <${openrouter.url}${ROUTES.models}>: HTTP 503`);
    expect(stdout).toContain('result: FAILED');
    expect(await snapshotTree(raw)).toEqual(before);
  });

  it('runs the normalizer with --raw and --out after a successful fetch', async () => {
    const marker = join(raw, '..', `${raw.split(/[\\/]/).pop()}-normalizer.json`);
    const fake = join(raw, '..', `${raw.split(/[\\/]/).pop()}-normalize.mjs`);
    cleanups.push(marker, fake);
    await writeFile(fake, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, JSON.stringify(process.argv.slice(2)));\n`);
    const { code } = await runCli([], { MODEL_ATLAS_NORMALIZE_SCRIPT: fake });
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(marker, 'utf8'))).toEqual(['--raw', raw, '--out', dirname(raw)]);
  });

  it('exits 3 with advice when the normalizer is missing, keeping the fetched data', async () => {
    const { code, stderr } = await runCli([], { MODEL_ATLAS_NORMALIZE_SCRIPT: join(raw, 'no-such-normalize.ts') });
    expect(code).toBe(3);
    expect(stderr).toContain('does not exist');
    expect(stderr).toContain('npm run data:build');
    expect(existsSync(join(raw, `openrouter/openrouter-models-${DATE}.json`))).toBe(true);
  });
});
