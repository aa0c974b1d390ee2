/**
 * XSS payloads in upstream text, loaded in Chromium with a window hook that counts executions:
 *   1. every payload through src/lib/format/markdown.ts renderDescription, on one page;
 *   2. when the site has model cards: a fixture catalog whose descriptions and names carry the payloads,
 *      built with astro, each affected card and the catalog page loaded.
 * Every element is then hovered and focused (event-handler payloads), and links whose resolved URL
 * is javascript:, data: or vbscript: are counted as executions-on-click.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../test/support/site.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { renderDescription } from '../src/lib/format/markdown.ts';
import { realTemplates } from './synthetic-catalog.ts';
import { buildSite, normalizeWithCli, PROJECT_ROOT, type PreparedCatalog } from './measure-build.ts';
import { modelPath, toSlug } from '../src/lib/format/slug.ts';
import { errorExcerpt } from './process.ts';

export const XSS_PAYLOADS: readonly string[] = [
  '<script>__xss(1)</script>',
  '<img src=x onerror="__xss(2)">',
  '<svg onload="__xss(3)"></svg>',
  '[click](javascript:__xss(4))',
  '[click](JaVaScRiPt:__xss(5))',
  '[click](&#106;avascript:__xss(6))',
  '![x](javascript:__xss(7))',
  '<a href="javascript:__xss(8)">x</a>',
  '<iframe src="javascript:__xss(9)"></iframe>',
  '[x](data:text/html,<script>__xss(10)</script>)',
  '<details open ontoggle="__xss(11)">x</details>',
  '"><img src=x onerror=__xss(12)>',
  "'><svg/onload=__xss(13)>",
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(14)>',
  '[x](https://example.com" onmouseover="__xss(15))',
  '[x](https://example.com "t\\" onmouseover=\\"__xss(16)")',
  '`<img src=x onerror=__xss(17)>`',
  '<javascript:__xss(18)>',
  '[x](vbscript:__xss(19))',
  '<input autofocus onfocus=__xss(20)>',
  '<object data="javascript:__xss(21)"></object>',
  '<x onmouseover=__xss(22)>hover</x>',
  '[ref][bad]\n\n[bad]: javascript:__xss(23)',
  '</code></pre><script>__xss(24)</script>',
  '<video><source onerror="__xss(25)"></video>',
  "{{constructor.constructor('__xss(26)')()}}",
  '[x](/models/../../javascript:__xss(27))',
  '[x](//javascript:__xss(28))',
  '<a href="/models/a/b" onclick=__xss(29)>x</a>',
  '[x](java\tscript:__xss(30))',
  '<style>@import "javascript:__xss(31)";</style>',
  '<form><button formaction="javascript:__xss(32)">x</button></form>',
];

export interface XssPageResult {
  page: string;
  loaded: boolean;
  executions: number;
  dangerousLinks: number;
}

export interface XssResult {
  payloads: number;
  pages: XssPageResult[];
  executions: number;
  dangerousLinks: number;
  /** Whether built card pages were part of it, or only the markdown renderer. */
  cardsTested: boolean;
  notes: string[];
}

function probe(): void {
  const hits: number[] = [];
  (window as unknown as { __xssHits: number[] }).__xssHits = hits;
  (window as unknown as { __xss: (n: number) => void }).__xss = (n) => hits.push(n);
  for (const name of ['alert', 'confirm', 'prompt'] as const) (window as unknown as Record<string, () => void>)[name] = () => hits.push(-1);
}

async function checkPage(browser: Browser, url: string, label: string): Promise<XssPageResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.addInitScript(probe);
  const response = await page.goto(url, { waitUntil: 'load' }).catch(() => null);
  if (!response || response.status() !== 200) {
    await context.close();
    return { page: label, loaded: false, executions: 0, dangerousLinks: 0 };
  }
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  const dangerousLinks = await page.evaluate(() => {
    let count = 0;
    for (const element of Array.from(document.querySelectorAll('[href], [src], [action], [formaction], [data]'))) {
      for (const attribute of ['href', 'src', 'action', 'formaction', 'data']) {
        const value = element.getAttribute(attribute);
        if (value === null) continue;
        try {
          if (['javascript:', 'data:', 'vbscript:'].includes(new URL(value, document.baseURI).protocol)) count += 1;
        } catch {
          // Not a URL at all: nothing to execute.
        }
      }
    }
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle']) element.dispatchEvent(new Event(type));
    }
    return count;
  });
  await page.waitForTimeout(200);
  const hits = await page.evaluate(() => (window as unknown as { __xssHits?: number[] }).__xssHits?.length ?? 0);
  await context.close();
  return { page: label, loaded: true, executions: hits + dialogs, dangerousLinks };
}

const NO_TARGETS = { modelPath: () => undefined, authorPath: () => undefined };

export async function measureXss(workDir: string, nice: number, log: (m: string) => void): Promise<XssResult> {
  const result: XssResult = { payloads: XSS_PAYLOADS.length, pages: [], executions: 0, dangerousLinks: 0, cardsTested: false, notes: [] };
  const markdownDir = path.join(workDir, 'xss-markdown');
  mkdirSync(markdownDir, { recursive: true });
  const blocks = XSS_PAYLOADS.map((payload, i) => `<section id="p${i + 1}">${renderDescription(payload, NO_TARGETS)}</section>`).join('\n');
  writeFileSync(path.join(markdownDir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>xss</title></head><body>${blocks}</body></html>`);

  const browser = await launchBrowser();
  try {
    const markdownServer = await serveStatic(markdownDir);
    result.pages.push(await checkPage(browser, `${markdownServer.url}/`, 'renderDescription (all payloads)'));
    await markdownServer.close();

    const catalog = await xssCatalog(workDir, nice);
    log('  building the site from a fixture catalog with XSS payloads in names and descriptions');
    const build = await buildSite(catalog.prepared, path.join(workDir, 'dist-xss'), nice);
    if (!build.ok) {
      result.notes.push(`the XSS fixture site did not build: ${build.error}`);
    } else {
      const server = await serveStatic(build.distDir);
      result.pages.push(await checkPage(browser, `${server.url}/`, 'catalog page'));
      for (const id of catalog.ids) {
        const page = await checkPage(browser, `${server.url}${modelPath(toSlug(id))}`, `card ${id}`);
        if (page.loaded) result.cardsTested = true;
        result.pages.push(page);
      }
      await server.close();
      if (!result.cardsTested) result.notes.push('the built site has no model card pages yet; cards were not tested');
    }
  } finally {
    await browser.close();
  }
  result.pages = result.pages.filter((p) => p.loaded || !p.page.startsWith('card ') || result.cardsTested);
  result.executions = result.pages.reduce((sum, p) => sum + p.executions, 0);
  result.dangerousLinks = result.pages.reduce((sum, p) => sum + p.dangerousLinks, 0);
  return result;
}

/** Three real models whose names and descriptions carry the payloads (one per line of the description). */
async function xssCatalog(workDir: string, nice: number): Promise<{ prepared: PreparedCatalog; ids: string[] }> {
  const rawDir = path.join(workDir, 'xss-raw');
  const dataDir = path.join(workDir, 'xss-data');
  const templates = realTemplates(path.join(PROJECT_ROOT, 'data', 'raw')).filter((t) => !t.id.includes(':')).slice(0, 3);
  const chunk = Math.ceil(XSS_PAYLOADS.length / templates.length);
  const entries = templates.map((t, i) => ({
    ...t,
    id: `xss-lab/${t.id.split('/')[1]}`,
    name: `XSS Lab: <img src=x onerror=__xss(100)> ${t.name}`,
    description: XSS_PAYLOADS.slice(i * chunk, (i + 1) * chunk).join('\n\n'),
  }));
  mkdirSync(path.join(rawDir, 'openrouter'), { recursive: true });
  writeFileSync(path.join(rawDir, 'openrouter', 'openrouter-models-2026-01-29.json'), JSON.stringify({ data: entries }));
  const run = await normalizeWithCli(rawDir, dataDir, nice);
  if (run.exitCode !== 0 || !existsSync(path.join(dataDir, 'models.json'))) throw new Error(`normalizing the XSS fixture failed:\n${errorExcerpt(run.stderr)}`);
  return {
    prepared: { label: 'xss fixture', models: entries.length, listed: entries.length, rawDir, dataDir, normalize: run },
    ids: entries.map((e) => e.id),
  };
}
