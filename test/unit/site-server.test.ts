/** `npm start`'s static server: folder paths without a slash redirect, files are served, the rest gets the site's 404 page. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../../scripts/site-server.ts';

let root = '';
let server: Server;
let base = '';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'site-server-'));
  mkdirSync(path.join(root, 'models/mistralai/mixtral-8x7b-instruct'), { recursive: true });
  mkdirSync(path.join(root, 'api'), { recursive: true });
  writeFileSync(path.join(root, 'models/mistralai/mixtral-8x7b-instruct/index.html'), '<h1>card</h1>');
  writeFileSync(path.join(root, 'api/models.json'), '{"models":[]}');
  writeFileSync(path.join(root, '404.html'), '<h1>Not found on Model Atlas</h1>');
  server = createSiteServer(root);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

const get = (p: string) => fetch(`${base}${p}`, { redirect: 'manual' });

describe('the site server', () => {
  it('redirects a page path without its trailing slash to the one with it, keeping the query', async () => {
    const response = await get('/models/mistralai/mixtral-8x7b-instruct?x=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/models/mistralai/mixtral-8x7b-instruct/?x=1');
    expect(await (await get('/models/mistralai/mixtral-8x7b-instruct/')).text()).toBe('<h1>card</h1>');
  });

  it('serves files as they are, JSON with its type', async () => {
    const response = await get('/api/models.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ models: [] });
  });

  it('answers what does not exist, or would leave the site, with the site\'s 404 page', async () => {
    for (const p of ['/models/nobody/nothing', '/..%2f..%2fetc/passwd', '/%E0%A4%A']) {
      const response = await get(p);
      expect(response.status, p).toBe(404);
      expect(await response.text(), p).toContain('Not found on Model Atlas');
    }
  });
});
