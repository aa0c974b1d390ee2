/**
 * /value/ in Chromium: the answer names the cheapest model at or above the index threshold, checked
 * against a reference computed here from the raw models.json and offers.json with the independent
 * reference pricing; workload and threshold from the URL; the chart labels points from the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousAxeViolations, VIEWPORTS } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/site.ts';
import { siteWithOffers, type OffersSite } from '../support/offers-site.ts';
import { referenceCost } from '../support/reference-pricing.ts';

let site: OffersSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await siteWithOffers();
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(site.dist)]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.close();
});

interface Usage {
  promptTokens: number;
  cacheReadTokens?: number;
  completionTokens: number;
}

/** Per model with an index: the cheapest listed offer's cost for the usage, and the providers at that cost. */
function reference(usage: Usage, includeFree = false) {
  const providerName = new Map(site.offers.providers.map((p) => [p.id, p.name]));
  const rows: { name: string; index: number; cost: bigint; providers: string[] }[] = [];
  for (const model of site.models) {
    const index = model.quality?.intelligenceIndex;
    if (!model.listed || index === null || index === undefined) continue;
    const costs: { provider: string; cost: bigint }[] = [];
    for (const offer of site.offers.offers.filter((o) => o.modelId === model.id && o.listed)) {
      try {
        costs.push({ provider: providerName.get(offer.providerId) ?? offer.providerId, cost: referenceCost(offer.pricing, usage) });
      } catch {
        // A variable price has no reference cost; the page leaves such offers out of the ranking too.
      }
    }
    // Free offers count only when asked for (free=1); the page leaves them out by default.
    if (!includeFree) costs.splice(0, costs.length, ...costs.filter((c) => c.cost > 0n));
    if (costs.length === 0) continue;
    const cost = costs.reduce((min, c) => (c.cost < min ? c.cost : min), costs[0]!.cost);
    rows.push({ name: model.displayName, index, cost, providers: costs.filter((c) => c.cost === cost).map((c) => c.provider) });
  }
  return rows;
}

/** The models that may be named for a threshold: the cheapest at or above it (all of them on a tie). */
function expectedAnswers(usage: Usage, threshold: number, includeFree = false) {
  const eligible = reference(usage, includeFree).filter((r) => r.index >= threshold);
  if (eligible.length === 0) return [];
  const lowest = eligible.reduce((min, r) => (r.cost < min ? r.cost : min), eligible[0]!.cost);
  return eligible.filter((r) => r.cost === lowest);
}

async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return { page, close: () => context.close() };
}

function checkAnswer(sentence: string, usage: Usage, threshold: number, includeFree = false): void {
  const expected = expectedAnswers(usage, threshold, includeFree);
  if (expected.length === 0) {
    expect(sentence).toContain('no model with');
    return;
  }
  const named = expected.find((r) => sentence.includes(` is ${r.name} (index ${r.index})`));
  expect(named, `"${sentence}" names none of ${expected.map((r) => r.name).join(', ')}`).toBeDefined();
  expect(named!.providers.some((p) => sentence.endsWith(`from ${p}.`)), `${sentence} / ${named!.providers.join(', ')}`).toBe(true);
}

const CHAT = { promptTokens: 1000, completionTokens: 500 };
// The "RAG query" preset: 16,000 tokens in, a fifth of them read from cache, 600 out.
const RAG = { promptTokens: 16_000, cacheReadTokens: 3_200, completionTokens: 600 };

describe('/value/', () => {
  it('names the cheapest model at or above the default threshold in the server-rendered page', async () => {
    const { page, close } = await open('/value/', { javaScriptEnabled: false });
    const threshold = Number(await page.locator('input[name="min"]').inputValue());
    checkAnswer(await page.locator('[data-value-answer]').innerText(), CHAT, threshold);
    const rows = await page.locator('[data-value-table] tbody tr').count();
    expect(rows).toBe(reference(CHAT).length);
    await close();
  });

  it('answers for the workload and threshold in the URL, at the lowest, middle and highest index the data holds', async () => {
    const indices = reference(RAG).map((r) => r.index).sort((a, b) => a - b);
    expect(indices.length).toBeGreaterThan(1);
    for (const threshold of [0, indices[Math.floor(indices.length / 2)]!, indices.at(-1)!, indices.at(-1)! + 1]) {
      const { page, close } = await open(`/value/?preset=rag&min=${threshold}`);
      await expect.poll(() => page.locator('input[name="in"]').inputValue(), { timeout: 15_000 }).toBe('16000');
      await expect.poll(() => page.locator('[data-value-answer]').innerText(), { timeout: 15_000 }).toContain(`at least ${threshold}`);
      checkAnswer(await page.locator('[data-value-answer]').innerText(), RAG, threshold);
      await close();
    }
  });

  it('counts free offers only when the link asks for them', async () => {
    const { page, close } = await open('/value/?preset=chat&min=0&free=1');
    await expect.poll(() => page.locator('input[name="free"]').isChecked(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-value-answer]').innerText(), { timeout: 15_000 }).toContain('at least 0');
    checkAnswer(await page.locator('[data-value-answer]').innerText(), CHAT, 0, true);
    await close();
  });

  it('updates the answer and the URL when the threshold is typed', async () => {
    const top = Math.max(...reference(CHAT).map((r) => r.index));
    const { page, close } = await open('/value/');
    await page.locator('input[name="min"]').fill(String(top));
    await expect.poll(() => page.locator('[data-value-answer]').innerText(), { timeout: 15_000 }).toContain(`at least ${top}`);
    checkAnswer(await page.locator('[data-value-answer]').innerText(), CHAT, top);
    await expect.poll(() => new URL(page.url()).searchParams.get('min'), { timeout: 15_000 }).toBe(String(top));
    await close();
  });

  it('labels a point when the focused chart gets an arrow key', async () => {
    const { page, close } = await open('/value/');
    const canvas = page.locator('[data-value-chart] canvas');
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-value-chart] canvas')?.style.width ?? '') !== '');
    const before = await canvas.getAttribute('aria-label');
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    const plotted = reference(CHAT).filter((r) => r.cost > 0n).map((r) => r.name);
    await expect.poll(() => canvas.getAttribute('aria-label'), { timeout: 15_000 }).not.toBe(before);
    const label = (await canvas.getAttribute('aria-label')) ?? '';
    expect(plotted.some((name) => label.startsWith(`${name}: index`)), label).toBe(true);
    await close();
  });

  it('has no serious accessibility violations; screenshots at phone and desktop widths', async () => {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const { page, close } = await open('/value/', { viewport });
      await page.locator('[data-value-chart] canvas').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-value-chart] canvas')?.style.width ?? '') !== '');
      expect(await seriousAxeViolations(page), size).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `value at ${size}: page scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, `value-${size}`);
      await close();
    }
  }, 240_000);
});
