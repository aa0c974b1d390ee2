/**
 * A streaming client for OpenAI-compatible `POST {base}/chat/completions`, written against plain
 * `fetch` so that the browser sends only the headers we name: an SDK adds its own headers, and any
 * header the server does not list in its CORS preflight answer makes the browser refuse the call.
 *
 * It turns the server's Server-Sent Events into typed events, and every way a call can fail into one
 * typed, terminal `error` event, so that the caller can keep the text it already has and say exactly
 * what went wrong. The OpenRouter contract it follows: comment keep-alives (": OPENROUTER
 * PROCESSING"), `delta.content` and `delta.reasoning`, a last chunk with `usage` and empty `choices`,
 * `data: [DONE]`, an `error` object inside a 200 stream with `finish_reason: "error"`, and
 * `{error:{code,message}}` bodies on HTTP errors.
 *
 * Chunks are read with small hand-written guards rather than zod: this module ships to the browser
 * in the live-trial island, and a chunk that lacks a field we want is still worth reading.
 *
 * A data line that is not JSON is reported (`bad-line`) and the stream goes on: one garbled line
 * from a proxy should not throw away an answer that is otherwise arriving fine.
 */
import Big from 'big.js';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { estimateTokens } from '../calculator/tokenizers.ts';
import { parseRetryAfter } from '../http/retry-after.ts';
import { DECIMAL } from '../pricing/decimal.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The request body we send; extra fields pass through to the server untouched. */
export interface ChatCompletionBody {
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  max_tokens?: number;
  [field: string]: unknown;
}

/** Token counts and cost as the server reported them at the end of the stream. */
export interface StreamUsage {
  promptTokens: number;
  /** As the server counts them: OpenAI-compatible servers include reasoning tokens here. */
  completionTokens: number;
  totalTokens: number | null;
  cachedTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  /** USD as an exact decimal string, when the server sends `usage.cost` (OpenRouter does). */
  cost: string | null;
  /** Why the server's figures were set aside as impossible, or null when they are believable. */
  implausible: string | null;
}

export type StreamFailure =
  | { kind: 'http'; status: number; code: string | null; message: string; retryAfterSeconds: number | null }
  | { kind: 'stream-error'; code: string | null; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'ended-early' }
  | { kind: 'aborted' };

export type StreamEvent =
  | { type: 'request-sent' }
  | { type: 'waiting'; comment: string }
  | { type: 'meta'; model: string | null; provider: string | null }
  | { type: 'content'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'finish'; reason: string }
  | { type: 'usage'; usage: StreamUsage }
  | { type: 'bad-line'; line: string }
  | { type: 'done' }
  | { type: 'error'; failure: StreamFailure };

export interface StreamRequest {
  /** e.g. "https://openrouter.ai/api/v1"; "/chat/completions" is appended. */
  baseUrl: string;
  apiKey: string;
  /** Extra headers such as HTTP-Referer and X-Title; empty values are left out. */
  headers?: Record<string, string | undefined>;
  body: ChatCompletionBody;
  signal?: AbortSignal;
  fetch?: typeof globalThis.fetch;
}

/** `${baseUrl}/chat/completions`, tolerating a trailing slash; throws on a URL that is not http(s). */
export function chatCompletionsUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new Error(`The base URL "${baseUrl}" is not a valid URL; it should look like https://openrouter.ai/api/v1`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`The base URL "${baseUrl}" must start with https:// or http://`);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * Streams one chat completion. Always ends with exactly one terminal event: `done`, or `error`
 * carrying a `StreamFailure`. It never throws for network or server problems.
 */
export async function* streamChatCompletion(request: StreamRequest): AsyncGenerator<StreamEvent, void, undefined> {
  const doFetch = request.fetch ?? globalThis.fetch.bind(globalThis);
  let url: URL;
  try {
    url = chatCompletionsUrl(request.baseUrl);
  } catch (error) {
    yield { type: 'error', failure: { kind: 'network', message: (error as Error).message } };
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${request.apiKey}`,
  };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value?.trim()) headers[name] = value.trim();
  }

  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...request.body, stream: true }),
      signal: request.signal,
    });
  } catch (error) {
    yield { type: 'error', failure: fetchFailure(error, request.signal, url) };
    return;
  }
  yield { type: 'request-sent' };

  if (!response.ok) {
    yield { type: 'error', failure: await httpFailure(response) };
    return;
  }

  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    // Some servers ignore `stream: true`; read the whole completion instead of failing.
    yield* readWholeCompletion(response, request.signal, url);
    return;
  }
  if (!response.body) {
    yield { type: 'error', failure: { kind: 'ended-early' } };
    return;
  }

  const queue: StreamEvent[] = [];
  let finished = false;
  const parser = createParser({
    onComment: (comment) => queue.push({ type: 'waiting', comment: comment.trim() }),
    onEvent: (message) => {
      if (finished) return;
      const events = eventsFromMessage(message);
      for (const event of events) {
        queue.push(event);
        if (event.type === 'done' || event.type === 'error') finished = true;
      }
    },
    onError: (error) => {
      // A line that is not an SSE field at all (no "data:" prefix): report it like a non-JSON data line.
      if (error.type === 'unknown-field') queue.push({ type: 'bad-line', line: error.line ?? error.field ?? '' });
    },
  });

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    while (!finished) {
      const { value, done } = await reader.read();
      if (done) {
        parser.reset({ consume: true });
        break;
      }
      parser.feed(value);
      // A shift() per event would be O(n²) on a chunk carrying thousands of lines.
      const batch = queue.splice(0);
      for (const event of batch) {
        // Stop must not wait for the rest of a large chunk to be handed over.
        if (request.signal?.aborted) {
          yield { type: 'error', failure: { kind: 'aborted' } };
          return;
        }
        yield event;
        if (event.type === 'done' || event.type === 'error') return;
      }
    }
  } catch (error) {
    while (queue.length > 0) yield queue.shift() as StreamEvent;
    yield { type: 'error', failure: readFailure(error, request.signal) };
    return;
  } finally {
    reader.cancel().catch(() => undefined);
  }
  while (queue.length > 0) {
    const event = queue.shift() as StreamEvent;
    yield event;
    if (event.type === 'done' || event.type === 'error') return;
  }
  // The body ended cleanly but without [DONE]: the server or a proxy cut the stream short.
  yield { type: 'error', failure: { kind: 'ended-early' } };
}

/** The events carried by one SSE message: a chunk can hold meta, deltas, finish and usage at once. */
export function eventsFromMessage(message: EventSourceMessage): StreamEvent[] {
  const data = message.data.trim();
  if (data === '[DONE]') return [{ type: 'done' }];
  if (data === '') return [];
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    return [{ type: 'bad-line', line: data.slice(0, 200) }];
  }
  if (!isRecord(chunk)) return [{ type: 'bad-line', line: data.slice(0, 200) }];
  return eventsFromChunk(chunk);
}

function eventsFromChunk(chunk: Record<string, unknown>): StreamEvent[] {
  const events: StreamEvent[] = [];
  const model = typeof chunk.model === 'string' ? chunk.model : null;
  const provider = typeof chunk.provider === 'string' ? chunk.provider : null;
  if (model !== null || provider !== null) events.push({ type: 'meta', model, provider });

  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  let finishReason: string | null = null;
  for (const choice of choices) {
    if (!isRecord(choice)) continue;
    const delta = isRecord(choice.delta) ? choice.delta : isRecord(choice.message) ? choice.message : {};
    // OpenRouter sends `reasoning`; DeepSeek-style servers (vLLM, llama.cpp) send `reasoning_content`.
    const reasoning = typeof delta.reasoning === 'string' ? delta.reasoning : typeof delta.reasoning_content === 'string' ? delta.reasoning_content : '';
    if (reasoning) events.push({ type: 'reasoning', text: reasoning });
    if (typeof delta.content === 'string' && delta.content) events.push({ type: 'content', text: delta.content });
    if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
  }

  if (isRecord(chunk.error)) {
    if (finishReason) events.push({ type: 'finish', reason: finishReason });
    const { code, message } = errorFields(chunk.error);
    events.push({ type: 'error', failure: { kind: 'stream-error', code, message: message ?? 'The provider reported an error in the stream' } });
    return events;
  }
  if (finishReason) events.push({ type: 'finish', reason: finishReason });
  if (isRecord(chunk.usage)) events.push({ type: 'usage', usage: readUsage(chunk.usage) });
  return events;
}

/**
 * No model takes or writes this many tokens in one call (the largest contexts are about 10M), and
 * no single call costs this many dollars: a server reporting more is broken or hostile, and its
 * figures would print as "Infinity tok/s" or 309-digit counts.
 */
export const MAX_PLAUSIBLE_TOKENS = 100_000_000;
export const MAX_PLAUSIBLE_CALL_USD = 10_000;

/**
 * Reads an OpenAI-style `usage` object; missing counts become 0 or null, never NaN. A count or cost
 * beyond belief empties the usage (counts 0, cost null) and says why in `implausible`.
 */
export function readUsage(raw: Record<string, unknown>): StreamUsage {
  const promptDetails = isRecord(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  const completionDetails = isRecord(raw.completion_tokens_details) ? raw.completion_tokens_details : {};
  const counts: [string, unknown][] = [
    ['prompt_tokens', raw.prompt_tokens],
    ['completion_tokens', raw.completion_tokens],
    ['total_tokens', raw.total_tokens],
    ['cached_tokens', promptDetails.cached_tokens],
    ['cache_write_tokens', promptDetails.cache_write_tokens],
    ['reasoning_tokens', completionDetails.reasoning_tokens],
  ];
  const absurdCount = counts.find(([, value]) => typeof value === 'number' && !(value <= MAX_PLAUSIBLE_TOKENS));
  const cost = usdDecimal(raw.cost);
  const absurdCost = cost !== null && new Big(cost).gt(MAX_PLAUSIBLE_CALL_USD);
  if (absurdCount || absurdCost) {
    const reason = absurdCount
      ? `the server reported ${shortNumber(absurdCount[1])} ${absurdCount[0]}, more than any model handles in one call`
      : `the server reported a cost of $${shortNumber(cost)} for one call, which cannot be right`;
    return { promptTokens: 0, completionTokens: 0, totalTokens: null, cachedTokens: null, cacheWriteTokens: null, reasoningTokens: null, cost: null, implausible: reason };
  }
  return {
    promptTokens: count(raw.prompt_tokens) ?? 0,
    completionTokens: count(raw.completion_tokens) ?? 0,
    totalTokens: count(raw.total_tokens),
    cachedTokens: count(promptDetails.cached_tokens),
    cacheWriteTokens: count(promptDetails.cache_write_tokens),
    reasoningTokens: count(completionDetails.reasoning_tokens),
    cost,
    implausible: null,
  };
}

/** A reported figure as short text: 1e308 stays "1e+308", a 400-digit string is cut. */
function shortNumber(value: unknown): string {
  const text = String(value);
  return text.length > 24 ? `${text.slice(0, 12)}… (${text.length} characters)` : text;
}

async function* readWholeCompletion(response: Response, signal: AbortSignal | undefined, url: URL): AsyncGenerator<StreamEvent> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal?.aborted) {
      yield { type: 'error', failure: { kind: 'aborted' } };
      return;
    }
    yield { type: 'error', failure: { kind: 'network', message: `The answer from ${url.origin} was not valid JSON (${(error as Error).message})` } };
    return;
  }
  if (!isRecord(body)) {
    yield { type: 'error', failure: { kind: 'network', message: `The answer from ${url.origin} was not a chat completion` } };
    return;
  }
  yield* eventsFromChunk(body);
  if (!isRecord(body.error)) yield { type: 'done' };
}

async function httpFailure(response: Response): Promise<StreamFailure> {
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const retryAfterSeconds = retryAfterMs === undefined ? null : Math.ceil(retryAfterMs / 1000);
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The body is optional for the message; the status alone still says what happened.
  }
  let code: string | null = null;
  let message: string | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && isRecord(parsed.error)) ({ code, message } = errorFields(parsed.error));
    else if (isRecord(parsed) && typeof parsed.message === 'string') message = parsed.message;
  } catch {
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    if (plain) message = plain.slice(0, 300);
  }
  return {
    kind: 'http',
    status: response.status,
    code,
    message: message ?? (response.statusText || `HTTP ${response.status}`),
    retryAfterSeconds,
  };
}

function fetchFailure(error: unknown, signal: AbortSignal | undefined, url: URL): StreamFailure {
  if (signal?.aborted || isAbortError(error)) return { kind: 'aborted' };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    kind: 'network',
    message: `Could not reach ${url.origin} (${detail}). Check the base URL, your connection, and that the server allows requests from this site (CORS).`,
  };
}

function readFailure(error: unknown, signal: AbortSignal | undefined): StreamFailure {
  if (signal?.aborted || isAbortError(error)) return { kind: 'aborted' };
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'network', message: `The connection dropped while the answer was streaming (${detail})` };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function errorFields(error: Record<string, unknown>): { code: string | null; message: string | null } {
  const code = typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : null;
  const message = typeof error.message === 'string' && error.message.trim() ? error.message.trim() : null;
  return { code, message };
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
}

function usdDecimal(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return new Big(value).toFixed();
  if (typeof value === 'string' && DECIMAL.test(value)) return new Big(value).toFixed();
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Metrics

export interface StreamTimings {
  /** When the request was sent (ms, any monotonic clock). */
  startedAt: number;
  /** First content or reasoning delta. */
  firstTokenAt: number | null;
  endedAt: number | null;
}

export interface StreamMetrics {
  timeToFirstTokenMs: number | null;
  totalMs: number | null;
  tokensPerSecond: number | null;
  /** "usage" when the server counted the tokens, "estimate" when they were guessed from characters. */
  tokensPerSecondSource: 'usage' | 'estimate' | null;
}

/**
 * Time to first token, generation speed and total time. Speed is measured from the first token to
 * the end, so that queueing at the provider does not count against the model's output rate.
 */
export function streamMetrics(timings: StreamTimings, completionTokens: number | null, receivedText: string): StreamMetrics {
  const { startedAt, firstTokenAt, endedAt } = timings;
  const timeToFirstTokenMs = firstTokenAt === null ? null : firstTokenAt - startedAt;
  const totalMs = endedAt === null ? null : endedAt - startedAt;
  let tokensPerSecond: number | null = null;
  let tokensPerSecondSource: StreamMetrics['tokensPerSecondSource'] = null;
  if (firstTokenAt !== null && endedAt !== null) {
    const tokens = completionTokens ?? estimateTokens(receivedText);
    const seconds = (endedAt - firstTokenAt) / 1000;
    if (tokens > 0 && seconds > 0) {
      tokensPerSecond = tokens / seconds;
      tokensPerSecondSource = completionTokens === null ? 'estimate' : 'usage';
    }
  }
  return { timeToFirstTokenMs, totalMs, tokensPerSecond, tokensPerSecondSource };
}
