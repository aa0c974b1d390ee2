/** Chromium for browser tests: Debian's build, launched with the flags this closed network needs. */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { distDir, serveStatic, type StaticServer } from './site.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright gives every launch a fresh, empty profile of its own (it refuses --user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

export interface SiteInChromium {
  readonly browser: Browser;
  /** The built site's origin, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /**
   * A page in a context of its own (axe-core's builder refuses pages made by browser.newPage()),
   * desktop-sized unless `options` say otherwise. Closing the context is the caller's.
   */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Serves the built site and launches Chromium before the calling file's tests, and closes both after
 * them. Call it at the top level of a test file; its members are there once the tests run.
 */
export function useSiteInChromium(): SiteInChromium {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), serveStatic(distDir())]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!browser || !server) throw new Error('The site and Chromium start in beforeAll: use them inside a test or a later hook.');
    return { browser, server };
  };
  return {
    get browser() {
      return started().browser;
    },
    get url() {
      return started().server.url;
    },
    async newPage(options = {}) {
      const context = await started().browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
      return { context, page: await context.newPage() };
    },
  };
}

/** Axe violations that matter: serious or critical, described so a failing test says what to fix. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Screenshots go to test-results/screenshots/ for people to look at; tests never compare pixels. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('test-results', 'screenshots', `${name}.png`), fullPage: true });
}
