/**
 * The Mixtral 8x7B Instruct card's providers table in Chromium: every offer the data holds with its
 * sources, Mistral's own and OpenRouter's retired prices (published figures), the cheapest current
 * offer marked in words, sorting by mouse and keyboard, and the table without JavaScript. Expected
 * values come from the raw offers.json and the independent reference pricing in test/support.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousAxeViolations, VIEWPORTS } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/site.ts';
import { CHAT_TURN, expectedPerMillion, isPlainDecimal, siteWithOffers, SOURCE_NAMES_IN_WORDS, type Offer, type OffersSite } from '../support/offers-site.ts';
import { referenceCost, scaled } from '../support/reference-pricing.ts';

const MIXTRAL = 'mistralai/mixtral-8x7b-instruct';
const CARD = '/models/mistralai/mixtral-8x7b-instruct/';

let site: OffersSite;
let server: StaticServer;
let browser: Browser;
let offers: Offer[];

beforeAll(async () => {
  site = await siteWithOffers();
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(site.dist)]);
  offers = site.offers.offers.filter((o) => o.modelId === MIXTRAL);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.close();
});

async function open(options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}${CARD}`);
  return { page, close: () => context.close() };
}

const rowIds = (page: Page, table: string) => page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-offer-id')));

describe('the Mixtral 8x7B Instruct providers table', () => {
  it('shows Mistral\'s own offer at $0.70/$0.70 per M and OpenRouter\'s retired offer at $0.54/$0.54', async () => {
    const { page, close } = await open();
    const mistral = page.locator('.offers-table tr[data-offer-id="mistral/open-mixtral-8x7b"]');
    expect((await mistral.locator('td[data-price="input"]').innerText()).split('\n')[0]).toBe('$0.70/M');
    expect((await mistral.locator('td[data-price="output"]').innerText()).split('\n')[0]).toBe('$0.70/M');
    expect(await mistral.locator('th a').innerText()).toBe('Mistral');
    const openrouter = page.locator('.retired-offers-table tr[data-offer-id="openrouter/mistralai/mixtral-8x7b-instruct"]');
    expect((await openrouter.locator('td[data-price="input"]').innerText()).split('\n')[0]).toBe('$0.54/M');
    expect((await openrouter.locator('td[data-price="output"]').innerText()).split('\n')[0]).toBe('$0.54/M');
    await close();
  });

  it('lists every offer the data holds, current and retired apart, each with its prices, sources and dates', async () => {
    const { page, close } = await open();
    expect(offers.length).toBeGreaterThan(1);
    expect((await rowIds(page, '.offers-table')).sort()).toEqual(offers.filter((o) => o.listed).map((o) => o.id).sort());
    expect((await rowIds(page, '.retired-offers-table')).sort()).toEqual(offers.filter((o) => !o.listed).map((o) => o.id).sort());
    for (const offer of offers) {
      const row = page.locator(`tr[data-offer-id="${offer.id.replace(/"/g, '\\"')}"]`);
      expect(await row.locator('.provider-model-id').innerText(), offer.id).toBe(offer.providerModelId);
      for (const side of ['input', 'output'] as const) {
        const price = offer.pricing.perMillionTokens[side];
        if (isPlainDecimal(price)) expect((await row.locator(`td[data-price="${side}"]`).innerText()).split('\n')[0], `${offer.id} ${side}`).toBe(expectedPerMillion(price));
      }
      const sources = await row.locator('.sources-cell .source').evaluateAll((spans) => spans.map((s) => ({ name: s.querySelector('a')?.textContent, date: s.querySelector('time')?.getAttribute('datetime') })));
      // Each source and date once, in the order the data lists its statements.
      const stated = [...new Map(offer.statements.map((s) => [`${s.source} ${s.date}`, { name: SOURCE_NAMES_IN_WORDS[s.source], date: s.date }])).values()];
      expect(sources, offer.id).toEqual(stated);
    }
    await close();
  });

  it('says where sources disagree, with each source\'s figure', async () => {
    const { page, close } = await open();
    const disagreeing = offers.filter((o) => o.disagreements.some((d) => d.dimension === 'perMillionTokens.output'));
    for (const offer of disagreeing) {
      const cell = await page.locator(`tr[data-offer-id="${offer.id}"] td[data-price="output"]`).innerText();
      const dimension = offer.disagreements.find((d) => d.dimension === 'perMillionTokens.output')!;
      expect(cell).toContain('Sources disagree');
      for (const value of dimension.values) expect(cell).toContain(`${SOURCE_NAMES_IN_WORDS[value.source]} ${value.value === null ? 'states none' : expectedPerMillion(value.value)}`);
    }
    await close();
  });

  it('puts the cheapest current offer for a chat turn first and marks it "Cheapest" in words', async () => {
    const priced = offers.filter((o) => o.listed && isPlainDecimal(o.pricing.perMillionTokens.input) && isPlainDecimal(o.pricing.perMillionTokens.output));
    const costs = priced.map((o) => ({ id: o.id, cost: referenceCost(o.pricing, CHAT_TURN) }));
    const lowest = costs.reduce((min, c) => (c.cost < min ? c.cost : min), costs[0]!.cost);
    const cheapest = costs.filter((c) => c.cost === lowest).map((c) => c.id).sort();
    const { page, close } = await open();
    const marked = await page.locator('.offers-table tbody tr').evaluateAll((rows) => rows.filter((r) => /\bCheapest\b/.test(r.querySelector('th')?.textContent ?? '')).map((r) => r.getAttribute('data-offer-id')));
    expect(marked.sort()).toEqual(cheapest);
    const order = (await rowIds(page, '.offers-table')) as string[];
    expect(cheapest).toContain(order[0]);
    const costOf = new Map(costs.map((c) => [c.id, c.cost]));
    const rankedCosts = order.map((id) => costOf.get(id)).filter((c) => c !== undefined);
    expect(rankedCosts).toEqual([...rankedCosts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await close();
  });

  it('sorts by a column heading with the mouse and the keyboard, and says so in aria-sort', async () => {
    const { page, close } = await open();
    const inputOf = new Map(offers.map((o) => [o.id, o.pricing.perMillionTokens.input]));
    const inputs = async () => ((await rowIds(page, '.offers-table')) as string[]).map((id) => inputOf.get(id)).filter(isPlainDecimal).map(scaled);
    const header = page.locator('.offers-table th[data-sort-key="input"]');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await inputs();
    expect(ascending).toEqual([...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = await inputs();
    expect(descending).toEqual([...descending].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
    expect(await page.locator('.offers-table th[data-sort-key="cost"]').getAttribute('aria-sort')).toBeNull();
    await close();
  });

  it('shows the same table, cheapest first, without JavaScript', async () => {
    const { page, close } = await open({ javaScriptEnabled: false });
    const first = page.locator('.offers-table tbody tr').first();
    expect(await first.locator('th').innerText()).toContain('Cheapest');
    expect(await page.locator('.offers-table th[data-sort-key] button').count()).toBe(0);
    await close();
  });

  it('has no serious accessibility violations; screenshots at phone and desktop widths', async () => {
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const { page, close } = await open({ viewport });
      expect(await seriousAxeViolations(page), size).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `card at ${size}: page scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, `card-mixtral-offers-${size}`);
      await close();
    }
  }, 240_000);
});
