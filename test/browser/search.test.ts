/**
 * One search everywhere: "llama 3.1 8b", "mixtral 8x7b" and "claude sonnet" typed into the catalog,
 * the compare picker, the calculator (its best match, before the cost ranking) and the playground
 * give the model meant first on each. The model
 * meant is found in data/ by its name, not by an id from today's snapshot.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousAxeViolations, useSiteInChromium, VIEWPORTS } from '../support/browser.ts';
import { loadCatalog, loadOfferCatalog } from '../../src/lib/data-files/catalog.ts';
import { scaled } from '../support/reference-pricing.ts';
import type { Model } from '../../src/lib/data/schema.ts';

const models = loadCatalog().models;
const offers = loadOfferCatalog().offers;
const site = useSiteInChromium();
// Catalog models, not variants (":free"), moving aliases ("~…") or one provider's own listing ("@provider/…").
const plain = (m: Model) => m.variant === null && !/^[~@]/.test(m.id) && !m.id.includes(':');
const newest = (list: Model[]) => [...list].sort((a, b) => Number(b.listed) - Number(a.listed) || b.created.localeCompare(a.created))[0];

/** The model a person means by each query, by its name. */
const MEANT: [query: string, model: Model | undefined][] = [
  ['llama 3.1 8b', newest(models.filter((m) => plain(m) && m.modelName === 'Llama 3.1 8B Instruct'))],
  ['mixtral 8x7b', newest(models.filter((m) => plain(m) && m.modelName === 'Mixtral 8x7B Instruct'))],
  // Several Claude Sonnets: the newest listed one named so ("Claude Sonnet 4.5" rather than "Claude 3.5 Sonnet").
  ['claude sonnet', newest(models.filter((m) => plain(m) && /\bClaude Sonnet\b/.test(m.displayName)))],
];

/** The playground fetches its model list after hydrating: typing a common word shows options once it is there. */
async function modelListLoaded(page: Page): Promise<void> {
  await hydrated(page);
  const input = page.getByRole('combobox', { name: /^Add a model/ });
  await input.fill('a');
  await page.waitForFunction(() => !(document.querySelector('[role="option"]')?.textContent ?? 'No model matches').includes('No model matches'));
  await input.fill('');
}

/** Typing into an island before React hydrates it would be lost: wait until Astro marks the box's island hydrated. */
async function hydrated(page: Page, box = '[role="combobox"]'): Promise<void> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr') === false, box);
}

async function open(path: string): Promise<Page> {
  const { page } = await site.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

describe.each(MEANT)('"%s"', (query, meant) => {
  it('is in the data by its name', () => {
    expect(meant).toBeDefined();
  });

  it('comes first in the catalog (or among the retired models it links to)', async () => {
    const page = await open('/');
    await page.focus('input[name="q"]');
    await page.waitForSelector('[data-catalog][data-catalog-ready]');
    await page.fill('input[name="q"]', query);
    if (!meant!.listed) {
      await page.locator('[data-other-list] a').click();
      await page.waitForSelector('[data-catalog][data-catalog-ready]');
    }
    const table = meant!.listed ? '#catalog' : '#retired';
    await page.waitForFunction(([sel, q]) => new URL(location.href).searchParams.get('q') === q && document.querySelector(`${sel} tbody tr`) !== null, [table, query]);
    expect(await page.getAttribute(`${table} tbody tr:first-child`, 'data-id')).toBe(meant!.id);
    await page.context().close();
  });

  it('is the first option of the compare picker, and Enter adds it', async () => {
    const page = await open('/compare/');
    // The page shows a plain box that becomes the picker on first use.
    await page.getByLabel('Add a model').focus();
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.fill(query);
    await page.waitForFunction((id) => document.querySelector('[role="option"]')?.textContent?.includes(id) ?? false, meant!.id);
    await input.press('Enter');
    await page.waitForURL((url) => (url.searchParams.get('models') ?? '').split(',').includes(meant!.id));
    await page.context().close();
  });

  // The calculator ranks by cost; a search names a model, which it shows first, its offers cheapest first.
  it("is the calculator's best match, shown before the cost ranking with its offers cheapest first", async () => {
    const page = await open('/calculator/');
    await hydrated(page, 'input[type="search"]');
    if (!meant!.listed) await page.getByLabel(/^Include retired models/).check();
    await page.getByLabel('Search models').fill(query);
    // The ranking follows the query once the URL holds it (every input lives in the URL).
    await page.waitForFunction((q) => new URLSearchParams(window.location.search).get('q') === q, query);
    // Prices load once the form is touched; the best match renders with them.
    await page.waitForSelector('.calculator[data-ready="true"] [data-testid="calc-meant"]');
    const named = await page.$$eval('.calc-results [data-model-id]', (els) => els.map((el) => el.getAttribute('data-model-id')));
    expect(named[0]).toBe(meant!.id);
    const rows = await page.$$eval('[data-testid="calc-meant-offers"] tr[data-provider-id]', (trs) =>
      trs.map((tr) => ({ provider: tr.getAttribute('data-provider-id') ?? '', cost: tr.querySelector('[data-cost="request"]')?.getAttribute('data-exact') ?? '' })),
    );
    expect(rows.length).toBeGreaterThan(0);
    // Every row is one of the model's own offers in offers.json (or OpenRouter's listing of a model no one else sells).
    const sellers = new Set(offers.filter((o) => o.modelId === meant!.id).map((o) => o.providerId));
    for (const row of rows) expect(sellers.size === 0 ? row.provider === 'openrouter' : sellers.has(row.provider), row.provider).toBe(true);
    const costs = rows.map((r) => scaled(r.cost));
    expect(costs).toEqual([...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await page.context().close();
  });

  it('is the first option of the playground box, which adds it on Enter', async () => {
    const page = await open('/playground/');
    const input = page.getByRole('combobox', { name: /^Add a model/ });
    await modelListLoaded(page);
    await input.fill(query);
    if (meant!.listed) {
      await page.waitForFunction((id) => document.querySelector('[role="option"]')?.textContent?.includes(id) ?? false, meant!.id);
      await input.press('Enter');
      await page.waitForURL((url) => (url.searchParams.get('models') ?? '') === meant!.id);
    } else {
      // The playground offers listed models only: a retired one is not replaced by another.
      await expect(page.getByRole('option').first().textContent()).resolves.toContain('No model matches');
    }
    await page.context().close();
  });
});

describe('the playground model box', () => {
  it('refuses an id the catalog does not have while the base URL is OpenRouter', async () => {
    const page = await open('/playground/');
    await modelListLoaded(page);
    const input = page.getByRole('combobox', { name: /^Add a model/ });
    await input.fill('nobody/no-such-model-xyz');
    await input.press('Enter');
    await expect(page.getByText('“nobody/no-such-model-xyz” is not a model in the catalog').isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('models')).toBeNull();
    await page.context().close();
  });
});

describe("the calculator's best match", () => {
  it.each(Object.entries(VIEWPORTS))('is labelled, keyboard-usable and axe-clean at the %s viewport: another match is picked with the keyboard', async (name, viewport) => {
    const { page } = await site.newPage({ viewport });
    await page.goto(`${site.url}/calculator/`);
    await hydrated(page, 'input[type="search"]');
    await page.getByLabel('Search models').fill('llama 3.1 8b');
    const panel = page.getByRole('region', { name: /^Best match for “llama 3\.1 8b”/ });
    await panel.waitFor();
    const first = await panel.getAttribute('data-model-id');
    expect(await page.getByRole('status').textContent()).toContain('Best match for the search, shown first:');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, `calculator-search-${name}-${viewport.width}`);
    // The next best match, chosen from the keyboard, becomes the one shown first.
    const other = panel.getByRole('list', { name: /^Not the one\?/ }).getByRole('button').first();
    const label = (await other.getAttribute('aria-label')) ?? '';
    const otherId = /\(([^()]+)\)$/.exec(label)?.[1];
    expect(otherId).toBeDefined();
    expect(otherId).not.toBe(first);
    await other.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('[data-testid="calc-meant"]')?.getAttribute('data-model-id') === id, otherId);
    expect(await page.getByLabel('Search models').inputValue()).toBe(otherId);
    // The keyboard goes on from the new best match's name, not from the top of the page.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="calc-meant"]')?.getAttribute('data-model-id'))).toBe(otherId);
    await page.context().close();
  });
});
