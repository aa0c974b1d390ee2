/**
 * The cost calculator in Chromium: workloads set through the form, the offer ranking read from the
 * page and checked against the BigInt reference (test/support/reference-pricing.ts) applied to prices
 * parsed straight from the raw upstream files (test/support/raw-prices.ts), the filters and the URL
 * round trip, a broken pricing file, token counts of pasted text, accessibility and screenshots.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog, OfferCatalog } from '../../src/lib/data/schema.ts';
import { countTokens } from '../../src/lib/calculator/tokenizers.ts';
import { screenshot, seriousAxeViolations, useSiteInChromium, VIEWPORTS } from '../support/browser.ts';
import { rawStatementPricing } from '../support/raw-prices.ts';
import { referenceCost, scaled, type ReferenceUsage } from '../support/reference-pricing.ts';

const dataDir = path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
const catalog = JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as Catalog;
const offersFile = path.join(dataDir, 'offers.json');
const offerCatalog: Pick<OfferCatalog, 'offers'> = existsSync(offersFile) ? (JSON.parse(readFileSync(offersFile, 'utf8')) as OfferCatalog) : { offers: [] };
const offerByPair = new Map(offerCatalog.offers.map((o) => [`${o.providerId} ${o.modelId}`, o]));

interface TestWorkload {
  in: number;
  out: number;
  cachedPercent: number;
  cacheWritePercent: number;
  reasoning: number;
  requests: number;
  per: 'day' | 'month';
  days: number;
}

/** Whole tokens of a share, nearest with halves up: the rule the README states for every page. */
function share(tokens: number, percent: number): number {
  const exact = (tokens * percent) / 100;
  return exact - Math.floor(exact) >= 0.5 ? Math.ceil(exact) : Math.floor(exact);
}

function usageOf(w: TestWorkload): ReferenceUsage {
  const cacheReadTokens = share(w.in, w.cachedPercent);
  return {
    promptTokens: w.in,
    cacheReadTokens,
    cacheWriteTokens: Math.min(share(w.in, w.cacheWritePercent), w.in - cacheReadTokens),
    completionTokens: w.out,
    reasoningTokens: w.reasoning,
  };
}

const site = useSiteInChromium();
const pageErrors: string[] = [];
const contexts: BrowserContext[] = [];

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(pageErrors.splice(0)).toEqual([]);
});

/** A page whose context is closed after each test, and whose uncaught errors fail that test. */
async function newPage(viewport: { width: number; height: number } = VIEWPORTS.desktop, javaScriptEnabled = true): Promise<Page> {
  const { context, page } = await site.newPage({ viewport, javaScriptEnabled });
  contexts.push(context);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function openCalculator(query = '', viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  const page = await newPage(viewport);
  await page.goto(`${site.url}/calculator/${query}`);
  // Without inputs in the URL the island waits for the reader before fetching prices: touch the form.
  if (!query) await startRanking(page);
  await page.waitForSelector('.calculator[data-ready="true"]');
  return page;
}

/** Focuses the first input once the island has hydrated, which is what makes it fetch and rank every offer. */
async function startRanking(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.calculator')?.closest('astro-island')?.hasAttribute('ssr') === false);
  await page.getByLabel('Input tokens per request').focus();
}

function workloadQuery(w: TestWorkload): string {
  return `in=${w.in}&out=${w.out}&cached=${w.cachedPercent}&cachewrite=${w.cacheWritePercent}&reasoning=${w.reasoning}&requests=${w.requests}&per=${w.per}&days=${w.days}`;
}

async function setWorkload(page: Page, w: TestWorkload): Promise<void> {
  await page.getByLabel('Input tokens per request').fill(String(w.in));
  await page.getByLabel('Output tokens per request').fill(String(w.out));
  await page.getByLabel('Share of input read from cache (%)').fill(String(w.cachedPercent));
  await page.getByLabel('Share of input written to cache (%)').fill(String(w.cacheWritePercent));
  await page.getByLabel('Reasoning tokens per request').fill(String(w.reasoning));
  await page.getByLabel('Requests', { exact: true }).fill(String(w.requests));
  await page.getByLabel('Counted per').selectOption(w.per);
  await page.getByLabel('Days per month').fill(String(w.days));
}

async function showAllRows(page: Page): Promise<void> {
  const more = page.getByRole('button', { name: /Show all .* ranked (models|offers)/ });
  if (await more.count()) await more.click();
}

interface RankedRow {
  modelId: string;
  providerId: string;
  perRequest: string;
  perMonth: string;
  note: string;
}

async function rankedRows(page: Page): Promise<RankedRow[]> {
  return page.$$eval('[data-testid="calc-ranked"] tbody tr[data-model-id]', (rows) =>
    rows.map((tr) => ({
      modelId: tr.getAttribute('data-model-id') ?? '',
      providerId: tr.getAttribute('data-provider-id') ?? '',
      perRequest: tr.querySelector('[data-cost="request"]')?.getAttribute('data-exact') ?? '',
      perMonth: tr.querySelector('[data-cost="month"]')?.getAttribute('data-exact') ?? '',
      note: tr.querySelector('.calc-note')?.textContent ?? '',
    })),
  );
}

describe('the offer ranking against the raw files', () => {
  // A long prompt past the 200,000-token tiers, with cache reads, cache writes and reasoning; and a short one.
  const long: TestWorkload = { in: 210_000, out: 2_000, cachedPercent: 40, cacheWritePercent: 10, reasoning: 1_000, requests: 100, per: 'day', days: 30 };
  const short: TestWorkload = { in: 3_001, out: 800, cachedPercent: 50, cacheWritePercent: 5, reasoning: 500, requests: 2_000, per: 'month', days: 30 };

  it('prices every (model, provider) pair as the raw statements do, tiers and cache included, cheapest first', async () => {
    let compared = 0;
    let tiered = 0;
    let cached = 0;
    for (const w of [long, short]) {
      const page = await openCalculator(`?${workloadQuery(w)}&offers=all`);
      await showAllRows(page);
      const rows = await rankedRows(page);
      expect(rows.length).toBeGreaterThan(0);
      // Cheapest first.
      const costs = rows.map((r) => scaled(r.perRequest));
      expect(costs).toEqual([...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      for (const row of rows) {
        const offer = offerByPair.get(`${row.providerId} ${row.modelId}`);
        // Offers whose sources disagree show one source's figure by the pipeline's choice: compared elsewhere.
        if (!offer || offer.disagreements.length > 0) continue;
        // An offer shows its newest statement; those from models.dev and LiteLLM are parsed here.
        const statement = [...offer.statements].sort((a, b) => b.date.localeCompare(a.date))[0];
        if (!statement || (statement.source !== 'models.dev' && statement.source !== 'litellm') || offer.statements.filter((s) => s.date === statement.date).length > 1) continue;
        const pricing = rawStatementPricing(statement);
        if (!pricing) continue;
        const expected = referenceCost(pricing, usageOf(w));
        expect(scaled(row.perRequest), `${row.modelId} at ${row.providerId} (${statement.file} ${statement.key})`).toBe(expected);
        const monthly = w.per === 'day' ? expected * BigInt(w.requests) * BigInt(w.days) : expected * BigInt(w.requests);
        expect(scaled(row.perMonth), `${row.modelId} at ${row.providerId} per month`).toBe(monthly);
        compared += 1;
        if (pricing.tiers.some((t) => t.minPromptTokens <= w.in)) {
          tiered += 1;
          expect(row.note).toMatch(/prompt ≥ [\d,]+ tokens tier/);
        }
        if (pricing.perMillionTokens.cacheRead !== undefined || pricing.perMillionTokens.cacheWrite !== undefined) cached += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(20);
    expect(tiered).toBeGreaterThan(0);
    expect(cached).toBeGreaterThan(0);
  }, 120_000);

  it('keeps one row per model by default: the cheapest of its offers', async () => {
    // Narrowed to one family by the search, so that every row fits on the page.
    const all = await openCalculator(`?${workloadQuery(short)}&q=claude&offers=all`);
    await showAllRows(all);
    const cheapest = new Map<string, bigint>();
    for (const row of await rankedRows(all)) {
      const cost = scaled(row.perRequest);
      const seen = cheapest.get(row.modelId);
      if (seen === undefined || cost < seen) cheapest.set(row.modelId, cost);
    }
    const one = await openCalculator(`?${workloadQuery(short)}&q=claude`);
    expect(await one.getByLabel('One row per model (its cheapest provider)').isChecked()).toBe(true);
    await showAllRows(one);
    const rows = await rankedRows(one);
    expect(new Set(rows.map((r) => r.modelId)).size).toBe(rows.length);
    // A model free somewhere is listed as free, not ranked at a paid offer.
    const free = new Set(await one.$$eval('[data-testid="calc-free"] li', (lis) => lis.map((li) => li.getAttribute('data-model-id') ?? '')));
    const expected = [...cheapest.keys()].filter((id) => !free.has(id));
    expect(new Set(rows.map((r) => r.modelId))).toEqual(new Set(expected));
    for (const row of rows) expect(scaled(row.perRequest), row.modelId).toBe(cheapest.get(row.modelId));
  });
});

describe('filters and the link', () => {
  it('filters by provider, intelligence index and a context that holds the prompt, and keeps each in the URL', async () => {
    const provider = [...new Set(offerCatalog.offers.filter((o) => o.listed).map((o) => o.providerId))][0] ?? 'openrouter';
    const page = await openCalculator('?offers=all');
    await page.getByLabel('Provider', { exact: true }).selectOption(provider);
    await showAllRows(page);
    const rows = await rankedRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.providerId))).toEqual(new Set([provider]));
    expect(page.url()).toContain(`provider=${encodeURIComponent(provider)}`);

    await page.getByLabel('Provider', { exact: true }).selectOption('');
    await page.getByLabel('One row per model (its cheapest provider)').check();
    await page.getByLabel('Intelligence index at least').fill('40');
    const indexOf = new Map(catalog.models.map((m) => [m.id, m.quality?.intelligenceIndex ?? null]));
    for (const row of await rankedRows(page)) expect(indexOf.get(row.modelId), row.modelId).toBeGreaterThanOrEqual(40);
    expect(page.url()).toContain('minq=40');

    await page.getByLabel('Intelligence index at least').fill('');
    await page.getByLabel('Input tokens per request').fill('150000');
    await page.getByLabel(/^Only offers whose stated context holds the 150,000-token prompt$/).check();
    const contextOf = new Map([
      ...catalog.models.map((m) => [`openrouter ${m.id}`, m.contextLength] as const),
      ...offerCatalog.offers.map((o) => [`${o.providerId} ${o.modelId}`, o.contextLength] as const),
    ]);
    for (const row of await rankedRows(page)) expect(contextOf.get(`${row.providerId} ${row.modelId}`), row.modelId).toBeGreaterThanOrEqual(150_000);
    expect(page.url()).toContain('ctx=1');
  });

  it('reproduces inputs and results from a shared URL', async () => {
    const page = await openCalculator();
    await setWorkload(page, { in: 4_321, out: 123, cachedPercent: 25, cacheWritePercent: 5, reasoning: 77, requests: 777, per: 'month', days: 28 });
    await page.getByLabel('Search models').fill('mistral');
    await page.getByLabel('One row per model (its cheapest provider)').uncheck();
    await page.getByLabel('Include retired models and offers (last known prices)').check();
    const url = page.url();
    expect(url).toContain('in=4321');
    expect(url).toContain('offers=all');
    const before = await rankedRows(page);
    expect(before.length).toBeGreaterThan(3);

    const reloaded = await openCalculator(url.slice(url.indexOf('?')));
    for (const [label, value] of [
      ['Input tokens per request', '4321'],
      ['Output tokens per request', '123'],
      ['Share of input read from cache (%)', '25'],
      ['Share of input written to cache (%)', '5'],
      ['Reasoning tokens per request', '77'],
      ['Days per month', '28'],
      ['Search models', 'mistral'],
    ] as const) {
      expect(await reloaded.getByLabel(label).inputValue(), label).toBe(value);
    }
    expect(await reloaded.getByLabel('Counted per').inputValue()).toBe('month');
    expect(await reloaded.getByLabel('One row per model (its cheapest provider)').isChecked()).toBe(false);
    expect(await reloaded.getByLabel('Include retired models and offers (last known prices)').isChecked()).toBe(true);
    expect(await rankedRows(reloaded)).toEqual(before);
    expect(reloaded.url()).toBe(url);
  });

  it('reads a preset and a selected model from the link and shows that model first, with its own offers', async () => {
    const chosen = catalog.models.find((m) => m.listed && m.pricing.perMillionTokens.input !== 'variable' && m.pricing.perMillionTokens.input !== '0');
    if (!chosen) throw new Error('the catalog has no listed paid model');
    const page = await openCalculator(`?preset=classify&model=${encodeURIComponent(chosen.id)}`);
    expect(await page.getByLabel('Input tokens per request').inputValue()).toBe('400');
    expect(await page.getByLabel('Requests', { exact: true }).inputValue()).toBe('1000000');
    expect(await page.getByLabel('Counted per').inputValue()).toBe('month');
    const region = page.getByRole('region', { name: new RegExp(`^Selected model ${chosen.displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await region.waitFor();
    expect(await region.getAttribute('data-model-id')).toBe(chosen.id);
    expect(await page.getByTestId('calc-status').textContent()).toContain(`Selected model, shown first: ${chosen.displayName}.`);
    // Its rows are its own listed offers, as offers.json has them.
    const sellers = new Set(offerCatalog.offers.filter((o) => o.modelId === chosen.id && o.listed).map((o) => o.providerId));
    const rows = await region.locator('tbody tr[data-provider-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-provider-id')!));
    expect(rows.length).toBeGreaterThan(0);
    for (const provider of rows) expect(sellers.has(provider), provider).toBe(true);
    await region.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => page.getByTestId('calc-meant').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('model')).toBeNull();
  });

  it('lists image-incapable and variable-price offers apart from the ranking', async () => {
    const listedModels = new Map(catalog.models.filter((m) => m.listed).map((m) => [m.id, m]));
    const textOnly = offerCatalog.offers.find((o) => o.listed && listedModels.get(o.modelId)?.inputModalities.includes('image') === false);
    const variable = offerCatalog.offers.find((o) => o.listed && listedModels.has(o.modelId) && o.pricing.perMillionTokens.input === 'variable');
    if (!textOnly || !variable) throw new Error('the offers hold no text-only or no variable-price offer');
    const page = await openCalculator(`?images=1&offers=all&q=${encodeURIComponent(textOnly.modelId)}`);
    expect((await rankedRows(page)).some((r) => r.modelId === textOnly.modelId)).toBe(false);
    const cannot = page.locator(`[data-testid="calc-cannot"] li[data-model-id="${textOnly.modelId}"][data-provider-id="${textOnly.providerId}"]`);
    expect(await cannot.textContent()).toContain('does not take image input');
    // A model that writes no text (an image or audio generator) cannot answer a chat turn.
    const generator = offerCatalog.offers.find((o) => o.listed && listedModels.get(o.modelId)?.outputModalities.length && !listedModels.get(o.modelId)!.outputModalities.includes('text'));
    if (!generator) throw new Error('the offers hold no listed model that writes no text');
    const generatorPage = await openCalculator(`?offers=all&q=${encodeURIComponent(generator.modelId)}`);
    expect((await rankedRows(generatorPage)).some((r) => r.modelId === generator.modelId)).toBe(false);
    const item = generatorPage.locator(`[data-testid="calc-cannot"] li[data-model-id="${generator.modelId}"][data-provider-id="${generator.providerId}"]`);
    expect(await item.textContent()).toMatch(/writes [a-z ]+, not text/);
    const routers = await openCalculator(`?offers=all&q=${encodeURIComponent(variable.modelId)}`);
    expect(await routers.locator(`[data-testid="calc-variable"] li[data-model-id="${variable.modelId}"][data-provider-id="${variable.providerId}"]`).textContent()).toMatch(/variable/);
  });

  it('shows the preset ranking without JavaScript', async () => {
    const page = await newPage(VIEWPORTS.desktop, false);
    await page.goto(`${site.url}/calculator/`);
    const rows = await page.$$eval('#calc-fallback tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-exact]')?.getAttribute('data-exact') ?? ''));
    expect(rows.length).toBeGreaterThan(2);
    const costs = rows.map(scaled);
    expect(costs).toEqual([...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe('a broken pricing file', () => {
  it('says what is wrong with the file and keeps the server-rendered ranking, instead of a blank island', async () => {
    const page = await newPage();
    await page.route('**/api/pricing.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ asOf: '2026-01-01', models: 'none' }) }));
    await page.goto(`${site.url}/calculator/`);
    await startRanking(page);
    const status = page.getByTestId('calc-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Prices could not be loaded \(\/api\/pricing\.json: unexpected data: .*models.*\)/);
    expect(await page.locator('#calc-fallback').isVisible()).toBe(true);
    expect(await page.locator('#calc-fallback tbody tr').count()).toBeGreaterThan(0);
  });
});

describe('token counting of pasted text', () => {
  const PANGRAM = 'The quick brown fox jumps over the lazy dog.';

  async function countIn(page: Page, counter: string): Promise<string | null> {
    const cell = page.locator(`[data-testid="calc-token-counts"] tr[data-counter="${counter}"] td[data-count]`);
    await cell.waitFor({ timeout: 30_000 });
    return cell.getAttribute('data-count');
  }

  it('loads no tokenizer before text is pasted, then counts with several families and uses a count as input tokens', async () => {
    const page = await newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${site.url}/calculator/`);
    await startRanking(page);
    await page.waitForSelector('.calculator[data-ready="true"]');
    await page.waitForLoadState('networkidle');
    const beforePaste = scripts.length;
    await page.getByText('Count tokens of a text').click();
    await page.getByLabel('Paste a prompt or a typical answer').fill(PANGRAM);
    for (const counter of ['llama3', 'qwen3', 'mistral']) {
      await page.locator(`[data-testid="calc-token-counts"] tr[data-counter="${counter}"] button`).click();
    }
    // Llama 3 and Qwen 3: 10, one token per vocabulary word (established in test/unit/tokenizers.test.ts).
    expect(await countIn(page, 'llama3')).toBe('10');
    expect(await countIn(page, 'qwen3')).toBe('10');
    // GPT and Mistral: the same count as the tokenizer gives in Node.
    expect(await countIn(page, 'o200k')).toBe(String(await countTokens('o200k', PANGRAM)));
    expect(await countIn(page, 'mistral')).toBe(String(await countTokens('mistral', PANGRAM)));
    expect(await countIn(page, 'estimate')).toBe(String(Math.ceil(PANGRAM.length / 4)));
    expect(scripts.length).toBeGreaterThan(beforePaste);
    await page.locator('tr[data-counter="llama3"]').getByRole('button', { name: /^Use 10 / }).click();
    expect(await page.getByLabel('Input tokens per request').inputValue()).toBe('10');
    expect(page.url()).toContain('in=10&');
  }, 90_000);
});

describe('accessibility and layout', () => {
  it('has no serious or critical axe violations, with the token counter and a breakdown open', async () => {
    const page = await openCalculator('?offers=all');
    await page.getByText('Count tokens of a text').click();
    await page.getByLabel('Paste a prompt or a typical answer').fill('Hello world');
    await page.locator('[data-testid="calc-token-counts"] tr[data-counter="o200k"] td[data-count]').waitFor();
    await page.locator('[data-testid="calc-ranked"] button.calc-disclosure').first().click();
    await page.getByText('Chart data as a table').click();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('announces the cheapest result in a live region, in words that agree with the count', async () => {
    const page = await openCalculator();
    const status = page.getByRole('status');
    await page.getByLabel('Input tokens per request').fill('50000');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Cheapest of [\d,]+ ranked models: .+ at .+, \$[\d.,]+ per request/);
    // A model no other id contains, every listed offer of which is paid and holds the request.
    const ids = catalog.models.map((m) => m.id);
    const only = catalog.models.find((m) => {
      const offers = offerCatalog.offers.filter((o) => o.modelId === m.id && o.listed);
      return (
        m.listed &&
        offers.length > 0 &&
        ids.filter((id) => id.includes(m.id)).length === 1 &&
        offers.every((o) => /^\d/.test(o.pricing.perMillionTokens.input) && Number(o.pricing.perMillionTokens.input) > 0 && (o.contextLength ?? Infinity) > 50_500)
      );
    });
    if (!only) throw new Error('no model fits the one-result search');
    await page.getByLabel('Search models').fill(only.id);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Cheapest of 1 ranked model: /);
  });

  it.each(Object.entries(VIEWPORTS))('renders at the %s viewport without horizontal page overflow', async (name, viewport) => {
    const page = await openCalculator('?preset=agent', viewport);
    await page.locator('.calc-chart canvas').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('.calc-chart canvas')?.width ?? 0) > 0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `calculator-${name}-${viewport.width}`);
  });
});
