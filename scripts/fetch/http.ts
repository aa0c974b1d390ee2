/**
 * A small HTTP GET client over Node's global fetch: per-attempt timeout, retries with exponential
 * backoff and jitter, and Retry-After on 429/503. It returns the body bytes as received so that the
 * caller can validate them and store them verbatim.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRetryAfter } from '../../src/lib/http/retry-after.ts';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound on a server-requested wait, so one Retry-After cannot stall the whole refresh. */
  maxRetryAfterMs: number;
  /** Per attempt, covering the headers and the whole body. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  timeoutMs: 20_000,
};

/** 408 and 429 are the client errors a later attempt can cure; every 5xx may be transient. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Only these two statuses carry a Retry-After worth honouring (RFC 9110 §10.2.3). */
export function honoursRetryAfter(status: number): boolean {
  return status === 429 || status === 503;
}

/** One reading of Retry-After for the fetcher and the live trial; re-exported for this module's callers. */
export { parseRetryAfter };

/**
 * Backoff before retry number `retry` (0 for the first retry): exponential, capped, with "equal
 * jitter" (half fixed, half random) so parallel clients spread out yet never retry at once.
 */
export function retryDelayMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A server-requested wait wins over the computed backoff, within the policy's cap. */
export function delayBeforeRetry(
  retry: number,
  retryAfterMs: number | undefined,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  return retryDelayMs(retry, policy, random);
}

export type FetchOutcome =
  | { ok: true; status: number; body: Buffer; attempts: number }
  | { ok: false; status: number | null; reason: string; attempts: number };

export interface GetOptions {
  headers?: Record<string, string>;
  policy: RetryPolicy;
  /** Aborts the whole request, waits included (Ctrl-C): the call rejects. */
  signal?: AbortSignal;
  /**
   * The run's overall time budget: when it fires, the request stops and resolves as a failure
   * ("time budget ran out"), so the run can still store what it already has.
   */
  budget?: AbortSignal;
  /**
   * Whether a redirect from `from` to `to` may be followed. By default only within the same origin: a
   * listing redirected to another host is not that listing (issue 12 #11).
   */
  allowRedirect?: (from: URL, to: URL) => boolean;
  random?: () => number;
  now?: () => number;
}

/** Redirects followed per request before giving up (browsers stop at 20; five is plenty for an API). */
export const MAX_REDIRECTS = 5;

export function sameOriginRedirect(from: URL, to: URL): boolean {
  return from.origin === to.origin;
}

export const BUDGET_EXHAUSTED = 'the time budget of the run ran out before this source finished';

type AttemptResult =
  | { kind: 'body'; status: number; body: Buffer }
  | { kind: 'http-error'; status: number; statusText: string; detail: string; retryAfterMs: number | undefined }
  | { kind: 'network-error'; reason: string }
  /** Not worth a retry: a redirect off the allowed hosts, or too many redirects. */
  | { kind: 'refused'; status: number; reason: string };

export async function getWithRetry(url: string, options: GetOptions): Promise<FetchOutcome> {
  const { policy, signal, budget } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  let attempts = 0;
  for (;;) {
    if (budget?.aborted) return { ok: false, status: null, reason: BUDGET_EXHAUSTED, attempts };
    attempts += 1;
    const result = await attempt(url, options, now);
    if (result.kind === 'body') return { ok: true, status: result.status, body: result.body, attempts };
    if (result.kind === 'refused') return { ok: false, status: result.status, reason: result.reason, attempts };
    if (budget?.aborted) return { ok: false, status: null, reason: BUDGET_EXHAUSTED, attempts };

    const retryable = result.kind === 'network-error' || isRetryableStatus(result.status);
    const status = result.kind === 'http-error' ? result.status : null;
    const reason =
      result.kind === 'http-error'
        ? `HTTP ${result.status}${result.statusText ? ` ${result.statusText}` : ''}${result.detail ? `: ${result.detail}` : ''}`
        : result.reason;
    if (!retryable || attempts > policy.retries) {
      const tries = retryable ? ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})` : '';
      return { ok: false, status, reason: `${reason}${tries}`, attempts };
    }
    const retryAfterMs = result.kind === 'http-error' ? result.retryAfterMs : undefined;
    const waits = [signal, budget].filter((s): s is AbortSignal => s !== undefined);
    try {
      await sleep(delayBeforeRetry(attempts - 1, retryAfterMs, policy, random), undefined, waits.length > 0 ? { signal: AbortSignal.any(waits) } : {});
    } catch (error) {
      if (signal?.aborted || !budget?.aborted) throw error;
      return { ok: false, status: null, reason: BUDGET_EXHAUSTED, attempts };
    }
  }
}

async function attempt(url: string, options: GetOptions, now: () => number): Promise<AttemptResult> {
  const { policy, signal: outer, budget } = options;
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  const signal = AbortSignal.any([timeout, ...(outer ? [outer] : []), ...(budget ? [budget] : [])]);
  const allowRedirect = options.allowRedirect ?? sameOriginRedirect;
  let current = new URL(url);
  try {
    for (let hop = 0; ; hop += 1) {
      // Redirects are followed by hand so that each target is checked before anything is asked of it.
      const response = await fetch(current, { headers: options.headers ?? {}, signal, redirect: 'manual' });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const target = new URL(response.headers.get('location')!, current);
        if (!allowRedirect(current, target)) {
          return { kind: 'refused', status: response.status, reason: `HTTP ${response.status} redirect to another host (${target.origin}), refused: a listing from elsewhere is not this source` };
        }
        if (hop >= MAX_REDIRECTS) return { kind: 'refused', status: response.status, reason: `more than ${MAX_REDIRECTS} redirects` };
        current = target;
        continue;
      }
      if (!response.ok) {
        const detail = await errorDetail(response);
        const retryAfterMs = honoursRetryAfter(response.status) ? parseRetryAfter(response.headers.get('retry-after'), now()) : undefined;
        return { kind: 'http-error', status: response.status, statusText: response.statusText, detail, retryAfterMs };
      }
      const body = Buffer.from(await response.arrayBuffer());
      return { kind: 'body', status: response.status, body };
    }
  } catch (error) {
    if (outer?.aborted) throw outer.reason;
    if (budget?.aborted) return { kind: 'network-error', reason: BUDGET_EXHAUSTED };
    if (timeout.aborted) return { kind: 'network-error', reason: `no complete response within ${policy.timeoutMs} ms` };
    return { kind: 'network-error', reason: describeNetworkError(error) };
  }
}

/** OpenRouter errors carry `{error:{message}}`; a short excerpt makes the summary actionable. */
async function errorDetail(response: Response): Promise<string> {
  try {
    const text = await response.text();
    try {
      const parsed: unknown = JSON.parse(text);
      const message = (parsed as { error?: { message?: unknown } } | null)?.error?.message;
      if (typeof message === 'string') return oneLine(message);
    } catch {
      // Not JSON: fall through to the raw text.
    }
    return oneLine(text);
  } catch {
    return '';
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

/** undici reports "fetch failed" / "terminated" and hides the useful part in `cause`. */
export function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  const message = parts.join(': ') || 'unknown network error';
  return /terminated|other side closed|premature close/i.test(message)
    ? `connection closed before the body was complete: ${message}`
    : `network error: ${message}`;
}
