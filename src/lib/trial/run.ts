/**
 * The state of one live trial run, built up from stream events, and the words shown for each
 * outcome. Pure: the widget and the playground feed it events with a clock reading, and tests can
 * replay any sequence of events without a browser.
 */
import { formatCount } from '../format/format.ts';
import { streamMetrics, type StreamEvent, type StreamFailure, type StreamUsage } from './stream.ts';

export type RunPhase = 'idle' | 'connecting' | 'waiting' | 'streaming' | 'done' | 'failed' | 'stopped';

export interface TrialRun {
  phase: RunPhase;
  content: string;
  reasoning: string;
  /** Model and provider named by the server: what actually served the call. */
  servedModel: string | null;
  provider: string | null;
  finishReason: string | null;
  usage: StreamUsage | null;
  failure: StreamFailure | null;
  /** Data lines that were not JSON are skipped and counted; the first is kept to show. Only a count,
   *  so that a flood of them (20,000 lines) costs nothing per line. */
  badLineCount: number;
  firstBadLine: string | null;
  /** Keep-alive comments seen before the first token. */
  keepAlives: number;
  startedAt: number;
  firstTokenAt: number | null;
  endedAt: number | null;
}

export function startRun(at: number): TrialRun {
  return {
    phase: 'connecting',
    content: '',
    reasoning: '',
    servedModel: null,
    provider: null,
    finishReason: null,
    usage: null,
    failure: null,
    badLineCount: 0,
    firstBadLine: null,
    keepAlives: 0,
    startedAt: at,
    firstTokenAt: null,
    endedAt: null,
  };
}

/** Applies one stream event; `at` is the clock reading (ms) when it arrived. */
export function applyEvent(run: TrialRun, event: StreamEvent, at: number): TrialRun {
  switch (event.type) {
    case 'request-sent':
      return run.phase === 'connecting' ? { ...run, phase: 'waiting' } : run;
    case 'waiting':
      return { ...run, keepAlives: run.keepAlives + 1, phase: run.firstTokenAt === null ? 'waiting' : run.phase };
    case 'meta':
      return { ...run, servedModel: event.model ?? run.servedModel, provider: event.provider ?? run.provider };
    case 'content':
      return { ...run, content: run.content + event.text, phase: 'streaming', firstTokenAt: run.firstTokenAt ?? at };
    case 'reasoning':
      return { ...run, reasoning: run.reasoning + event.text, phase: 'streaming', firstTokenAt: run.firstTokenAt ?? at };
    case 'finish':
      return { ...run, finishReason: event.reason };
    case 'usage':
      return { ...run, usage: event.usage };
    case 'bad-line':
      return { ...run, badLineCount: run.badLineCount + 1, firstBadLine: run.firstBadLine ?? event.line };
    case 'done':
      return { ...run, phase: 'done', endedAt: at };
    case 'error':
      return { ...run, phase: event.failure.kind === 'aborted' ? 'stopped' : 'failed', failure: event.failure, endedAt: at };
  }
}

export function isRunning(run: TrialRun | null): boolean {
  return run !== null && (run.phase === 'connecting' || run.phase === 'waiting' || run.phase === 'streaming');
}

const HTTP_ADVICE: Record<number, string> = {
  400: 'The request was refused as invalid: check the model id, the max tokens and the temperature.',
  401: 'The API key was not accepted: check that it is complete and has not been revoked.',
  402: 'The account behind this key has no credit left: add credit or pick a free model.',
  403: 'The request was blocked: the input was flagged by moderation, or the key may not use this model.',
  408: 'The request timed out before the model answered: try again, or ask for a shorter answer.',
  429: 'Too many requests: the model or the key is rate limited.',
  502: 'The model provider is down or sent an invalid answer: try again or pick another model.',
  503: 'No provider is available for this model right now: try again later or pick another model.',
};

/** One sentence saying what went wrong and what to do, with the server's own words appended. */
export function describeFailure(failure: StreamFailure): string {
  switch (failure.kind) {
    case 'http': {
      const advice = HTTP_ADVICE[failure.status] ?? `The server answered HTTP ${failure.status}.`;
      const wait =
        failure.status === 429
          ? failure.retryAfterSeconds === null
            ? ' Wait a moment before retrying.'
            : ` Retry after ${failure.retryAfterSeconds} s.`
          : '';
      const code = failure.code && failure.code !== String(failure.status) ? ` ${failure.code}:` : '';
      return `HTTP ${failure.status}. ${advice}${wait} Server said:${code} “${failure.message}”`;
    }
    case 'stream-error':
      return `The provider failed mid-answer (finish reason “error”). Text received so far is kept. Provider said: ${failure.code ? `${failure.code}: ` : ''}“${failure.message}”`;
    case 'network':
      return `${failure.message.replace(/\.$/, '')}. Text received so far is kept.`;
    case 'ended-early':
      return 'The stream ended before the server said it was done ([DONE] never came): the answer may be cut short. Text received so far is kept.';
    case 'aborted':
      return 'Stopped. Text received so far is kept.';
  }
}

/** "1 line in the stream was not JSON and was skipped: “…”." or null when every line was fine. */
export function describeBadLines(run: TrialRun): string | null {
  if (run.badLineCount === 0) return null;
  const one = run.badLineCount === 1;
  return `${one ? '1 line' : `${formatCount(run.badLineCount)} lines`} in the stream ${one ? 'was' : 'were'} not JSON and ${one ? 'was' : 'were'} skipped: “${run.firstBadLine ?? ''}”.`;
}

/** What the run is doing now, for a polite live region. */
export function describePhase(run: TrialRun): string {
  switch (run.phase) {
    case 'idle':
      return '';
    case 'connecting':
      return 'Sending the request…';
    case 'waiting':
      return run.keepAlives > 0 ? 'Waiting for the provider (the server is keeping the connection open)…' : 'Waiting for the provider…';
    case 'streaming':
      return 'Receiving the answer…';
    case 'done':
      return run.finishReason === 'length' ? 'Done: the answer stopped at the max tokens limit.' : 'Done.';
    case 'failed':
    case 'stopped':
      return run.failure ? describeFailure(run.failure) : '';
  }
}

/** 250 → "250 ms"; 2250 → "2.25 s"; null → "–". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Tokens per second with one decimal, marked when the token count was estimated. */
export function formatRate(tokensPerSecond: number | null, source: 'usage' | 'estimate' | null): string {
  if (tokensPerSecond === null) return '–';
  if (!Number.isFinite(tokensPerSecond)) return 'n/a: the measured time was too short to divide by';
  return `${tokensPerSecond.toFixed(1)} tok/s${source === 'estimate' ? ' (estimated from characters)' : ''}`;
}

/** The measurements of a run as shown in the widget and the playground's table. */
export interface RunFigures {
  timeToFirstToken: string;
  rate: string;
  totalTime: string;
  /** "21 prompt (4 cached) · 12 completion (0 reasoning)", or why there is no such line. */
  tokens: string;
  promptTokens: string;
  completionTokens: string;
}

export function runFigures(run: TrialRun): RunFigures {
  const usage = run.usage;
  const implausible = usage?.implausible ?? null;
  const metrics = streamMetrics(run, usage && implausible === null ? usage.completionTokens : null, run.content + run.reasoning);
  const notApplicable = implausible === null ? null : `n/a: ${implausible}`;
  const finished = !isRunning(run);
  let tokens = finished ? 'not reported by the server' : '–';
  if (usage) {
    tokens =
      notApplicable ??
      `${formatCount(usage.promptTokens)} prompt (${formatCount(usage.cachedTokens ?? 0)} cached) · ${formatCount(usage.completionTokens)} completion (${formatCount(usage.reasoningTokens ?? 0)} reasoning)`;
  }
  return {
    timeToFirstToken: formatDuration(metrics.timeToFirstTokenMs),
    rate: notApplicable ?? formatRate(metrics.tokensPerSecond, metrics.tokensPerSecondSource),
    totalTime: formatDuration(metrics.totalMs),
    tokens,
    promptTokens: usage ? (implausible === null ? formatCount(usage.promptTokens) : 'n/a') : '–',
    completionTokens: usage ? (implausible === null ? formatCount(usage.completionTokens) : 'n/a') : '–',
  };
}
