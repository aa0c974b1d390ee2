/** The catalog's filter island in Chromium: search, facets, sorting, URL state, accessibility. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Big from 'big.js';
import { screenshot, seriousAxeViolations, useSiteInChromium, VIEWPORTS } from '../support/browser.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';

const listed = loadCatalog().models.filter((m) => m.listed);
const site = useSiteInChromium();

async function openCatalog(query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const { page } = await site.newPage({ viewport });
  await page.goto(`${site.url}/${query}`);
  // The island marks itself ready by turning the headers into sort buttons.
  await page.waitForSelector('#catalog th button.sort-button');
  return page;
}

/** Ids of the rows a person can see, in order. */
function visibleIds(page: Page): Promise<string[]> {
  return page.$$eval('#catalog tbody tr:not([hidden])', (rows) => rows.map((r) => (r as HTMLElement).dataset.id ?? ''));
}

function visibleData(page: Page, key: string): Promise<string[]> {
  return page.$$eval('#catalog tbody tr:not([hidden])', (rows, k) => rows.map((r) => (r as HTMLElement).dataset[k] ?? ''), key);
}

describe('catalog filter island', () => {
  it('searches instantly by name or id and reports the count', async () => {
    const page = await openCatalog();
    expect(await page.textContent('[data-result-count]')).toBe(`All ${listed.length} models`);
    await page.fill('input[type="search"]', 'claude sonnet');
    const expected = listed.filter((m) => `${m.id} ${m.displayName} ${m.authorLabel}`.toLowerCase().includes('claude') && `${m.id} ${m.displayName} ${m.authorLabel}`.toLowerCase().includes('sonnet'));
    await page.waitForFunction((n) => document.querySelectorAll('#catalog tbody tr:not([hidden])').length === n, expected.length);
    expect((await visibleIds(page)).sort()).toEqual(expected.map((m) => m.id).sort());
    expect(await page.textContent('[data-result-count]')).toBe(`${expected.length} of ${listed.length} models`);
    // While typing, the URL follows shortly after the last key rather than on every key.
    await page.waitForURL((url) => url.searchParams.get('q') === 'claude sonnet');
    await page.context().close();
  });

  it('filters by tag, modality, price ceiling and minimum context together', async () => {
    const page = await openCatalog();
    await page.click('details.filters summary');
    await page.check('input[name="tag"][value="moe"]');
    await page.check('input[name="in"][value="image"]');
    await page.fill('input[name="maxin"]', '0.5');
    await page.selectOption('select[name="ctx"]', '131072');
    const expected = listed.filter(
      (m) =>
        m.tags.includes('moe') &&
        m.inputModalities.includes('image') &&
        m.pricing.perMillionTokens.input !== 'variable' &&
        new Big(m.pricing.perMillionTokens.input).lte('0.5') &&
        (m.contextLength ?? 0) >= 131072,
    );
    await page.waitForFunction((n) => document.querySelectorAll('#catalog tbody tr:not([hidden])').length === n, expected.length);
    expect((await visibleIds(page)).sort()).toEqual(expected.map((m) => m.id).sort());
    const params = new URL(page.url()).searchParams;
    expect([params.get('tag'), params.get('in'), params.get('maxin'), params.get('ctx')]).toEqual(['moe', 'image', '0.5', '131072']);
    await page.click('text=Clear filters');
    await page.waitForFunction((n) => document.querySelectorAll('#catalog tbody tr:not([hidden])').length === n, listed.length);
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  it('touches only the rows whose visibility changes and never moves rows while filtering', async () => {
    const page = await openCatalog();
    await page.evaluate(() => {
      const body = document.querySelector('#catalog tbody')!;
      const log = { hidden: 0, moved: 0 };
      (window as unknown as { __rows: typeof log }).__rows = log;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'childList') log.moved += r.addedNodes.length;
          else if (r.attributeName === 'hidden') log.hidden += 1;
        }
      }).observe(body, { childList: true, attributes: true, subtree: true });
    });
    const counts = () => page.evaluate(() => ({ ...(window as unknown as { __rows: { hidden: number; moved: number } }).__rows }));
    const matching = listed.filter((m) => `${m.id} ${m.displayName} ${m.authorLabel}`.toLowerCase().includes('claude'));
    await page.fill('input[type="search"]', 'claude');
    await page.waitForFunction((n) => document.querySelectorAll('#catalog tbody tr:not([hidden])').length === n, matching.length);
    expect(await counts()).toEqual({ hidden: listed.length - matching.length, moved: 0 });
    // A trailing space leaves the same rows: nothing in the table is written.
    await page.fill('input[type="search"]', 'claude ');
    await page.waitForURL((url) => url.searchParams.get('q') === 'claude');
    expect(await counts()).toEqual({ hidden: listed.length - matching.length, moved: 0 });
    await page.context().close();
  });

  it('sorts by a column header, toggling direction, with aria-sort following', async () => {
    const page = await openCatalog();
    const header = page.locator('#catalog th[data-sort-key="input"]');
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await page.getAttribute('#catalog th[data-sort-key="created"]', 'aria-sort')).toBe('none');
    const ascending = (await visibleData(page, 'input')).filter((p) => p !== 'variable');
    expect(ascending).toEqual([...ascending].sort((a, b) => new Big(a).cmp(b)));
    const all = await visibleData(page, 'input');
    expect(all.slice(all.length - all.filter((p) => p === 'variable').length).every((p) => p === 'variable')).toBe(true);

    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const descending = (await visibleData(page, 'input')).filter((p) => p !== 'variable');
    expect(descending).toEqual([...descending].sort((a, b) => new Big(b).cmp(a)));
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');

    await page.locator('#catalog th[data-sort-key="name"] button').click();
    const names = await visibleData(page, 'name');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    await page.context().close();
  });

  it('restores the whole state from a shared URL and keeps it across a reload', async () => {
    const page = await openCatalog('?q=gpt&tag=tools&sort=context&dir=asc');
    expect(await page.inputValue('input[type="search"]')).toBe('gpt');
    expect(await page.isChecked('input[name="tag"][value="tools"]')).toBe(true);
    expect(await page.getAttribute('#catalog th[data-sort-key="context"]', 'aria-sort')).toBe('ascending');
    const expected = listed
      .filter((m) => `${m.id} ${m.displayName} ${m.authorLabel}`.toLowerCase().includes('gpt') && m.tags.includes('tools'))
      .sort((a, b) => (a.contextLength ?? 0) - (b.contextLength ?? 0) || a.id.localeCompare(b.id, 'en'));
    expect(await visibleIds(page)).toEqual(expected.map((m) => m.id));

    await page.fill('input[type="search"]', 'gpt-4o');
    await page.waitForURL(/q=gpt-4o/);
    const before = await visibleIds(page);
    await page.reload();
    await page.waitForSelector('#catalog th button.sort-button');
    expect(await page.inputValue('input[type="search"]')).toBe('gpt-4o');
    expect(await visibleIds(page)).toEqual(before);
    await page.context().close();
  });

  it('has no serious or critical accessibility violations, filters open or closed', async () => {
    const page = await openCatalog();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.click('details.filters summary');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('filters the retired list the same way', async () => {
    const { context, page } = await site.newPage();
    await page.goto(`${site.url}/retired/?q=mixtral-8x7b`);
    await page.waitForSelector('#retired th button.sort-button');
    const ids = await page.$$eval('#retired tbody tr:not([hidden])', (rows) => rows.map((r) => (r as HTMLElement).dataset.id));
    expect(ids).toContain('mistralai/mixtral-8x7b-instruct');
    expect(ids.every((id) => id?.includes('mixtral-8x7b'))).toBe(true);
    await context.close();
  });

  it('works without JavaScript: the full table is there', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    expect(await page.locator('#catalog tbody tr').count()).toBe(listed.length);
    await context.close();
  });

  it('takes screenshots at phone and desktop widths', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      const page = await openCatalog('', viewport);
      await page.locator('[data-lazy-chart="price-context"]').scrollIntoViewIfNeeded();
      // chart.js sizes the canvas with an inline style once it has drawn.
      await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-lazy-chart="price-context"] canvas')?.style.width ?? '') !== '');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name}: page scrolls sideways`).toBeLessThanOrEqual(0);
      await screenshot(page, `catalog-${name}`);
      await page.context().close();
    }
  });
});
