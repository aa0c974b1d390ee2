/** Command line and environment of `npm run data:fetch`, parsed without side effects. */
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RETRY_POLICY } from './http.ts';
import type { FetchOptions } from './run.ts';

export const DEFAULT_MODELS_DEV_BASE_URL = 'https://models.dev';
/** LiteLLM's cost map as its repository serves it raw (the repository itself is 1.4 GB). */
export const DEFAULT_LITELLM_URL = 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

export const USAGE = `Usage: npm run data:fetch -- [options]

Fetches the OpenRouter models list, providers, per-model endpoints, Hugging Face configs, models.dev's
api.json and LiteLLM's cost map into data/raw (validated, atomic writes, last good copy kept on
failure), then runs the normalizer.

Options:
  --raw DIR           raw data folder (default data/raw)
  --out DIR           normalizer output folder (default: the parent of --raw)
  --date YYYY-MM-DD   snapshot date (default: today, UTC)
  --concurrency N     parallel requests (default 4)
  --timeout MS        per-request timeout (default 20000)
  --retries N         retries per request on network errors, timeouts, 5xx and 429 (default 3)
  --retry-base MS     first backoff delay; it doubles on each retry (default 500)
  --budget S          seconds for the whole fetch (default: none); sources still unfinished then fail
                      and keep their last good copy, and what arrived is stored
  --allow-shrink      store a models listing (OpenRouter or models.dev) even when it lost more than
                      half of the previous copy's models (refused by default)
  --summary FILE      also write the summary as Markdown (e.g. for a pull-request body)
  --no-normalize      do not run scripts/normalize.ts afterwards
  -h, --help          show this help

Environment:
  OPENROUTER_BASE_URL    default https://openrouter.ai/api/v1
  HUGGINGFACE_BASE_URL   default https://huggingface.co
  MODELS_DEV_BASE_URL    default https://models.dev (fetches <base>/api.json)
  LITELLM_URL            default ${DEFAULT_LITELLM_URL}
  OPENROUTER_API_KEY     optional; sent as a Bearer token to the OpenRouter origin only, never logged
  MODEL_ATLAS_NORMALIZE_SCRIPT  normalizer to run instead of scripts/normalize.ts

Exit codes: 0 ok (some secondary sources may have failed, see the summary), 1 the models list failed
(nothing was written) or the run could not start, 2 bad usage, 3 the normalizer failed or is missing, 130 interrupted.`;

export const DEFAULT_OPENROUTER_BASE_URL = 'https://openrouter.ai/api/v1';
export const DEFAULT_HUGGINGFACE_BASE_URL = 'https://huggingface.co';

export interface CliRun {
  kind: 'run';
  fetch: FetchOptions;
  normalize: boolean;
  outDir: string;
  normalizeScript: string | null;
  summaryFile: string | null;
}

export type ParsedCli = CliRun | { kind: 'help' } | { kind: 'error'; message: string };

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

function integerFlag(value: string | undefined, name: string, min: number, max: number, fallback: number): number | string {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    return `--${name} must be a whole number from ${min} to ${max}, got "${value}"`;
  }
  return Number(value);
}

function baseUrl(value: string | undefined, fallback: string, name: string): string | { error: string } {
  const text = value && value.trim() !== '' ? value.trim() : fallback;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    return { error: `${name} must be an http(s) URL, got "${text}"` };
  }
  return text.replace(/\/+$/, '');
}

export function parseFetchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, now: Date, cwd: string): ParsedCli {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        raw: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        retries: { type: 'string' },
        'retry-base': { type: 'string' },
        summary: { type: 'string' },
        budget: { type: 'string' },
        'allow-shrink': { type: 'boolean' },
        'no-normalize': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  const date = values.date ?? todayUtc(now);
  if (!isCalendarDate(date)) return { kind: 'error', message: `--date must be a real date as YYYY-MM-DD, got "${date}"` };

  const concurrency = integerFlag(values.concurrency, 'concurrency', 1, 64, 4);
  const timeoutMs = integerFlag(values.timeout, 'timeout', 1, 600_000, DEFAULT_RETRY_POLICY.timeoutMs);
  const retries = integerFlag(values.retries, 'retries', 0, 10, DEFAULT_RETRY_POLICY.retries);
  const baseDelayMs = integerFlag(values['retry-base'], 'retry-base', 0, 60_000, DEFAULT_RETRY_POLICY.baseDelayMs);
  const budgetSeconds = values.budget === undefined ? undefined : integerFlag(values.budget, 'budget', 1, 86_400, 0);
  for (const checked of [concurrency, timeoutMs, retries, baseDelayMs, budgetSeconds]) {
    if (typeof checked === 'string') return { kind: 'error', message: checked };
  }

  const openRouter = baseUrl(env.OPENROUTER_BASE_URL, DEFAULT_OPENROUTER_BASE_URL, 'OPENROUTER_BASE_URL');
  const huggingFace = baseUrl(env.HUGGINGFACE_BASE_URL, DEFAULT_HUGGINGFACE_BASE_URL, 'HUGGINGFACE_BASE_URL');
  const modelsDev = baseUrl(env.MODELS_DEV_BASE_URL, DEFAULT_MODELS_DEV_BASE_URL, 'MODELS_DEV_BASE_URL');
  const litellm = baseUrl(env.LITELLM_URL, DEFAULT_LITELLM_URL, 'LITELLM_URL');
  for (const checked of [openRouter, huggingFace, modelsDev, litellm]) {
    if (typeof checked !== 'string') return { kind: 'error', message: checked.error };
  }

  const rawDir = resolve(cwd, values.raw ?? 'data/raw');
  const apiKey = env.OPENROUTER_API_KEY?.trim();
  return {
    kind: 'run',
    fetch: {
      rawDir,
      date,
      baseUrls: { openRouter: openRouter as string, huggingFace: huggingFace as string, modelsDev: modelsDev as string, litellm: litellm as string },
      ...(apiKey ? { apiKey } : {}),
      ...(budgetSeconds !== undefined ? { budgetMs: (budgetSeconds as number) * 1000 } : {}),
      allowShrink: values['allow-shrink'] === true,
      concurrency: concurrency as number,
      policy: {
        ...DEFAULT_RETRY_POLICY,
        timeoutMs: timeoutMs as number,
        retries: retries as number,
        baseDelayMs: baseDelayMs as number,
      },
    },
    normalize: !values['no-normalize'],
    outDir: values.out ? resolve(cwd, values.out) : dirname(rawDir),
    normalizeScript: env.MODEL_ATLAS_NORMALIZE_SCRIPT?.trim() ? resolve(cwd, env.MODEL_ATLAS_NORMALIZE_SCRIPT.trim()) : null,
    summaryFile: values.summary ? resolve(cwd, values.summary) : null,
  };
}
