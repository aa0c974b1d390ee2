/** Helpers for tests that read the built site: HTML through cheerio, and a static server for Chromium. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
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
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  const candidate = path.join(root, clean);
  if (!candidate.startsWith(root)) throw new Error(`path escapes the site: ${urlPath}`);
  if (existsSync(candidate) && statSync(candidate).isDirectory()) return path.join(candidate, 'index.html');
  return candidate;
}

/** Whitespace-normalized text, since compressHTML removes spaces between inline elements. */
export function text(el: { text(): string }): string {
  return el.text().replace(/\s+/g, ' ').trim();
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built site on 127.0.0.1 with a random port, gzip-compressed like a static host. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const file = fileForUrlPath(root, req.url ?? '/');
    if (!existsSync(file) || statSync(file).isDirectory()) {
      const notFound = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': CONTENT_TYPES['.html'] });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const body = readFileSync(file);
    // Compress text as every static host does, so page-speed figures match a real deployment.
    if (/^(text|application\/(json|xml))|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipSync(body));
      return;
    }
    res.writeHead(200, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
