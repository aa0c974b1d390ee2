import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as z from 'zod/mini';
import { FetchJsonError, fetchJson } from '../../src/lib/browser/fetch-json.ts';
import ErrorBoundary from '../../src/components/ErrorBoundary.tsx';

const Listing = z.object({ asOf: z.string(), models: z.array(z.object({ id: z.string(), contextLength: z.number() })) });

const BODIES: Record<string, { status: number; body: string }> = {
  '/good.json': { status: 200, body: '{"asOf":"2026-01-29","models":[{"id":"a/b","contextLength":32768}]}' },
  '/truncated.json': { status: 200, body: '{"asOf":"2026-01-29","models":[{"id":"a/b"' },
  '/wrong-field.json': { status: 200, body: '{"asOf":"2026-01-29","models":[{"id":"a/b","contextLength":1},{"id":"c/d","contextLength":"32K"}]}' },
  '/missing.json': { status: 404, body: 'not found' },
};

let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = BODIES[req.url ?? ''] ?? { status: 404, body: '' };
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(path: string): Promise<FetchJsonError> {
  const error = await fetchJson(origin + path, Listing).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchJsonError)) throw new Error(`expected a FetchJsonError for ${path}, got ${String(error)}`);
  return error;
}

describe('fetchJson', () => {
  it('returns the parsed data when it matches the schema', async () => {
    await expect(fetchJson(origin + '/good.json', Listing)).resolves.toEqual({ asOf: '2026-01-29', models: [{ id: 'a/b', contextLength: 32768 }] });
  });

  it('names the file and says it is not JSON when the body is cut off', async () => {
    const error = await failure('/truncated.json');
    expect(error.kind).toBe('not-json');
    expect(error.message).toContain(`${origin}/truncated.json: is not valid JSON`);
  });

  it('names the file, the entry and the field when the data does not match', async () => {
    const error = await failure('/wrong-field.json');
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/wrong-field\.json: unexpected data: models\.1\.contextLength: expected number$/);
  });

  it('gives the HTTP status of a failed response', async () => {
    const error = await failure('/missing.json');
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.message).toContain('HTTP 404');
  });

  it('says the file could not be fetched when nothing answers', async () => {
    const error = await fetchJson('http://127.0.0.1:1/none.json', Listing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchJsonError);
    expect((error as FetchJsonError).kind).toBe('network');
  });
});

describe('ErrorBoundary', () => {
  it('renders its children while nothing fails', () => {
    const html = renderToStaticMarkup(createElement(ErrorBoundary, { label: 'The comparison', children: createElement('p', null, 'table') }));
    expect(html).toBe('<p>table</p>');
  });

  it('replaces a failed island with an alert that says what failed and what to do', () => {
    const boundary = new ErrorBoundary({ label: 'The comparison', children: null });
    boundary.state = ErrorBoundary.getDerivedStateFromError(new TypeError("Cannot read properties of undefined (reading 'input')"));
    const html = renderToStaticMarkup(boundary.render() as React.ReactElement);
    expect(html).toContain('role="alert"');
    expect(html).toContain('The comparison stopped working: Cannot read properties of undefined (reading &#x27;input&#x27;)');
    expect(html).toContain('Reload the page to try again.');
  });
});
