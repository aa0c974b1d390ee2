import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { VIEWPORTS, screenshot, seriousAxeViolations, useSiteInChromium } from '../support/browser.ts';
import { SEED_PAIR } from '../../src/lib/compare/curated-pairs.ts';
import { rawOpenRouterPricing } from '../support/raw-prices.ts';
import { referenceCost, scaled } from '../support/reference-pricing.ts';
import type { Model } from '../../src/lib/data/schema.ts';

const SEEDS_URL = `/compare/?models=${SEED_PAIR.join(',')}`;
const SEEDS_PAGE = '/compare/mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct/';
/** Three listed models, as a shared link would name them. */
const THREE = ['openai/gpt-4o-mini', 'openai/gpt-4o', 'mistralai/mixtral-8x7b-instruct'];
const THREE_URL = `/compare/?models=${THREE.join(',')}`;

/** The data folder the site was built from, read as plain JSON for expected values that follow a refresh. */
const dataDir = path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
const catalog = JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as { models: Model[] };
const modelOf = (id: string) => catalog.models.find((m) => m.id === id)!;

const site = useSiteInChromium();

async function open(urlPath: string, options: BrowserContextOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const { context, page } = await site.newPage(options);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(site.url + urlPath);
  return { page, context, errors };
}

/** The ids of the table's columns, in order, once the page has rendered them. */
async function columns(page: Page): Promise<string[]> {
  return page.locator('.compare-table thead th[data-model-id]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-model-id') ?? ''));
}

function modelsParam(page: Page): string[] {
  return (new URL(page.url()).searchParams.get('models') ?? '').split(',').filter(Boolean);
}

/** A scaled USD amount rounded half-up to cents, as "$1,234.56". */
function cents(amount: bigint): string {
  const hundredths = (amount * 100n + scaled('0.5')) / scaled('1');
  return `$${(hundredths / 100n).toLocaleString('en-US')}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

async function openWorkload(page: Page): Promise<void> {
  await page.locator('details.workload summary').click();
}

/** The text of each script the page requested, fetched again from the page. */
function scriptBodies(page: Page, paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map((p) => page.evaluate((url) => fetch(url).then((r) => r.text()), p)));
}

describe('compare page', () => {
  it('compares the models of the URL in order and notes an unknown id without dropping the others', async () => {
    const { page, context, errors } = await open(`/compare/?models=${SEED_PAIR[1]},no-such/model,${SEED_PAIR[0]}`);
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual([SEED_PAIR[1], SEED_PAIR[0]]);
    const note = page.getByTestId('unknown-ids');
    await expect(note.textContent()).resolves.toContain('no-such/model');
    await expect(note.textContent()).resolves.toContain('not in the catalog');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await context.close();
  });

  it('says which file and field are wrong when a model file is malformed, instead of leaving a blank space', async () => {
    const { context, page } = await site.newPage();
    // A file that parses as JSON but lacks every field but the id: a stale or hand-edited export.
    await page.route('**/api/compare/**', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ asOf: '2026-01-29', model: { id: SEED_PAIR[0] } }) }),
    );
    await page.goto(`${site.url}${SEEDS_URL}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('/api/compare/mistralai/');
    expect(message).toMatch(/model\.\w+: expected/);
    expect(message).toContain('Reload the page');
    await context.close();
  });

  it('explains what to do when every id is unknown', async () => {
    const { page, context } = await open('/compare/?models=nope/one,nope/two');
    await page.getByTestId('unknown-ids').waitFor();
    expect(await page.locator('.compare-table').count()).toBe(0);
    await expect(page.getByText('Add two to six models to compare them', { exact: false }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('adds a model from the picker by keyboard: type, arrow down, Enter; Escape closes the list', async () => {
    const { page, context } = await open(SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    const box = page.getByLabel('Add a model');
    await box.focus();
    // Focus loads the picker, which takes over the plain box (the next test types through the swap).
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.waitFor();
    await input.focus();
    await page.keyboard.type('mixtral 8x22b');
    await expect(input.inputValue()).resolves.toBe('mixtral 8x22b');
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
    await page.waitForFunction((n) => document.querySelectorAll('.compare-table thead th[data-model-id]').length === n, 3);
    expect(await columns(page)).toEqual([...SEED_PAIR, chosenId]);
    expect(modelsParam(page)).toEqual([...SEED_PAIR, chosenId]);
    await expect(page.locator('[data-compare-announce]').textContent()).resolves.toContain('Comparing 3 models');

    await input.focus();
    await page.keyboard.type('gpt');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Escape');
    await expect(input.inputValue()).resolves.toBe('');
    await context.close();
  });

  it('keeps every key typed while the picker takes over the plain box', async () => {
    const { page, context } = await open(SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    await page.getByLabel('Add a model').focus();
    // Typed at once, a key every 30 ms: the picker loads and replaces the plain box somewhere in between.
    await page.keyboard.type('mixtral 8x7b instruct', { delay: 30 });
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.waitFor();
    await expect.poll(() => input.inputValue()).toBe('mixtral 8x7b instruct');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await context.close();
  });

  it('adds a model from the picker by mouse and removes one with its button; Back restores it', async () => {
    const { page, context } = await open(SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    await page.getByLabel('Add a model').click();
    const input = page.getByRole('combobox', { name: 'Add a model' });
    await input.fill('openai/gpt-4o');
    await page.getByRole('option', { name: /openai\/gpt-4o$/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.compare-table thead th[data-model-id]').length === 3);
    expect(await columns(page)).toEqual([...SEED_PAIR, 'openai/gpt-4o']);

    await page.getByRole('button', { name: `Remove ${modelOf(SEED_PAIR[0]).displayName} from the comparison` }).click();
    await page.waitForFunction(() => document.querySelectorAll('.compare-table thead th[data-model-id]').length === 2);
    expect(await columns(page)).toEqual([SEED_PAIR[1], 'openai/gpt-4o']);
    expect(modelsParam(page)).toEqual([SEED_PAIR[1], 'openai/gpt-4o']);

    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.compare-table thead th[data-model-id]').length === 3);
    expect(await columns(page)).toEqual([...SEED_PAIR, 'openai/gpt-4o']);
    await context.close();
  });

  it('keeps models and an edited workload in the URL across a reload, priced as the raw files say', async () => {
    const ids = ['openai/gpt-4o-mini', 'openai/gpt-4o'];
    const { page, context } = await open(`/compare/?models=${ids.join(',')}`);
    await page.locator('.compare-table').waitFor();
    await openWorkload(page);
    await page.getByLabel('Output tokens per request').fill('1500');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('out') === '1500');
    const month = referenceCost(rawOpenRouterPricing(ids[0]!), { promptTokens: 2000, completionTokens: 1500 }) * 1000n * 30n;
    const cell = () => page.locator(`tr[data-row="cost-month"] td[data-model-id="${ids[0]}"]`).textContent();
    await page.waitForFunction((text) => document.querySelector('tr[data-row="cost-month"] td')?.textContent?.includes(text), cents(month));
    await expect(cell()).resolves.toContain(cents(month));

    await page.reload();
    await page.locator('.compare-table').waitFor();
    expect(await columns(page)).toEqual(ids);
    await expect(page.getByLabel('Output tokens per request').inputValue()).resolves.toBe('1500');
    await expect(cell()).resolves.toContain(cents(month));
    await context.close();
  });

  it('draws the four charts when scrolled to, each with its data table', async () => {
    const { page, context, errors } = await open(SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    const ids = ['chart-prices', 'chart-workload', 'chart-context', 'chart-history'];
    await page.locator('#charts-heading').scrollIntoViewIfNeeded();
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
    const mixtral = modelOf(SEED_PAIR[1]);
    const historyRows = await page.locator('#chart-history details tbody tr').allTextContents();
    expect(historyRows.filter((row) => row.startsWith(mixtral.modelName)).length).toBeGreaterThanOrEqual(Math.min(mixtral.history.length, 1));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("draws the price history of each offer of a model that has offers, with every offer in its data table", async () => {
    const offersFile = path.join(dataDir, 'offers.json');
    const offers = existsSync(offersFile) ? (JSON.parse(readFileSync(offersFile, 'utf8')) as { offers: { modelId: string; providerId: string }[] }).offers : [];
    const withOffers = SEED_PAIR.find((id) => offers.some((o) => o.modelId === id));
    const { page, context, errors } = await open(SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    await page.locator('#charts-heading').scrollIntoViewIfNeeded();
    await page.waitForSelector('#chart-history canvas[data-chart-ready="true"]');
    if (withOffers === undefined) {
      // A data folder without offers: no chart pretends to show them.
      await expect(page.locator('#chart-offers').count()).resolves.toBe(0);
    } else {
      const providers = new Set(offers.filter((o) => o.modelId === withOffers).map((o) => o.providerId));
      if (SEED_PAIR.every((id) => offers.some((o) => o.modelId === id))) await page.getByLabel('Offers of').selectOption(withOffers);
      await page.locator('#chart-offers').scrollIntoViewIfNeeded();
      await page.waitForSelector('#chart-offers canvas[data-chart-ready="true"]');
      const rows = await page.locator('#chart-offers details tbody tr th').allTextContents();
      const file = JSON.parse(await page.evaluate((url) => fetch(url).then((r) => r.text()), `/api/compare/${modelOf(withOffers).slug}.json`)) as {
        model: { offers: { providerId: string; providerName: string; history: unknown[] }[] };
      };
      expect(new Set(file.model.offers.map((o) => o.providerId))).toEqual(providers);
      for (const offer of file.model.offers.filter((o) => o.history.length > 0)) expect(rows, offer.providerName).toContain(offer.providerName);
    }
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
    const created = page.locator('tr[data-row="model-name"]');
    const same = page.locator('tr.same').first();
    await expect(same.isVisible()).resolves.toBe(true);
    await page.getByLabel(/Show only the \d+ rows that differ/).check();
    await expect(same.isVisible()).resolves.toBe(false);
    await expect(created.isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('copies the link of the comparison', async () => {
    const { page, context } = await open(THREE_URL, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('.compare-table').waitFor();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.waitForFunction(() => document.querySelector('[data-copy-status]')?.textContent !== '');
    await expect(page.locator('[data-copy-status]').textContent()).resolves.toBe('Link copied.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(page.url());
    await context.close();
  });
});

describe('opening a shared link (issue: compare jumped and downloaded the whole catalog)', () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`does not move anything on the screen while the table arrives (${viewport.width} px): layout shift 0`, async () => {
      const { context, page } = await site.newPage({ viewport });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(site.url + THREE_URL);
      await page.locator('.compare-table').waitFor();
      await page.waitForLoadState('networkidle');
      // Two frames after the table, so a shift it caused has been reported.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts, `${name}: layout shifts`).toEqual([]);
      await context.close();
    });
  }

  it('never shows the no-JavaScript message to a browser that runs JavaScript, even before the page script arrives', async () => {
    const { context, page } = await site.newPage();
    // Hold the page script back: what a slow connection shows first.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(site.url + THREE_URL);
    await expect(page.getByText('needs JavaScript', { exact: false }).isVisible()).resolves.toBe(false);
    await expect(page.getByLabel('Add a model').isVisible()).resolves.toBe(true);
    await context.close();

    const noScript = await open(THREE_URL, { javaScriptEnabled: false });
    await expect(noScript.page.getByText('needs JavaScript', { exact: false }).isVisible()).resolves.toBe(true);
    await expect(noScript.page.getByLabel('Add a model').isVisible()).resolves.toBe(false);
    await noScript.context.close();
  });

  it('downloads only the compared models, and no React or chart code until someone uses the picker or scrolls to the charts', async () => {
    const { context, page } = await site.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(site.url + THREE_URL);
    await page.locator('.compare-table').waitFor();
    await page.waitForLoadState('networkidle');
    const json = requested.filter((p) => p.endsWith('.json')).sort();
    expect(json).toEqual(THREE.map((id) => `/api/compare/${modelOf(id).slug}.json`).sort());
    const scripts = requested.filter((p) => p.endsWith('.js'));
    const bodies = await scriptBodies(page, scripts);
    // React's own code, not a chunk name in a lazy import's preload list: its element symbol and react-dom's devtools hook.
    const isReact = (body: string) => body.includes('react.transitional.element') || body.includes('__REACT_DEVTOOLS_GLOBAL_HOOK__');
    expect(bodies.some(isReact), 'React loaded before interaction').toBe(false);
    // Using the picker loads it, and the same check sees it.
    await page.getByLabel('Add a model').focus();
    await page.getByRole('combobox', { name: 'Add a model' }).waitFor();
    const later = requested.filter((p) => p.endsWith('.js') && !scripts.includes(p));
    const laterBodies = await scriptBodies(page, later);
    expect(laterBodies.some(isReact), 'React loaded once the picker is used').toBe(true);
    await context.close();
  });

  it('keeps the model names in view while the table scrolls', async () => {
    for (const viewport of Object.values(VIEWPORTS)) {
      const { context, page } = await site.newPage({ viewport });
      await page.goto(site.url + THREE_URL);
      await page.locator('.compare-table').waitFor();
      await page.locator('tr[data-row="arch-layers"]').scrollIntoViewIfNeeded();
      const header = page.locator(`.compare-table thead th[data-model-id="${THREE[0]}"]`);
      const box = (await header.boundingBox())!;
      expect(box.y, `${viewport.width} px: header top`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${viewport.width} px: header bottom`).toBeLessThanOrEqual(viewport.height);
      const topmost = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.getAttribute('data-model-id') ?? null,
        [box.x + box.width / 2, box.y + 4],
      );
      expect(topmost, `${viewport.width} px: the header is on top, not hidden under rows`).toBe(THREE[0]);
      await context.close();
    }
  });

  it('breaks ids on a phone only after "/", "-", "." or ":", never inside a word', async () => {
    const { context, page } = await site.newPage({ viewport: VIEWPORTS.phone });
    await page.goto(site.url + THREE_URL);
    await page.locator('.compare-table').waitFor();
    const broken = await page.locator('.compare-table code').evaluateAll((codes) =>
      codes.flatMap((code) => {
        const problems: string[] = [];
        for (const node of code.childNodes) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`${code.textContent}: "${node.textContent}" spans ${lines.size} lines`);
        }
        return problems;
      }),
    );
    expect(broken).toEqual([]);
    await context.close();
  });

  it("shows each model's cheapest offer for the workload and its offers count under its name, as the data's offers say", async () => {
    const { context, page } = await site.newPage();
    await page.goto(site.url + SEEDS_URL);
    await page.locator('.compare-table').waitFor();
    for (const id of SEED_PAIR) {
      const note = page.locator(`.compare-table thead th[data-model-id="${id}"] .model-col-offers`);
      const file = JSON.parse(await page.evaluate((url) => fetch(url).then((r) => r.text()), `/api/compare/${modelOf(id).slug}.json`)) as {
        model: { offers: { listed: boolean; providerName: string; pricing: Model['pricing'] }[] };
      };
      const listed = file.model.offers.filter((o) => o.listed);
      if (file.model.offers.length === 0) {
        await expect(note.count()).resolves.toBe(0);
        continue;
      }
      // Offers that cost nothing (trials, subscription plans) do not count as the cheapest, as on /value/.
      const months = listed.map((o) => ({ name: o.providerName, month: referenceCost(o.pricing, { promptTokens: 2000, completionTokens: 500 }) * 1000n * 30n })).filter((o) => o.month > 0n);
      months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.name.localeCompare(b.name)));
      const text = (await note.textContent()) ?? '';
      expect(text).toContain(`${listed.length} ${listed.length === 1 ? 'offer' : 'offers'}`);
      if (months[0]) expect(text).toContain(`at ${months[0].name}`);
    }
    await context.close();
  });
});

describe('compare selection from the catalog', () => {
  it('opens the compare page with the rows ticked in the catalog, in the order ticked', async () => {
    const { page, context } = await open('/');
    // The catalog's tray appears once a row is ticked.
    const bar = page.getByRole('region', { name: 'Models to compare' });
    await page.waitForFunction(() => document.querySelector('[data-compare-fallback]')?.hasAttribute('hidden'));
    const rows = page.locator('#catalog tbody tr');
    const idOf = async (i: number) => (await rows.nth(i).locator('input[name="compare"]').getAttribute('value'))!;
    const [third, first] = [await idOf(2), await idOf(0)];
    // CSS locators: a role query walks the accessibility tree of every catalog row, which is slow at thousands of rows.
    await rows.nth(2).locator('input[name="compare"]').check();
    await rows.nth(0).locator('input[name="compare"]').focus();
    await page.keyboard.press('Space');
    await bar.getByRole('button', { name: 'Compare 2 models' }).click();
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
    // The selection bar loads when the form's end scrolls into view.
    await page.locator('.compare-selection-anchor').scrollIntoViewIfNeeded();
    const bar = page.getByRole('region', { name: 'Compare selected models' });
    await bar.waitFor();
    await page.locator('[data-compare-fallback]').waitFor({ state: 'hidden' });
    const compareButton = bar.getByRole('button', { name: /Compare selected/ });
    await expect(compareButton.isDisabled()).resolves.toBe(true);

    const boxes = page.locator('input[name="compare"]');
    await boxes.nth(1).check();
    await boxes.nth(0).focus();
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
    // The selection bar loads when the form's end scrolls into view.
    await page.locator('.compare-selection-anchor').scrollIntoViewIfNeeded();
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
      const { page, context } = await open(THREE_URL, { colorScheme });
      await page.locator('.compare-table').waitFor();
      await page.getByLabel('Add a model').click();
      await page.getByRole('combobox', { name: 'Add a model' }).fill('mis');
      await page.locator('#charts-heading').scrollIntoViewIfNeeded();
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
        const { page, context } = await open(THREE_URL, { viewport, colorScheme });
        await page.locator('.compare-table').waitFor();
        await screenshot(page, `compare-${name}-${colorScheme}-first-screen`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        const scroller = page.locator('.compare-scroll');
        const before = await page.locator('tr[data-row="context"] th').boundingBox();
        await scroller.evaluate((element) => element.scrollBy(300, 0));
        const after = await page.locator('tr[data-row="context"] th').boundingBox();
        expect(after!.x).toBeCloseTo(before!.x, 0);
        await scroller.evaluate((element) => element.scrollTo(0, 0));
        await page.locator('#charts-heading').scrollIntoViewIfNeeded();
        await page.waitForSelector('#chart-history canvas[data-chart-ready="true"]');
        await screenshot(page, `compare-${name}-${colorScheme}`);
        await context.close();
      }
      const pair = await open(SEEDS_PAGE, { viewport });
      await screenshot(pair.page, `compare-pair-${name}`);
      await pair.context.close();
    });
  }
});
