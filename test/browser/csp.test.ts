/**
 * The Content-Security-Policy in Chromium: it is in force (an injected inline script is refused and
 * reported), and every page still works under it (no violation while loading, hydrating and using
 * the islands). `_headers` carries the same policy for hosts that send headers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HEADER_ONLY_DIRECTIVES, pagePolicy } from '../../src/lib/security/csp.ts';
import { useSiteInChromium } from '../support/browser.ts';
import { distDir, fileForUrlPath } from '../support/site.ts';

const site = useSiteInChromium();

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** Records securitypolicyviolation events from the first script on, and CSP console messages. */
async function openRecording(urlPath: string): Promise<{ page: Page; violations: () => Promise<Violation[]>; console: string[]; close(): Promise<void> }> {
  const { context, page } = await site.newPage();
  await context.addInitScript(() => {
    const seen: { directive: string; blocked: string; sample: string }[] = [];
    (window as { __csp?: typeof seen }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/content security policy/i.test(m.text())) messages.push(m.text());
  });
  await page.goto(`${site.url}${urlPath}`, { waitUntil: 'networkidle' });
  return {
    page,
    console: messages,
    violations: () => page.evaluate(() => (window as { __csp?: Violation[] }).__csp ?? []),
    close: () => context.close(),
  };
}

/** Brings each island not yet hydrated into view (client:visible), until every one has hydrated. */
async function hydrateAll(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      // An island is display: contents, so its first element is what scrolls into view; islands
      // inside something closed (a collapsed <details>) hydrate only when opened.
      const waiting = [...document.querySelectorAll('astro-island[ssr]')]
        .map((island) => island.firstElementChild)
        .find((element) => element !== null && element.getClientRects().length > 0);
      waiting?.scrollIntoView({ block: 'center' });
      return waiting === undefined;
    },
    undefined,
    { timeout: 30_000, polling: 100 },
  );
  await page.waitForLoadState('networkidle');
}

const firstCard = '/models/mistralai/mistral-nemo/';

/** The pages to check: each that this build has (some land with other work). */
function pagesToCheck(): string[] {
  const candidates = [
    '/',
    firstCard,
    '/compare/',
    // A static compare page: the charts' canvases are sized in style attributes.
    '/compare/openai-o3-mini-vs-openai-o1-mini/',
    '/calculator/',
    '/playground/',
    '/about/',
    '/providers/',
    '/value/',
    '/retired/',
    '/authors/',
    '/api/',
  ];
  return candidates.filter((p) => existsSync(fileForUrlPath(distDir(), p)));
}

describe('content security policy', () => {
  it('is in force: an injected inline script does not run and is reported', async () => {
    const session = await openRecording('/');
    const ran = await session.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      return (window as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(session.violations).toContainEqual(expect.objectContaining({ directive: 'script-src-elem', blocked: 'inline' }));
    // An image from another origin is refused too: only this site and data: URLs.
    await session.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://images.example/pixel.png';
      document.body.append(img);
    });
    await expect.poll(session.violations).toContainEqual(expect.objectContaining({ directive: 'img-src', blocked: 'https://images.example/pixel.png' }));
    await session.close();
  });

  it('lets every page load and hydrate its islands without a violation', async () => {
    const pages = pagesToCheck();
    expect(pages).toEqual(expect.arrayContaining(['/', firstCard, '/compare/', '/calculator/', '/playground/', '/about/']));
    for (const urlPath of pages) {
      const session = await openRecording(urlPath);
      await hydrateAll(session.page);
      expect({ page: urlPath, violations: await session.violations(), console: session.console }).toEqual({ page: urlPath, violations: [], console: [] });
      await session.close();
    }
  }, 240_000);

  it('lets the islands work: a compare table, a calculator token count and a card chart', async () => {
    const checks: [string, (page: Page) => Promise<void>][] = [
      ['/compare/?models=mistralai/mistral-nemo,mistralai/mixtral-8x7b-instruct', (page) => page.locator('table').first().waitFor()],
      [
        '/calculator/',
        async (page) => {
          // A real tokenizer, loaded on demand: a chunk from this site, no eval.
          await page.getByText('Count tokens of a text').click();
          await page.getByLabel('Paste a prompt or a typical answer').fill('Count these words, please.');
          for (const counter of ['o200k', 'llama3']) await page.locator(`[data-testid="calc-token-counts"] tr[data-counter="${counter}"] button`).first().click();
          await page.locator('[data-testid="calc-token-counts"] tr[data-counter="llama3"] td[data-count]').waitFor({ timeout: 30_000 });
        },
      ],
      [firstCard, (page) => page.locator('canvas').first().waitFor()],
    ];
    for (const [urlPath, use] of checks) {
      if (!existsSync(fileForUrlPath(distDir(), urlPath))) continue;
      const session = await openRecording(urlPath);
      await hydrateAll(session.page);
      await use(session.page);
      expect({ page: urlPath, violations: await session.violations(), console: session.console }).toEqual({ page: urlPath, violations: [], console: [] });
      await session.close();
    }
  });

  it('is the same policy in _headers as in every page, with what only a header can carry', () => {
    const headers = readFileSync(path.join(distDir(), '_headers'), 'utf8');
    const policy = pagePolicy(readFileSync(fileForUrlPath(distDir(), '/'), 'utf8'));
    const directive = (name: string) => policy?.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
    // Scripts: this site's files and hashed inline loaders only.
    expect(directive('script-src')).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+$/);
    expect(directive('style-src')).not.toMatch(/unsafe/);
    expect(directive('style-src-attr')).toBe("style-src-attr 'unsafe-inline'");
    for (const directive of ["img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "form-action 'self'", 'connect-src ']) expect(policy).toContain(directive);
    const expected = `${policy?.trim().replace(/;+$/, '')}; ${HEADER_ONLY_DIRECTIVES.join('; ')}`;
    expect(headers).toBe(`/*\n  Content-Security-Policy: ${expected}\n`);
  });
});
