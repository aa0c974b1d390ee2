/**
 * Bytes and requests per page on first load: each page is opened in Chromium (phone viewport, as
 * Lighthouse's mobile run) from a static server over dist/, and every response until the network is
 * idle is recorded. What loads only after interaction (scrolling, clicks) is not counted.
 */
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../test/support/site.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { benchPages, type PageKind } from './pages.ts';

export { PAGE_KINDS } from './pages.ts';

export type AssetKind = 'html' | 'css' | 'js' | 'json' | 'image' | 'font' | 'other';

export interface ByteCount {
  raw: number;
  gzip: number;
  files: number;
}

export interface PageWeight {
  kind: PageKind;
  urlPath: string;
  exists: boolean;
  requests: number;
  bytes: Record<AssetKind, ByteCount>;
  total: ByteCount;
  /** Scripts loaded on first load, so "no JS on a card" can be checked by name and size. */
  scripts: { path: string; raw: number; gzip: number }[];
  failedRequests: string[];
}

export function assetKind(contentType: string, url: string): AssetKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return 'html';
  if (type === 'text/css') return 'css';
  if (type.includes('javascript') || /\.m?js(\?|$)/.test(url)) return 'js';
  if (type.includes('json')) return 'json';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('font/') || /\.woff2?(\?|$)/.test(url)) return 'font';
  return 'other';
}

const emptyCount = (): ByteCount => ({ raw: 0, gzip: 0, files: 0 });

export async function measurePages(distDir: string, dataDir: string): Promise<PageWeight[]> {
  const server = await serveStatic(distDir);
  const browser = await launchBrowser();
  const results: PageWeight[] = [];
  try {
    for (const page of benchPages(distDir, dataDir)) {
      const bytes = Object.fromEntries((['html', 'css', 'js', 'json', 'image', 'font', 'other'] as const).map((k) => [k, emptyCount()])) as Record<AssetKind, ByteCount>;
      const result: PageWeight = { ...page, requests: 0, bytes, total: emptyCount(), scripts: [], failedRequests: [] };
      results.push(result);
      if (!page.exists) continue;
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const tab = await context.newPage();
      const pending: Promise<void>[] = [];
      tab.on('requestfailed', (request) => result.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? 'failed'})`));
      tab.on('response', (response) => {
        pending.push(
          (async () => {
            const url = response.url();
            if (url.startsWith('data:')) return;
            const body = await response.body().catch(() => Buffer.alloc(0));
            const kind = assetKind(response.headers()['content-type'] ?? '', url);
            const gzip = gzipSync(body).length;
            result.requests += 1;
            for (const count of [bytes[kind], result.total]) {
              count.raw += body.length;
              count.gzip += gzip;
              count.files += 1;
            }
            if (kind === 'js') result.scripts.push({ path: new URL(url).pathname, raw: body.length, gzip });
          })(),
        );
      });
      await tab.goto(`${server.url}${page.urlPath}`, { waitUntil: 'load' });
      await tab.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
      await Promise.all(pending);
      result.scripts.sort((a, b) => a.path.localeCompare(b.path));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
