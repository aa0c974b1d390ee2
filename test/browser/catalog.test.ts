/**
 * The catalog in Chromium, driven as a person would: search, filters, sorting, URL state, the retired
 * matches, the compare tray, the chart following the filters, keyboard paths, a phone's first screen
 * and ids that wrap only at "/" and "-". Expected rows come from data/ (test/support/catalog-oracle.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Big from 'big.js';
import { screenshot, seriousAxeViolations, useSiteInChromium, VIEWPORTS } from '../support/browser.ts';
import { expectedRows, newestFirst } from '../support/catalog-oracle.ts';

const rows = expectedRows();
const listed = rows.filter((r) => r.model.listed);
const site = useSiteInChromium();
const hasWords = (r: (typeof rows)[number], ...words: string[]) => words.every((w) => `${r.model.id} ${r.model.displayName} ${r.model.authorLabel}`.toLowerCase().includes(w));

async function openCatalog(query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop, scheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const { page } = await site.newPage({ viewport, colorScheme: scheme });
  await page.goto(`${site.url}/${query}`);
  await page.waitForSelector('#catalog th button.sort-button');
  return page;
}

/** Focuses the search box, which loads every row, and waits until the island has them. */
async function ready(page: Page): Promise<void> {
  await page.focus('input[name="q"]');
  await page.waitForSelector('[data-catalog][data-catalog-ready]');
}

const shownIds = (page: Page) => page.$$eval('#catalog tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id ?? ''));
const countText = (page: Page) => page.textContent('[data-result-count]');

describe('catalog', () => {
  it('puts the search box in the first screen of a phone, and "What changed" after the catalog', async () => {
    const page = await openCatalog('', VIEWPORTS.phone);
    const box = (await page.locator('input[name="q"]').boundingBox())!;
    expect(box.y + box.height).toBeLessThan(VIEWPORTS.phone.height);
    const order = await page.evaluate(() => {
      const pos = (sel: string) => [...document.querySelectorAll('*')].indexOf(document.querySelector(sel)!);
      return [pos('input[name="q"]'), pos('#catalog'), pos('#changes-heading')];
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await page.context().close();
  });

  it('searches every model, says how many match, and keeps the query in the URL', async () => {
    const page = await openCatalog();
    await ready(page);
    await page.fill('input[name="q"]', 'claude sonnet');
    const matching = listed.filter((r) => hasWords(r, 'claude', 'sonnet'));
    await page.waitForFunction((n) => document.querySelectorAll('#catalog tbody tr').length === Math.min(n, 50), matching.length);
    const shown = await shownIds(page);
    expect(shown.length).toBe(Math.min(matching.length, 50));
    expect(shown.filter((id) => !matching.some((r) => r.model.id === id))).toEqual([]);
    expect(await countText(page)).toBe(`${matching.length} of ${listed.length} models`);
    await page.waitForURL((url) => url.searchParams.get('q') === 'claude sonnet');
    await page.context().close();
  });

  it('says how many retired models match and shows them on a click', async () => {
    const page = await openCatalog();
    await ready(page);
    await page.fill('input[name="q"]', 'mixtral');
    const retiredMatches = rows.filter((r) => !r.model.listed && hasWords(r, 'mixtral'));
    expect(retiredMatches.length).toBeGreaterThan(0);
    const note = page.locator('[data-other-list]');
    await note.waitFor();
    expect(await note.textContent()).toContain(`${retiredMatches.length} retired model${retiredMatches.length === 1 ? '' : 's'} match`);
    await note.locator('a').click();
    await page.waitForSelector('[data-catalog][data-catalog-ready]');
    const ids = await page.$$eval('#retired tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id ?? ''));
    expect(ids.sort()).toEqual(retiredMatches.map((r) => r.model.id).sort());
    await page.context().close();
  });

  it('filters by provider, tag, price range, a typed "128K" context and hide free together, with counts that follow', async () => {
    const page = await openCatalog();
    await page.click('details.filters summary');
    await page.waitForSelector('input[name="tag"]');
    // The provider selling the most listed models, so the filter keeps some rows. A catalog without
    // offers (an old data folder) has no provider facet at all.
    const sellers = new Map<string, number>();
    for (const r of listed) for (const p of r.providers) sellers.set(p, (sellers.get(p) ?? 0) + 1);
    const provider = [...sellers].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    if (provider === null) expect(await page.locator('input[name="provider"]').count()).toBe(0);
    else await page.check(`input[name="provider"][value="${provider}"]`);
    await page.fill('input[name="ctx"]', '128K');
    await page.fill('input[name="maxin"]', '5');
    await page.check('input[name="nofree"]');
    const expected = listed
      .filter(
        (r) =>
          (provider === null || r.providers.includes(provider)) &&
          (r.model.contextLength ?? 0) >= 128_000 &&
          r.input !== 'variable' &&
          new Big(r.input).lte(5) &&
          !r.model.tags.includes('free') &&
          !(/^0(\.0+)?$/.test(r.input) && /^0(\.0+)?$/.test(r.output)),
      )
      .sort((a, b) => newestFirst(a.model, b.model));
    await page.waitForFunction((n) => document.querySelector('[data-result-count]')?.textContent?.startsWith(`${n} of`) ?? false, expected.length);
    expect(await shownIds(page)).toEqual(expected.slice(0, 50).map((r) => r.model.id));
    // The tag counts say what ticking each tag would leave.
    const moe = expected.filter((r) => r.model.tags.includes('moe')).length;
    expect(await page.textContent('label:has(input[name="tag"][value="moe"]) .count')).toBe(`(${moe})`);
    const params = new URL(page.url()).searchParams;
    expect([params.get('provider'), params.get('ctx'), params.get('maxin'), params.get('nofree')]).toEqual([provider, '128K', '5', '1']);
    await page.click('text=Clear filters');
    await page.waitForFunction((n) => document.querySelector('[data-result-count]')?.textContent === `All ${n} models`, listed.length);
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  it('sorts by a column header, toggling direction, with aria-sort following', async () => {
    const page = await openCatalog();
    const header = page.locator('#catalog th[data-sort-key="input"]');
    await header.locator('button').click();
    await page.waitForFunction(() => document.querySelector('#catalog th[data-sort-key="input"]')?.getAttribute('aria-sort') === 'ascending');
    const byId = new Map(rows.map((r) => [r.model.id, r.input]));
    const cheapest = listed.map((r) => r.input).filter((p) => p !== 'variable').sort((a, b) => new Big(a).cmp(b)).slice(0, 50);
    await page.waitForFunction(() => document.querySelector('[data-catalog]')?.hasAttribute('data-catalog-ready'));
    expect((await shownIds(page)).map((id) => byId.get(id))).toEqual(cheapest);
    await header.locator('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');
    await page.context().close();
  });

  it('restores the state from a shared URL, across a reload', async () => {
    const page = await openCatalog('?q=gpt&tag=tools&sort=context&dir=asc');
    await page.waitForSelector('[data-catalog][data-catalog-ready]');
    expect(await page.inputValue('input[name="q"]')).toBe('gpt');
    expect(await page.getAttribute('#catalog th[data-sort-key="context"]', 'aria-sort')).toBe('ascending');
    const expected = listed
      .filter((r) => hasWords(r, 'gpt') && r.model.tags.includes('tools') && r.model.contextLength !== null)
      .sort((a, b) => a.model.contextLength! - b.model.contextLength! || a.model.id.localeCompare(b.model.id, 'en'));
    expect((await shownIds(page)).slice(0, expected.length)).toEqual(expected.slice(0, 50).map((r) => r.model.id));
    await page.reload();
    await page.waitForSelector('[data-catalog][data-catalog-ready]');
    expect(await page.inputValue('input[name="q"]')).toBe('gpt');
    await page.context().close();
  });

  it('draws the price-against-context chart for the rows the filters leave', async () => {
    const page = await openCatalog();
    await page.locator('[data-lazy-chart="price-context"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('[data-lazy-chart="price-context"] canvas')?.style.width ?? '') !== '');
    await page.fill('input[name="q"]', 'claude sonnet');
    const plotted = listed.filter((r) => hasWords(r, 'claude', 'sonnet') && r.model.contextLength !== null && r.input !== 'variable' && /[1-9]/.test(r.input)).length;
    await page.waitForFunction((n) => (document.querySelector('[data-chart-caption]')?.textContent ?? '').includes(`${n} model${n === 1 ? '' : 's'} matching the filters`), plotted);
    expect(await page.getAttribute('[data-lazy-chart="price-context"] canvas', 'aria-label')).toContain(`for ${plotted} models`);
    await page.context().close();
  });

  it('keeps a compare tray in view with the chosen names, reachable by keyboard, that opens the comparison', async () => {
    const page = await openCatalog('', VIEWPORTS.phone);
    const first = listed.slice().sort((a, b) => newestFirst(a.model, b.model)).slice(0, 2);
    // Keyboard only: Tab to the first row's link, left arrow to its box, Space; down arrow to the next box.
    await page.focus('#catalog tbody tr:first-child th a');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const tray = page.locator('[data-compare-tray]');
    await tray.waitFor();
    for (const r of first) expect(await tray.textContent()).toContain(r.model.modelName);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = (await tray.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORTS.phone.height + 1);
    expect(box.y).toBeGreaterThan(0);
    await page.click('[data-tray-compare]');
    await page.waitForURL(/\/compare\/\?models=/);
    expect(new URL(page.url()).searchParams.get('models')).toBe(first.map((r) => r.model.id).join(','));
    await page.context().close();
  });

  it('gives each row one tab stop and offers a skip link past the table', async () => {
    const page = await openCatalog();
    const stops = await page.$$eval('#catalog tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll<HTMLElement>('a, input, button')].filter((el) => el.tabIndex >= 0).length));
    expect(stops.every((n) => n === 1)).toBe(true);
    await page.focus('input[name="q"]');
    let reached = '';
    for (let i = 0; i < 12 && !reached.includes('skip-table'); i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.className ?? '');
    }
    expect(reached).toContain('skip-table');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('after-catalog');
    await page.context().close();
  });

  // "." and ":" too: Bedrock ids have dotted segments longer than a phone's column ("regional.anthropic.claude-…").
  it('breaks ids only after "/", "-", "." or ":" on a phone', async () => {
    const page = await openCatalog('', VIEWPORTS.phone);
    const badBreaks = await page.$$eval('#catalog tbody th code', (codes) =>
      codes.flatMap((code) => {
        const text = code.textContent ?? '';
        const range = document.createRange();
        const chars: { ch: string; top: number }[] = [];
        const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < (node.textContent ?? '').length; i += 1) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            chars.push({ ch: node.textContent![i]!, top: range.getBoundingClientRect().top });
          }
        }
        return chars.flatMap((c, i) => (i > 0 && c.top > chars[i - 1]!.top + 2 && !'/-.:'.includes(chars[i - 1]!.ch) ? [`${text} before "${c.ch}" at ${i}`] : []));
      }),
    );
    expect(badBreaks).toEqual([]);
    await page.context().close();
  });

  it('works without JavaScript: the first page and links to the others', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    expect(await page.locator('#catalog tbody tr').count()).toBe(Math.min(50, listed.length));
    if (listed.length > 50) {
      await page.click('nav[data-pager] a[rel="next"]');
      expect(await page.locator('#catalog tbody tr').count()).toBe(Math.min(50, listed.length - 50));
    }
    await context.close();
  });

  it('has no serious or critical accessibility violations, filters open or closed, light or dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openCatalog('', VIEWPORTS.desktop, scheme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.click('details.filters summary');
      await page.waitForSelector('input[name="provider"], input[name="tag"]');
      await page.fill('input[name="q"]', 'mixtral');
      await page.locator('[data-other-list]').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    }
    // axe reads every element of a page with hundreds of facet options: slow on a loaded machine.
  }, 240_000);

  it('takes screenshots at phone and desktop widths, light and dark, without sideways scrolling', async () => {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await openCatalog('', viewport, scheme);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name}: page scrolls sideways`).toBeLessThanOrEqual(0);
        await screenshot(page, `catalog-${name}-${scheme}`);
        await page.context().close();
      }
    }
  }, 120_000);
});
