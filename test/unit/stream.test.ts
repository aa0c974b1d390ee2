import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatCompletionsUrl,
  eventsFromMessage,
  streamChatCompletion,
  streamMetrics,
  type StreamEvent,
  type StreamFailure,
} from '../../src/lib/trial/stream.ts';
import { parseRetryAfter } from '../../src/lib/http/retry-after.ts';
import { parseRetryAfter as fetcherRetryAfter } from '../../scripts/fetch/http.ts';
import { applyEvent, describeFailure, startRun, type TrialRun } from '../../src/lib/trial/run.ts';
import { FIXTURE, startOpenAiTestServer, type OpenAiTestServer } from '../support/openai-test-server.ts';

const KEY = 'sk-or-v1-unit-test-key-0123456789';
let server: OpenAiTestServer;

beforeAll(async () => {
  server = await startOpenAiTestServer();
});
afterAll(async () => {
  await server.close();
});

async function collect(model: string, options: { signal?: AbortSignal; onEvent?: (e: StreamEvent) => void; baseUrl?: string } = {}) {
  const events: StreamEvent[] = [];
  for await (const event of streamChatCompletion({
    baseUrl: options.baseUrl ?? server.baseUrl,
    apiKey: KEY,
    headers: { 'HTTP-Referer': 'https://example.org/app', 'X-Title': 'Atlas test', Ignored: '  ' },
    body: { model, messages: [{ role: 'user', content: 'Say hello' }], temperature: 0.5, max_tokens: 64 },
    signal: options.signal,
  })) {
    events.push(event);
    options.onEvent?.(event);
  }
  return events;
}

function replay(events: StreamEvent[]): TrialRun {
  return events.reduce((run, event, i) => applyEvent(run, event, i + 1), startRun(0));
}

function terminal(events: StreamEvent[]): StreamEvent {
  const last = events.at(-1);
  if (!last) throw new Error('no events');
  return last;
}

function failureOf(events: StreamEvent[]): StreamFailure {
  const last = terminal(events);
  if (last.type !== 'error') throw new Error(`expected an error, got ${last.type}`);
  return last.failure;
}

describe('streamChatCompletion against an OpenAI-compatible server', () => {
  it('streams content deltas, meta, finish reason and usage with cost, then [DONE]', async () => {
    const events = await collect('test/ok');
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'waiting')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'waiting').map((e) => (e as { comment: string }).comment)).toEqual([
      'OPENROUTER PROCESSING',
      'OPENROUTER PROCESSING',
    ]);
    expect(terminal(events)).toEqual({ type: 'done' });
    expect(types.indexOf('usage')).toBeGreaterThan(types.indexOf('finish'));
    const run = replay(events);
    expect(run.content).toBe(FIXTURE.okText);
    expect(run.reasoning).toBe('');
    expect(run.finishReason).toBe('stop');
    expect(run.servedModel).toBe('test/ok');
    expect(run.provider).toBe('Test Provider');
    expect(run.usage).toEqual({
      promptTokens: 21,
      completionTokens: 12,
      totalTokens: 33,
      cachedTokens: 4,
      cacheWriteTokens: null,
      reasoningTokens: 0,
      cost: '0.00002134',
      implausible: null,
    });
    expect(run.phase).toBe('done');
  });

  it('sends the key only as a Bearer Authorization header to {base}/chat/completions, with stream: true', async () => {
    const before = server.requests.length;
    await collect('test/ok');
    const request = server.requests[before];
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['http-referer']).toBe('https://example.org/app');
    expect(request?.headers['x-title']).toBe('Atlas test');
    expect(request?.headers).not.toHaveProperty('ignored');
    expect(request?.body).toMatchObject({ model: 'test/ok', stream: true, temperature: 0.5, max_tokens: 64 });
    expect(JSON.stringify(request?.body)).not.toContain(KEY);
  });

  it('keeps reasoning deltas apart from the answer and reads reasoning tokens', async () => {
    const run = replay(await collect('test/reasoning'));
    expect(run.reasoning).toBe(FIXTURE.reasoningDeltas.join(''));
    expect(run.content).toBe(FIXTURE.reasoningAnswer);
    expect(run.usage?.reasoningTokens).toBe(9);
    expect(run.usage?.completionTokens).toBe(20);
  });

  it('leaves cost null when the usage chunk has none, and usage null when there is no usage chunk', async () => {
    expect(replay(await collect('test/no-cost')).usage?.cost).toBeNull();
    const noUsage = replay(await collect('test/no-usage'));
    expect(noUsage.usage).toBeNull();
    expect(noUsage.phase).toBe('done');
  });

  it('reports finish_reason "length"', async () => {
    expect(replay(await collect('test/length')).finishReason).toBe('length');
  });

  it('turns an error object inside a 200 stream into a stream-error, keeping the text before it', async () => {
    const events = await collect('test/stream-error');
    expect(failureOf(events)).toEqual({ kind: 'stream-error', code: 'server_error', message: 'Provider disconnected unexpectedly' });
    const run = replay(events);
    expect(run.content).toBe(FIXTURE.partialText);
    expect(run.finishReason).toBe('error');
    expect(run.phase).toBe('failed');
    expect(describeFailure(run.failure as StreamFailure)).toContain('Provider disconnected unexpectedly');
  });

  it.each([400, 401, 402, 403, 408, 502, 503])('reads HTTP %i with its {error:{code,message}} body', async (status) => {
    const failure = failureOf(await collect(`test/fail-${status}`));
    expect(failure).toEqual({
      kind: 'http',
      status,
      code: String(status),
      message: FIXTURE.httpErrors[status]?.message,
      retryAfterSeconds: null,
    });
    expect(describeFailure(failure)).toContain(`HTTP ${status}`);
    expect(describeFailure(failure)).toContain(FIXTURE.httpErrors[status]?.message);
  });

  it('reads Retry-After on HTTP 429 and says when to retry', async () => {
    const failure = failureOf(await collect('test/fail-429'));
    expect(failure).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: FIXTURE.retryAfterSeconds });
    expect(describeFailure(failure)).toContain(`Retry after ${FIXTURE.retryAfterSeconds} s`);
  });

  it('reads an HTML error page as plain words', async () => {
    const failure = failureOf(await collect('test/fail-502-html'));
    expect(failure).toMatchObject({ kind: 'http', status: 502, code: null, message: '502 Bad Gateway nginx' });
  });

  it('reports a dropped connection as a network failure after the text already received', async () => {
    const events = await collect('test/drop');
    expect(failureOf(events).kind).toBe('network');
    expect(replay(events).content).toBe(FIXTURE.dropText);
  });

  it('reports a stream that ends cleanly without [DONE] as ended early', async () => {
    const events = await collect('test/ended-early');
    expect(failureOf(events)).toEqual({ kind: 'ended-early' });
    expect(replay(events).content).toBe(FIXTURE.dropText);
  });

  it('reports a data line that is not JSON and goes on reading the stream', async () => {
    const events = await collect('test/bad-line');
    expect(events).toContainEqual({ type: 'bad-line', line: FIXTURE.badLine });
    expect(terminal(events)).toEqual({ type: 'done' });
    const run = replay(events);
    expect(run.content).toBe(FIXTURE.okText);
    expect(run).toMatchObject({ badLineCount: 1, firstBadLine: FIXTURE.badLine });
  });

  it('stops with an aborted failure when the caller aborts mid-stream, keeping what arrived', async () => {
    const controller = new AbortController();
    let contentEvents = 0;
    const events = await collect('test/slow', {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'content' && ++contentEvents === 3) controller.abort();
      },
    });
    expect(failureOf(events)).toEqual({ kind: 'aborted' });
    expect(replay(events).content).toBe('word0 word1 word2 ');
    expect(replay(events).phase).toBe('stopped');
  });

  it('reports an unreachable server as a network failure naming its origin', async () => {
    const closed = await startOpenAiTestServer();
    await closed.close();
    const failure = failureOf(await collect('test/ok', { baseUrl: closed.baseUrl }));
    expect(failure.kind).toBe('network');
    expect((failure as { message: string }).message).toContain(closed.origin);
  });

  it('refuses a base URL that is not http(s) before sending anything', async () => {
    const before = server.requests.length;
    const failure = failureOf(await collect('test/ok', { baseUrl: 'ftp://example.org/v1' }));
    expect(failure.kind).toBe('network');
    expect((failure as { message: string }).message).toContain('must start with https:// or http://');
    expect(server.requests.length).toBe(before);
  });

  it('reports a line that is not an SSE field at all as a bad line too', async () => {
    const body = 'data: {"choices":[{"delta":{"content":"A"}}]}\n\n<html>proxy page</html>\n\ndata: {"choices":[{"delta":{"content":"B"}}]}\n\ndata: [DONE]\n\n';
    const fakeFetch = async () => new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const events: StreamEvent[] = [];
    for await (const e of streamChatCompletion({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY, body: { model: 'm', messages: [] }, fetch: fakeFetch }))
      events.push(e);
    const run = replay(events);
    expect(run.content).toBe('AB');
    expect(run).toMatchObject({ badLineCount: 1, firstBadLine: '<html>proxy page</html>' });
    expect(run.phase).toBe('done');
  });

  it('reads a whole JSON completion when a server ignores stream: true', async () => {
    const events: StreamEvent[] = [];
    const fakeFetch = async () =>
      new Response(JSON.stringify({ model: 'm', choices: [{ message: { content: 'whole' }, finish_reason: 'stop' }], usage: FIXTURE.usage }), {
        headers: { 'content-type': 'application/json' },
      });
    for await (const e of streamChatCompletion({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: KEY, body: { model: 'm', messages: [] }, fetch: fakeFetch }))
      events.push(e);
    const run = replay(events);
    expect(run.content).toBe('whole');
    expect(run.usage?.cost).toBe('0.00002134');
    expect(run.phase).toBe('done');
  });
});

describe('stream helpers', () => {
  it('builds the chat completions URL from a base URL with or without a trailing slash', () => {
    expect(chatCompletionsUrl('https://openrouter.ai/api/v1').href).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(chatCompletionsUrl('http://localhost:11434/v1/').href).toBe('http://localhost:11434/v1/chat/completions');
    expect(() => chatCompletionsUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('parses Retry-After as seconds or as an HTTP date, with the fetcher\'s one reader', () => {
    expect(parseRetryAfter('30')).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(fetcherRetryAfter).toBe(parseRetryAfter);
  });

  it('sets absurd usage aside with the reason instead of showing Infinity or 309-digit counts', () => {
    const usageOf = (raw: string) => {
      const [event] = eventsFromMessage({ data: `{"choices":[],"usage":${raw}}` });
      if (event?.type !== 'usage') throw new Error('no usage event');
      return event.usage;
    };
    // JSON.parse reads 1e400 as Infinity and 1e308 as a finite 309-digit number.
    const infinite = usageOf('{"prompt_tokens":5,"completion_tokens":1e400}');
    expect(infinite).toMatchObject({ promptTokens: 0, completionTokens: 0, cost: null });
    expect(infinite.implausible).toBe('the server reported Infinity completion_tokens, more than any model handles in one call');
    expect(usageOf('{"prompt_tokens":1e308,"completion_tokens":3}').implausible).toBe(
      'the server reported 1e+308 prompt_tokens, more than any model handles in one call',
    );
    const cost = usageOf(`{"prompt_tokens":5,"completion_tokens":3,"cost":"1${'0'.repeat(308)}"}`);
    expect(cost.implausible).toBe('the server reported a cost of $100000000000… (309 characters) for one call, which cannot be right');
    // The largest believable figures pass: a 10M-token prompt costing $150.
    expect(usageOf('{"prompt_tokens":10000000,"completion_tokens":3,"cost":150}')).toMatchObject({ promptTokens: 10_000_000, cost: '150', implausible: null });
  });

  it('keeps usage.cost exact, without exponent notation', () => {
    const [usage] = eventsFromMessage({ data: JSON.stringify({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, cost: 1e-7 } }) });
    expect(usage).toMatchObject({ type: 'usage', usage: { cost: '0.0000001' } });
  });

  it('reads DeepSeek-style reasoning_content deltas as reasoning', () => {
    expect(eventsFromMessage({ data: JSON.stringify({ choices: [{ delta: { reasoning_content: 'hmm' } }] }) })).toEqual([{ type: 'reasoning', text: 'hmm' }]);
  });

  it('measures time to first token, total time and tokens/s from usage, else labels it an estimate', () => {
    const timings = { startedAt: 1000, firstTokenAt: 1250, endedAt: 3250 };
    expect(streamMetrics(timings, 40, 'ignored')).toEqual({ timeToFirstTokenMs: 250, totalMs: 2250, tokensPerSecond: 20, tokensPerSecondSource: 'usage' });
    // 80 characters ≈ 20 tokens over 2 s.
    expect(streamMetrics(timings, null, 'x'.repeat(80))).toMatchObject({ tokensPerSecond: 10, tokensPerSecondSource: 'estimate' });
    expect(streamMetrics({ startedAt: 0, firstTokenAt: null, endedAt: 500 }, null, '')).toEqual({
      timeToFirstTokenMs: null,
      totalMs: 500,
      tokensPerSecond: null,
      tokensPerSecondSource: null,
    });
  });
});
