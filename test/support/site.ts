/** Helpers for tests that read the built site: HTML through cheerio, and a static server for Chromium. */
import { readFileSync } from 'node:fs';
import { createSiteServer, fileForUrlPath as siteFile } from '../../scripts/site-server.ts';
import { inject } from 'vitest';
import * as cheerio from 'cheerio';

export function distDir(): string {
  return inject('distDir');
}

/** Loads a built page by its URL path ("/models/mistralai/mixtral-8x7b-instruct/"). */
export function loadPage(urlPath: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(fileForUrlPath(distDir(), urlPath), 'utf8'));
}

export function fileForUrlPath(root: string, urlPath: string): string {
  const file = siteFile(root, urlPath);
  if (file === null) throw new Error(`path escapes the site: ${urlPath}`);
  return file;
}

/** Whitespace-normalized text, since compressHTML removes spaces between inline elements. */
export function text(el: { text(): string }): string {
  return el.text().replace(/\s+/g, ' ').trim();
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 with a random port, as `npm start` does (gzip, 404 page, slash redirects). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = createSiteServer(root);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
