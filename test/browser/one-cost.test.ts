/**
 * One workload, one figure: the same workload priced on the calculator, compare, a model card and the
 * playground's estimate gives the same cost on each. Expected figures come from the raw upstream
 * files (test/support/raw-prices.ts) through the BigInt reference (test/support/reference-pricing.ts),
 * never from src/lib/pricing.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSiteInChromium } from '../support/browser.ts';
import { startOpenAiTestServer, type OpenAiTestServer } from '../support/openai-test-server.ts';
import { rawOpenRouterPricing } from '../support/raw-prices.ts';
import { ONE, referenceCost, unscale, type ReferenceUsage } from '../support/reference-pricing.ts';

const site = useSiteInChromium();
const contexts: BrowserContext[] = [];
let api: OpenAiTestServer;

beforeAll(async () => {
  api = await startOpenAiTestServer();
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await api?.close();
});

async function open(urlPath: string): Promise<Page> {
  const { context, page } = await site.newPage();
  contexts.push(context);
  await page.goto(`${site.url}${urlPath}`);
  return page;
}

// The calculator is filtered to OpenRouter, whose listed price is the one cards, compare and the playground show.
/** A scaled amount as a page shows a total: cents (half up, thousands grouped) from one cent up. */
function shownAboveOneCent(value: bigint): string {
  const cent = ONE / 100n;
  if (value < cent) throw new Error('the test workloads cost a cent or more per month');
  const cents = (value + cent / 2n) / cent;
  const whole = (cents / 100n).toLocaleString('en-US');
  return `$${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

/** An exact amount as "$0.00045": at least two decimals, no trailing zeros beyond them. */
function shownExact(value: bigint): string {
  const [whole = '0', fraction = ''] = unscale(value).split('.');
  return `$${Number(whole).toLocaleString('en-US')}.${fraction.padEnd(2, '0')}`;
}

async function openCalculator(query: string): Promise<Page> {
  const page = await open(`/calculator/${query}`);
  await page.waitForSelector('.calculator[data-ready="true"]');
  const more = page.getByRole('button', { name: /Show all .* ranked models/ });
  if (await more.count()) await more.click();
  return page;
}

async function calculatorRow(page: Page, id: string): Promise<{ perRequest: string | null; perMonth: string | null }> {
  const row = page.locator(`[data-testid="calc-ranked"] tr[data-model-id="${id}"]`);
  return {
    perRequest: await row.locator('[data-cost="request"]').getAttribute('data-exact'),
    perMonth: await row.locator('[data-cost="month"]').getAttribute('data-exact'),
  };
}

async function compareCell(page: Page, rowId: string, id: string): Promise<string> {
  const text = await page.locator(`.compare-table tr[data-row="${rowId}"] td[data-model-id="${id}"]`).first().textContent();
  // The cheapest column also says so in words after the amount.
  return (text ?? '').replace(/\s+/g, ' ').replace(/ best value: cheapest$/, '').trim();
}

describe('one workload, one figure on every page', () => {
  // The card's chat turn: 1,000 input and 500 output tokens, 1,000 requests a day, 30-day month.
  const chat: ReferenceUsage = { promptTokens: 1_000, completionTokens: 500 };
  const models = ['openai/gpt-4o-mini', 'anthropic/claude-opus-4.6'];

  it('prices a chat turn the same on the calculator, compare, the card and the playground estimate', async () => {
    const expected = new Map(
      models.map((id) => {
        const perRequest = referenceCost(rawOpenRouterPricing(id), chat);
        return [id, { perRequest, perMonth: perRequest * 1_000n * 30n }];
      }),
    );
    // By hand for GPT-4o mini: 1,000 × $0.15/M + 500 × $0.60/M = $0.00045; Claude Opus 4.6: 1,000 × $5/M + 500 × $25/M = $0.0175.
    expect(unscale(expected.get('openai/gpt-4o-mini')!.perRequest)).toBe('0.00045');
    expect(unscale(expected.get('anthropic/claude-opus-4.6')!.perRequest)).toBe('0.0175');

    const calculator = await openCalculator('?preset=chat&provider=openrouter');
    const compare = await open(`/compare/?models=${models.join(',')}&in=1000&out=500&rpd=1000`);
    await compare.locator('.compare-table').waitFor();

    for (const id of models) {
      const { perRequest, perMonth } = expected.get(id)!;
      expect(await calculatorRow(calculator, id), `${id} on the calculator`).toEqual({ perRequest: unscale(perRequest), perMonth: unscale(perMonth) });

      const card = await open(`/models/${id}/`);
      const cardFigures = await card.locator('.card-cost-estimate strong[data-exact]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exact')));
      expect(cardFigures, `${id} on its card`).toEqual([unscale(perRequest), unscale(perMonth)]);

      expect(await compareCell(compare, 'cost-month', id), `${id} on compare, per month`).toBe(shownAboveOneCent(perMonth));

      const playground = await open(`/playground/?models=${encodeURIComponent(id)}`);
      await playground.locator('.live-trial[data-ready]').waitFor();
      const settings = playground.locator('details.trial-settings');
      if (!(await settings.evaluate((el) => (el as HTMLDetailsElement).open))) await settings.locator('summary').click();
      // The base URL first: the key field holds the key of the base URL's origin.
      await playground.getByLabel('Base URL').fill(api.baseUrl);
      await playground.getByLabel('API key', { exact: true }).fill('sk-test-one-cost');
      await playground.getByLabel('Max tokens').fill('500');
      // 3,984 characters at about four per token are 996 tokens, plus 4 for the message's template: 1,000.
      await playground.getByLabel('Prompt for every model').fill('x'.repeat(3_984));
      await playground.getByRole('button', { name: 'Send to all' }).click();
      const estimate = playground.locator('[data-metric="estimate"]').first();
      await estimate.waitFor();
      expect(await estimate.textContent(), `${id} in the playground`).toBe(`up to ${shownExact(perRequest)} for ≈1,000 input tokens + at most 500 output tokens`);
    }
  });

  it('prices cache reads and writes the same on compare as on the calculator, shares rounded to the nearest token', async () => {
    const id = 'anthropic/claude-opus-4.6';
    // 1,001 tokens: 50 % read from cache is 500.5 → 501 tokens (halves up), 10 % written is 100.1 → 100.
    const usage: ReferenceUsage = { promptTokens: 1_001, cacheReadTokens: 501, cacheWriteTokens: 100, completionTokens: 500 };
    const perRequest = referenceCost(rawOpenRouterPricing(id), usage);
    const perMonth = perRequest * 1_000n * 30n;
    // By hand: 400 × $5 + 501 × $0.50 + 100 × $6.25 + 500 × $25, per 1M tokens = $0.0153755.
    expect(unscale(perRequest)).toBe('0.0153755');

    const query = 'in=1001&out=500&cached=50&cachewrite=10';
    const calculator = await openCalculator(`?preset=chat&${query}&requests=1000&per=day&days=30&provider=openrouter`);
    expect(await calculatorRow(calculator, id)).toEqual({ perRequest: unscale(perRequest), perMonth: unscale(perMonth) });

    const compare = await open(`/compare/?models=${id},openai/gpt-4o-mini&${query}&rpd=1000`);
    await compare.locator('.compare-table').waitFor();
    expect(await compareCell(compare, 'cost-month', id)).toBe(shownAboveOneCent(perMonth));
  });
});
