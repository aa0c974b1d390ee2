/** A model card in Chromium: copy-id button, KV-cache picker, lazy chart, accessibility, screenshots. */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, seriousAxeViolations, useSiteInChromium, VIEWPORTS } from '../support/browser.ts';

const MIXTRAL = '/models/mistralai/mixtral-8x7b-instruct/';
const MISTRAL_7B = '/models/mistralai/mistral-7b-instruct-v0.2/';
const TIERED = '/models/anthropic/claude-sonnet-4.5/';

const site = useSiteInChromium();

async function open(path: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const { context, page } = await site.newPage({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.url}${path}`);
  await page.waitForSelector('button.copy-button:not([hidden])');
  return { context, page, requests };
}

describe('model card', () => {
  it('copies the model id with the button and announces "Copied"', async () => {
    const { context, page } = await open(MIXTRAL);
    await page.click('button[data-copy-target="model-id"]');
    const status = page.locator('#model-id ~ .copy .copy-status');
    await expect.poll(() => status.textContent()).toBe('Copied');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('mistralai/mixtral-8x7b-instruct');
    await context.close();
  });

  it('copies with the keyboard too', async () => {
    const { context, page } = await open(MISTRAL_7B);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.focus('button[data-copy-target="model-id"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('mistralai/mistral-7b-instruct-v0.2');
    expect(await page.locator('#model-id ~ .copy .copy-status').textContent()).toBe('Copied');
    await context.close();
  });

  it('shows the KV cache for the context picked', async () => {
    const { context, page } = await open(MISTRAL_7B);
    await page.selectOption('#kv-context', '16384');
    expect(await page.textContent('[data-kv-picker] output')).toBe('2 GiB');
    await page.selectOption('#kv-context', '1024');
    expect(await page.textContent('[data-kv-picker] output')).toBe('128 MiB');
    await context.close();
  });

  it('loads chart code only when the price history scrolls into view', async () => {
    const { context, page, requests } = await open(MIXTRAL, { width: 1280, height: 300 });
    // Everything the page loads on its own has loaded once the network has gone quiet.
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => url.includes('price-history-chart'))).toEqual([]);
    await page.locator('[data-lazy-chart="price-history"]').scrollIntoViewIfNeeded();
    await expect.poll(() => requests.some((url) => url.includes('price-history-chart'))).toBe(true);
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-lazy-chart="price-history"] canvas')?.style.width ?? '') !== '');
    await context.close();
  });

  it('has no serious or critical accessibility violations on a seed card and on a card with tiers', async () => {
    for (const path of [MIXTRAL, TIERED]) {
      const { context, page } = await open(path);
      expect(await seriousAxeViolations(page), path).toEqual([]);
      await context.close();
    }
  });

  it('fits phone and desktop widths; screenshots of a seed card and a card with tiers', async () => {
    for (const [path, name] of [
      [MIXTRAL, 'card-mixtral'],
      [TIERED, 'card-tiers'],
    ] as const) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const { context, page } = await open(path, viewport);
        await page.locator('[data-lazy-chart="price-history"]').scrollIntoViewIfNeeded();
        await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-lazy-chart="price-history"] canvas')?.style.width ?? '') !== '');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${size}: page scrolls sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `${name}-${size}`);
        await context.close();
      }
    }
  });
});
