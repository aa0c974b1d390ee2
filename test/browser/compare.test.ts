import { describe, expect, it } from 'vitest';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { VIEWPORTS, screenshot, seriousAxeViolations, useSiteInChromium } from '../support/browser.ts';
import { SEED_PAIR } from '../../src/lib/compare/compare.ts';

const SEEDS_URL = `/compare/?models=${SEED_PAIR.join(',')}`;
const SEEDS_PAGE = '/compare/mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct/';

const site = useSiteInChromium();

async function open(path: string, options: BrowserContextOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const { context, page } = await site.newPage(options);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(site.url + path);
  return { page, context, errors };
}

/** The ids of the table's columns, in order, once the island has rendered them. */
async function columns(page: Page): Promise<string[]> {
  return page.locator('.compare-table thead th[data-model-id]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-model-id') ?? ''));
}

function modelsParam(page: Page): string[] {
  return (new URL(page.url()).searchParams.get('models') ?? '').split(',').filter(Boolean);
}

describe('compare island', () => {
  it('compares the models of the URL in order and notes an unknown id without dropping the others', async () => {
    const { page, context, errors } = await open(`/compare/?models=${SEED_PAIR[1]},no-such/model,${SEED_PAIR[0]}`);
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual([SEED_PAIR[1], SEED_PAIR[0]]);
    const note = page.getByTestId('unknown-ids');
    await expect(note.textContent()).resolves.toContain('no-such/model');
    await expect(note.textContent()).resolves.toContain('not in the catalog');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says which field is wrong when the fetched data is malformed, instead of leaving a blank island', async () => {
    const { context, page } = await site.newPage();
    // A file that parses as JSON but lacks every field but the id: a stale or hand-edited export.
    await page.route('**/api/compare.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ asOf: '2026-01-29', models: [{ id: SEED_PAIR[0] }, { id: SEED_PAIR[1] }] }) }),
    );
    await page.goto(`${site.url}${SEEDS_URL}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('/api/compare.json');
    expect(message).toMatch(/models\.0\.\w+: expected/);
    expect(message).toContain('Reload the page');
    await context.close();
  });

  it('explains what to do when every id is unknown', async () => {
    const { page, context } = await open('/compare/?models=nope/one,nope/two');
    await page.getByTestId('unknown-ids').waitFor();
    expect(await page.locator('.compare-table').count()).toBe(0);
    await expect(page.getByText('Add two to six models to compare them.').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('adds a model from the picker by keyboard: type, arrow down, Enter; Escape closes the list', async () => {
    const { page, context } = await open(SEEDS_URL);
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.focus();
    await page.keyboard.type('mixtral 8x22b');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const first = page.getByRole('option').first();
    const firstId = await first.getAttribute('id');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(firstId);
    await page.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    expect(active).not.toBe(firstId);
    const chosen = page.locator(`[id="${active}"]`);
    await expect(chosen.getAttribute('aria-selected')).resolves.toBe('true');
    const chosenId = (await chosen.locator('.picker-id').textContent())!.split(' ')[0]!;
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('models')?.endsWith(id), chosenId);
    expect(await columns(page)).toEqual([...SEED_PAIR, chosenId]);
    expect(modelsParam(page)).toEqual([...SEED_PAIR, chosenId]);
    await expect(page.locator('[role="status"][aria-live]').first().textContent()).resolves.toContain('Comparing 3 models');

    await page.keyboard.type('gpt');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Escape');
    await expect(input.inputValue()).resolves.toBe('');
    await context.close();
  });

  it('adds a model from the picker by mouse and removes one with its button; Back restores it', async () => {
    const { page, context } = await open(SEEDS_URL);
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.click();
    await input.fill('openai/gpt-4o');
    await page.getByRole('option', { name: /openai\/gpt-4o$/ }).click();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('models') ?? '').split(',').length === 3);
    expect(await columns(page)).toEqual([...SEED_PAIR, 'openai/gpt-4o']);

    await page.getByRole('button', { name: 'Remove Mistral: Mistral 7B Instruct v0.2 from the comparison' }).click();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('models') ?? '').split(',').length === 2);
    expect(await columns(page)).toEqual([SEED_PAIR[1], 'openai/gpt-4o']);

    await page.goBack();
    await page.waitForFunction(() => (new URL(location.href).searchParams.get('models') ?? '').split(',').length === 3);
    expect(await columns(page)).toEqual([...SEED_PAIR, 'openai/gpt-4o']);
    await context.close();
  });

  it('keeps models and an edited workload in the URL across a reload', async () => {
    const { page, context } = await open(SEEDS_URL);
    const output = page.getByLabel('Output tokens per request');
    await output.fill('1500');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('out') === '1500');
    // 2,000 in + 1,500 out at $0.20/M = $0.0007 a request; ×1,000 a day ×30 = $21.00 a month.
    const month = page.locator('tr[data-row="cost-month"] td').first();
    await expect(month.textContent()).resolves.toContain('$21.00');

    await page.reload();
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual([...SEED_PAIR]);
    await expect(page.getByLabel('Output tokens per request').inputValue()).resolves.toBe('1500');
    await expect(page.locator('tr[data-row="cost-month"] td').first().textContent()).resolves.toContain('$21.00');
    await context.close();
  });

  it('draws the four charts, each with its data table', async () => {
    const { page, context, errors } = await open(SEEDS_URL);
    const ids = ['chart-prices', 'chart-workload', 'chart-context', 'chart-history'];
    for (const id of ids) {
      const canvas = page.locator(`#${id} canvas`);
      await canvas.scrollIntoViewIfNeeded();
      await page.waitForSelector(`#${id} canvas[data-chart-ready="true"]`);
      const inked = await canvas.evaluate((element: HTMLCanvasElement) => {
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
        return painted;
      });
      expect(inked, `${id} has painted pixels`).toBeGreaterThan(500);
      await page.locator(`#${id} summary`).click();
      await expect(page.locator(`#${id} details table`).isVisible()).resolves.toBe(true);
    }
    const historyRows = await page.locator('#chart-history details tbody tr').allTextContents();
    expect(historyRows.some((row) => row.includes('Dec 18, 2025') && row.includes('$0.54/M'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the charts of a static pair page once they scroll into view', async () => {
    const { page, context, errors } = await open(SEEDS_PAGE);
    await page.locator('#chart-history').scrollIntoViewIfNeeded();
    await page.waitForSelector('#chart-history canvas[data-chart-ready="true"]');
    await page.waitForSelector('#chart-prices canvas[data-chart-ready="true"]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows only the differing rows when asked, without JavaScript on a static pair page', async () => {
    const { page, context } = await open(SEEDS_PAGE, { javaScriptEnabled: false });
    const context32k = page.locator('tr[data-row="context"]');
    await expect(context32k.isVisible()).resolves.toBe(true);
    await page.getByLabel(/Show only the \d+ rows that differ/).check();
    await expect(context32k.isVisible()).resolves.toBe(false);
    await expect(page.locator('tr[data-row="arch-experts"]').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('compare selection from the catalog', () => {
  it('opens the compare page with the rows ticked in the catalog, in the order ticked', async () => {
    const { page, context } = await open('/');
    const bar = page.getByRole('region', { name: 'Compare selected models' });
    await bar.waitFor();
    const rows = page.locator('#catalog tbody tr');
    const idOf = async (i: number) => (await rows.nth(i).locator('input[name="compare"]').getAttribute('value'))!;
    const [third, first] = [await idOf(2), await idOf(0)];
    await page.getByRole('checkbox', { name: /^Compare / }).nth(2).check();
    await page.getByRole('checkbox', { name: /^Compare / }).nth(0).focus();
    await page.keyboard.press('Space');
    const compareButton = bar.getByRole('button', { name: 'Compare selected (2)' });
    await compareButton.click();
    await page.waitForURL((url) => url.pathname === '/compare/' && url.searchParams.has('models'));
    expect(modelsParam(page)).toEqual([third, first]);
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual([third, first]);
    await context.close();
  });
});

describe('compare selection (quick picks on /compare/)', () => {
  it('compares the ticked models in the order ticked, by mouse and by keyboard', async () => {
    const { page, context } = await open('/compare/');
    const bar = page.getByRole('region', { name: 'Compare selected models' });
    await bar.waitFor();
    await page.locator('[data-compare-fallback]').waitFor({ state: 'hidden' });
    const compareButton = bar.getByRole('button', { name: /Compare selected/ });
    await expect(compareButton.isDisabled()).resolves.toBe(true);

    const boxes = page.locator('input[name="compare"]');
    const secondSeed = boxes.nth(1);
    await secondSeed.check();
    const firstSeed = boxes.nth(0);
    await firstSeed.focus();
    await page.keyboard.press('Space');
    await expect(compareButton.textContent()).resolves.toBe('Compare selected (2)');
    await compareButton.click();
    await page.waitForURL((url) => url.searchParams.has('models'));
    expect(modelsParam(page)).toEqual([SEED_PAIR[1], SEED_PAIR[0]]);
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual([SEED_PAIR[1], SEED_PAIR[0]]);
    await context.close();
  });

  it('refuses a seventh model with a message', async () => {
    const { page, context } = await open('/compare/');
    await page.getByRole('region', { name: 'Compare selected models' }).waitFor();
    const boxes = page.locator('input[name="compare"]');
    for (let i = 0; i < 7; i += 1) await boxes.nth(i).click();
    await expect(boxes.nth(6).isChecked()).resolves.toBe(false);
    await expect(page.locator('.compare-selection-status').textContent()).resolves.toContain('Up to 6 models');
    await context.close();
  });

  it('turns the no-JavaScript form submission (?compare=a&compare=b) into ?models=a,b', async () => {
    const { page, context } = await open(`/compare/?compare=${encodeURIComponent(SEED_PAIR[0])}&compare=${encodeURIComponent(SEED_PAIR[1])}`);
    await page.locator('.compare-table').waitFor();
    expect(new URL(page.url()).search).toBe(`?models=${SEED_PAIR.join(',')}`);
    await context.close();
  });
});

describe('accessibility and layout', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations (${colorScheme})`, async () => {
      const { page, context } = await open(SEEDS_URL, { colorScheme });
      await page.locator('.compare-table').waitFor();
      const input = page.getByRole('combobox', { name: 'Add a model' });
      await input.fill('mis');
      await page.waitForSelector('#chart-history canvas[data-chart-ready="true"]');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();

      for (const path of ['/compare/', SEEDS_PAGE]) {
        const staticPage = await open(path, { colorScheme });
        await staticPage.page.waitForLoadState('networkidle');
        expect(await seriousAxeViolations(staticPage.page), path).toEqual([]);
        await staticPage.context.close();
      }
    });
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`lays out at ${viewport.width} px: the page never scrolls sideways, the table does, with its first column in place`, async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        const { page, context } = await open(`${SEEDS_URL},openai/gpt-4o`, { viewport, colorScheme });
        await page.locator('.compare-table').waitFor();
        await page.waitForSelector('#chart-history canvas[data-chart-ready="true"]');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const scroller = page.locator('.compare-scroll');
        const before = await page.locator('tr[data-row="context"] th').boundingBox();
        await scroller.evaluate((element) => element.scrollBy(300, 0));
        const after = await page.locator('tr[data-row="context"] th').boundingBox();
        expect(after!.x).toBeCloseTo(before!.x, 0);
        await scroller.evaluate((element) => element.scrollTo(0, 0));
        await screenshot(page, `compare-${name}-${colorScheme}`);
        await context.close();
      }
      const pair = await open(SEEDS_PAGE, { viewport });
      await screenshot(pair.page, `compare-pair-${name}`);
      await pair.context.close();
    });
  }
});
