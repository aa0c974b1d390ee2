/**
 * A local OpenAI-compatible server for the live-trial tests: `POST /v1/chat/completions` on
 * 127.0.0.1 with a random port. It replays streams shaped like OpenRouter's (keep-alive comments,
 * content and reasoning deltas, a usage chunk with `cost` and empty `choices`, `[DONE]`) and every
 * failure the trial must handle.
 *
 * The flood scenarios stream until the client hangs up, as a runaway server would: batches of 20,000
 * non-JSON lines, one 5.5 MB event, or 200 chunks a second; the trial must stay responsive to Stop.
 *
 * The scenario is chosen by the model id ("test/fail-401") or, for a fixed model such as a card's,
 * by a `scenario:<name>` word in the last user message. Every request is recorded with its
 * Authorization header and Origin, so tests can check where the key went.
 *
 * CORS is answered like OpenRouter does, with an explicit header allow-list: a browser page served
 * from another port must be able to call it, and a client that sends any other header fails the
 * preflight just as it would against the real service.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const SCENARIOS = [
  'ok',
  'slow-start',
  'reasoning',
  'no-cost',
  'no-usage',
  'length',
  'slow',
  'html',
  'stream-error',
  'drop',
  'ended-early',
  'bad-line',
  'fail-400',
  'fail-401',
  'fail-402',
  'fail-403',
  'fail-408',
  'fail-429',
  'fail-502',
  'fail-503',
  'fail-502-html',
  'absurd-usage',
  'flood-lines',
  'flood-big',
  'flood-fast',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What the server says; tests compare the page against these fixtures. */
export const FIXTURE = {
  provider: 'Test Provider',
  okText: 'Hello from the **test server**.\n\n- first point\n- second point\n',
  okDeltas: ['Hello', ' from the ', '**test ', 'server**.', '\n\n- first', ' point\n- second', ' point\n'],
  reasoningDeltas: ['The user', ' wants a greeting.', ' Keep it short.'],
  reasoningAnswer: 'Hi there!',
  /** The usage chunk of the ok scenario. */
  usage: {
    prompt_tokens: 21,
    completion_tokens: 12,
    total_tokens: 33,
    cost: 0.00002134,
    prompt_tokens_details: { cached_tokens: 4 },
    completion_tokens_details: { reasoning_tokens: 0 },
  },
  reasoningUsage: {
    prompt_tokens: 15,
    completion_tokens: 20,
    total_tokens: 35,
    cost: 0.0000412,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 9 },
  },
  /** The stream-error scenario's partial text and in-stream error. */
  partialText: 'This answer starts fine',
  streamError: { code: 'server_error', message: 'Provider disconnected unexpectedly' },
  dropText: 'The connection will drop after this',
  badLine: 'this line is not JSON',
  htmlText:
    'Look: <script>window.__xss = "script"</script> and <img src="x" onerror="window.__xss = \'img\'"> and [a link](javascript:window.__xss=\'link\') and ![tracking pixel](https://images.example/pixel.png?prompt=secret) end.',
  /** The absurd-usage scenario's counts, written as raw JSON: 1e400 parses as Infinity. */
  absurdUsageJson: '{"prompt_tokens":21,"completion_tokens":1e400,"total_tokens":1e400,"cost":0.00002134}',
  floodLinesPerBatch: 20_000,
  floodBigEventBytes: 5_500_000,
  floodChunksPerSecond: 200,
  /** One flood-fast chunk: markdown with a paragraph break, so the answer grows by whole blocks. */
  floodChunk: 'Some **bold** words and `code` in a sentence that keeps going, then a list:\n\n- one\n- two\n\n',
  slowDeltaCount: 80,
  slowDeltaMs: 100,
  retryAfterSeconds: 7,
  httpErrors: {
    400: { code: 400, message: 'max_tokens must be a positive integer' },
    401: { code: 401, message: 'No auth credentials found' },
    402: { code: 402, message: 'Insufficient credits. Add more using https://openrouter.ai/credits' },
    403: { code: 403, message: 'Your input was flagged by moderation' },
    408: { code: 408, message: 'Request timed out' },
    429: { code: 429, message: 'Rate limit exceeded: free-models-per-min' },
    502: { code: 502, message: 'Provider returned error' },
    503: { code: 503, message: 'No available provider for this model' },
  } as Record<number, { code: number; message: string }>,
} as const;

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  origin: string | null;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface OpenAiTestServer {
  /** Base URL to configure, e.g. "http://127.0.0.1:40123/v1". */
  baseUrl: string;
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ALLOWED_HEADERS = 'Authorization, Content-Type, HTTP-Referer, X-Title';

function cors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  res.setHeader('Access-Control-Max-Age', '600');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function scenarioOf(body: unknown): Scenario {
  const record = (typeof body === 'object' && body !== null ? body : {}) as { model?: unknown; messages?: unknown };
  const model = typeof record.model === 'string' ? record.model : '';
  const fromModel = model.startsWith('test/') ? model.slice('test/'.length) : '';
  if ((SCENARIOS as readonly string[]).includes(fromModel)) return fromModel as Scenario;
  const messages = Array.isArray(record.messages) ? record.messages : [];
  const lastUser = [...messages].reverse().find((m) => typeof m === 'object' && m !== null && (m as { role?: unknown }).role === 'user') as
    | { content?: unknown }
    | undefined;
  const prompt = typeof lastUser?.content === 'string' ? lastUser.content : '';
  const match = /scenario:([a-z0-9-]+)/.exec(prompt);
  if (match && (SCENARIOS as readonly string[]).includes(match[1] ?? '')) return match[1] as Scenario;
  return 'ok';
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startOpenAiTestServer(): Promise<OpenAiTestServer> {
  const requests: RecordedRequest[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    cors(res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : null;
    requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization ?? null,
      origin: req.headers.origin ?? null,
      headers: { ...req.headers },
      body,
    });
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { code: 404, message: `No route for ${req.method} ${path}` } });
      return;
    }
    if (!req.headers.authorization?.startsWith('Bearer ') || req.headers.authorization.length <= 'Bearer '.length) {
      sendJson(res, 401, { error: { code: 401, message: 'No auth credentials found' } });
      return;
    }
    open.add(res);
    res.on('close', () => open.delete(res));
    try {
      await respond(req, res, body);
    } catch {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: 'test server failed' } });
      else res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('OpenAI test server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function respond(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  const scenario = scenarioOf(body);
  const request = (typeof body === 'object' && body !== null ? body : {}) as { model?: string; stream?: boolean };
  const model = request.model ?? 'unknown';

  const httpFailure = /^fail-(\d{3})$/.exec(scenario);
  if (httpFailure) {
    const status = Number(httpFailure[1]);
    const error = FIXTURE.httpErrors[status] ?? { code: status, message: 'failure' };
    sendJson(res, status, { error }, status === 429 ? { 'Retry-After': String(FIXTURE.retryAfterSeconds) } : {});
    return;
  }
  if (scenario === 'fail-502-html') {
    res.writeHead(502, { 'Content-Type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>');
    return;
  }

  if (request.stream !== true) {
    sendJson(res, 200, {
      id: 'gen-test-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      provider: FIXTURE.provider,
      choices: [{ index: 0, message: { role: 'assistant', content: FIXTURE.okText }, finish_reason: 'stop' }],
      usage: FIXTURE.usage,
    });
    return;
  }

  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  const base = { id: 'gen-test-1', object: 'chat.completion.chunk', created: 1_700_000_000, model, provider: FIXTURE.provider };
  const write = async (text: string, delayMs = 15) => {
    if (closed) return;
    res.write(text);
    await sleep(delayMs);
  };
  const delta = (d: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: d, finish_reason: finish }] })}\n\n`;
  const usageChunk = (usage: unknown) => `data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`;
  const keepAlive = ': OPENROUTER PROCESSING\n\n';

  await write(keepAlive, scenario === 'slow-start' ? 1500 : 60);
  await write(keepAlive, 60);
  await write(delta({ role: 'assistant', content: '' }), 10);

  switch (scenario) {
    case 'reasoning':
      for (const r of FIXTURE.reasoningDeltas) await write(delta({ reasoning: r }));
      await write(delta({ content: FIXTURE.reasoningAnswer }));
      await write(delta({}, 'stop'));
      await write(usageChunk(FIXTURE.reasoningUsage));
      break;
    case 'slow':
      for (let i = 0; i < FIXTURE.slowDeltaCount && !closed; i += 1) await write(delta({ content: `word${i} ` }), FIXTURE.slowDeltaMs);
      await write(delta({}, 'stop'));
      break;
    case 'html':
      await write(delta({ content: FIXTURE.htmlText }));
      await write(delta({}, 'stop'));
      await write(usageChunk(FIXTURE.usage));
      break;
    case 'stream-error':
      await write(delta({ content: FIXTURE.partialText }));
      await write(
        `data: ${JSON.stringify({ ...base, error: FIXTURE.streamError, choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }] })}\n\n`,
      );
      res.end();
      return;
    case 'drop':
      await write(delta({ content: FIXTURE.dropText }), 50);
      res.socket?.destroy();
      return;
    case 'ended-early':
      await write(delta({ content: FIXTURE.dropText }), 50);
      res.end();
      return;
    case 'absurd-usage':
      for (const d of FIXTURE.okDeltas) await write(delta({ content: d }));
      await write(delta({}, 'stop'));
      await write(`data: {"id":"gen-test-1","model":${JSON.stringify(model)},"choices":[],"usage":${FIXTURE.absurdUsageJson}}\n\n`);
      break;
    case 'flood-lines': {
      const batch = Array.from({ length: FIXTURE.floodLinesPerBatch }, (_, i) => `data: not json ${i}\n\n`).join('');
      while (!closed) {
        await write(delta({ content: 'still here ' }), 0);
        await write(batch, 100);
      }
      return;
    }
    case 'flood-big':
      await write(delta({ content: `${'Lorem ipsum dolor sit amet. '.repeat(FIXTURE.floodBigEventBytes / 28)}` }), 50);
      while (!closed) await write(delta({ content: ' and more' }), 20);
      return;
    case 'flood-fast':
      while (!closed) await write(delta({ content: FIXTURE.floodChunk }), 1000 / FIXTURE.floodChunksPerSecond);
      return;
    case 'bad-line':
      await write(delta({ content: FIXTURE.okDeltas[0] ?? '' }));
      await write(`data: ${FIXTURE.badLine}\n\n`);
      for (const d of FIXTURE.okDeltas.slice(1)) await write(delta({ content: d }));
      await write(delta({}, 'stop'));
      await write(usageChunk(FIXTURE.usage));
      break;
    default:
      for (const d of FIXTURE.okDeltas) await write(delta({ content: d }));
      await write(delta({}, scenario === 'length' ? 'length' : 'stop'));
      if (scenario === 'no-cost') {
        const { cost: _cost, ...withoutCost } = FIXTURE.usage;
        await write(usageChunk(withoutCost));
      } else if (scenario !== 'no-usage') {
        await write(usageChunk(FIXTURE.usage));
      }
  }
  await write('data: [DONE]\n\n', 0);
  res.end();
}

/** What sample-running tests share: the local server, and a scratch folder for the sample files. */
export interface SampleRunEnvironment {
  server: OpenAiTestServer;
  dir: string;
}

/**
 * Starts the server before the tests of the enclosing file or block and stops it after them. The
 * scratch folder is inside the repo (.tmp/), so that a sample's `import 'openai'` resolves from its
 * node_modules; it is removed afterwards.
 */
export function withSampleRunEnvironment(prefix: string): SampleRunEnvironment {
  const env = {} as SampleRunEnvironment;
  beforeAll(async () => {
    env.server = await startOpenAiTestServer();
    mkdirSync(path.join(process.cwd(), '.tmp'), { recursive: true });
    env.dir = mkdtempSync(path.join(process.cwd(), '.tmp', prefix));
  });
  afterAll(async () => {
    await env.server.close();
    rmSync(env.dir, { recursive: true, force: true });
  });
  return env;
}
