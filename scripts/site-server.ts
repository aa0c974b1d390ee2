/**
 * A static server for the built site, as a static host behaves: gzip for text, the site's 404 page for
 * what does not exist, and a 301 from a folder path without its trailing slash to the one with it
 * (Astro's `astro preview` answers those with a bare 404). Used by `npm start` and by the tests.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

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

/** The file a URL path names under `root`, or null when it would leave the site. */
export function fileForUrlPath(rootDir: string, urlPath: string): string | null {
  const root = path.resolve(rootDir);
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return null;
  }
  const candidate = path.join(root, clean);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) return path.join(candidate, 'index.html');
  return candidate;
}

export function createSiteServer(rootDir: string): Server {
  const root = path.resolve(rootDir);
  return createServer((req, res) => {
    const url = req.url ?? '/';
    const [pathname = '/', query] = url.split('?', 2);
    const file = fileForUrlPath(root, pathname);
    // A folder asked for without its slash: send the browser to the slashed URL, as static hosts do.
    if (file !== null && !pathname.endsWith('/') && file.endsWith(`${path.sep}index.html`) && existsSync(file) && !pathname.endsWith('index.html')) {
      res.writeHead(301, { location: `${pathname}/${query === undefined ? '' : `?${query}`}` });
      res.end();
      return;
    }
    if (file === null || !existsSync(file) || statSync(file).isDirectory()) {
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
}
