/**
 * A local stand-in for OpenRouter and Hugging Face: replays recorded responses per route on
 * 127.0.0.1 and injects faults on demand (HTTP errors, Retry-After, hangs, cut-off bodies, bad JSON).
 * Used by test/unit/fetch.test.ts; FAULT_CASES is exported so the bench can replay the same faults.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export type Reply =
  | { kind: 'body'; status?: number; body: Buffer | string; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Announces the full Content-Length, sends the first half of the body, then drops the connection. */
  | { kind: 'truncated'; body: Buffer | string };

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** performance.now() when the request arrived. */
  at: number;
  fault: boolean;
}

export interface ReplayServer {
  url: string;
  requests: RecordedRequest[];
  /** How many requests were answered with an injected fault. */
  faultsServed: number;
  /** Most requests that were in flight at the same time. */
  maxInFlight: number;
  serve(path: string, reply: Reply): void;
  /** Serves `reply` to the next `times` requests of `path` (Infinity: all), then the normal reply. */
  inject(path: string, reply: Reply, times: number): void;
  reset(): void;
  close(): Promise<void>;
}

const NOT_FOUND: Reply = {
  kind: 'status',
  status: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error: { message: 'Repository not found' } }),
};

function send(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'hang':
      return;
    case 'status':
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? JSON.stringify({ error: { code: reply.status, message: `injected ${reply.status}` } }));
      return;
    case 'truncated': {
      const body = Buffer.from(reply.body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    case 'body': {
      const body = Buffer.from(reply.body);
      const respond = () => {
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/json',
          'content-length': String(body.length),
          ...reply.headers,
        });
        res.end(body);
      };
      if (reply.delayMs) setTimeout(respond, reply.delayMs);
      else respond();
      return;
    }
  }
}

export async function startReplayServer(): Promise<ReplayServer> {
  const routes = new Map<string, Reply>();
  const faults = new Map<string, { reply: Reply; remaining: number }>();
  const sockets = new Set<Socket>();
  let inFlight = 0;

  const state: Omit<ReplayServer, 'url' | 'close'> = {
    requests: [],
    faultsServed: 0,
    maxInFlight: 0,
    serve: (path, reply) => void routes.set(path, reply),
    inject: (path, reply, times) => void faults.set(path, { reply, remaining: times }),
    reset: () => {
      routes.clear();
      faults.clear();
      state.requests = [];
      state.faultsServed = 0;
      state.maxInFlight = 0;
    },
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://replay.invalid').pathname;
    const fault = faults.get(path);
    const injected = fault !== undefined && fault.remaining > 0;
    if (injected) {
      fault.remaining -= 1;
      state.faultsServed += 1;
    }
    state.requests.push({ path, headers: req.headers, at: performance.now(), fault: injected });
    inFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    const done = () => {
      inFlight -= 1;
    };
    res.once('close', done);
    req.resume();
    send(res, injected ? fault.reply : (routes.get(path) ?? NOT_FOUND));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
}

export interface FaultCase {
  name: string;
  /** The fault, built from the route's good body (some faults are a damaged copy of it). */
  reply: (good: Buffer) => Reply;
  /** Requests that get the fault before the route answers normally (Infinity: every attempt). */
  times: number;
  /** What the fetcher must report for that source. */
  expect: 'fetched' | 'failed';
  /** Requests the route receives with the default 3 retries: 1 when the fault is not worth a retry. */
  requests: number;
  /** The retry must come at least this late after the faulted request (a Retry-After honoured). */
  minRetryGapMs?: number;
}

/**
 * The faults every source is tested against. Timeouts assume the tests' short per-request timeout
 * (a few hundred ms), and retries the default of 3.
 */
export const FAULT_CASES: readonly FaultCase[] = [
  { name: 'HTTP 500 once, then success', reply: () => ({ kind: 'status', status: 500 }), times: 1, expect: 'fetched', requests: 2 },
  { name: 'HTTP 500 on every attempt', reply: () => ({ kind: 'status', status: 500 }), times: Infinity, expect: 'failed', requests: 4 },
  {
    name: 'HTTP 429 with Retry-After: 1, then success',
    reply: () => ({ kind: 'status', status: 429, headers: { 'retry-after': '1' } }),
    times: 1,
    expect: 'fetched',
    requests: 2,
    minRetryGapMs: 1000,
  },
  { name: 'no response within the timeout, then success', reply: () => ({ kind: 'hang' }), times: 1, expect: 'fetched', requests: 2 },
  {
    name: 'no response within the timeout on every attempt',
    reply: () => ({ kind: 'hang' }),
    times: Infinity,
    expect: 'failed',
    requests: 4,
  },
  {
    name: 'body cut off before Content-Length on every attempt',
    reply: (good) => ({ kind: 'truncated', body: good }),
    times: Infinity,
    expect: 'failed',
    requests: 4,
  },
  {
    name: 'HTTP 200 with an HTML error page instead of JSON',
    reply: () => ({ kind: 'body', body: '<html><body><h1>502 Bad Gateway</h1></body></html>', headers: { 'content-type': 'text/html' } }),
    times: Infinity,
    expect: 'failed',
    requests: 1,
  },
  {
    name: 'HTTP 200 with valid JSON of the wrong shape',
    reply: () => ({ kind: 'body', body: '[{"id":"mistralai/mixtral-8x7b-instruct"}]' }),
    times: Infinity,
    expect: 'failed',
    requests: 1,
  },
];
