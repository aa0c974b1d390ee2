/**
 * The card of a model sold by several providers (the site fixture's Mixtral 8x7B Instruct): the
 * samples and the live trial offer each provider's own OpenAI-compatible API and model id, priced
 * at that provider's offer, and a key typed for OpenRouter is never offered to another provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { OfferCatalog } from '../../src/lib/data/schema.ts';
import { launchBrowser, screenshot, seriousAxeViolations, VIEWPORTS } from '../support/browser.ts';
import { buildSiteFrom, FIXTURE_DATA } from '../support/offers-site.ts';
import { startOpenAiTestServer, type OpenAiTestServer } from '../support/openai-test-server.ts';
import { referenceCost } from '../support/reference-pricing.ts';
import { serveStatic, type StaticServer } from '../support/site.ts';

const CARD = '/models/mistralai/mixtral-8x7b-instruct/';
const MISTRAL_BASE = 'https://api.mistral.ai/v1';
const offers = OfferCatalog.parse(JSON.parse(readFileSync(path.join(FIXTURE_DATA, 'offers.json'), 'utf8')));
const mistralOffer = offers.offers.find((o) => o.modelId === 'mistralai/mixtral-8x7b-instruct' && o.providerId === 'mistral');
if (!mistralOffer) throw new Error('the fixture has no Mistral offer of Mixtral 8x7B Instruct');

let site: { dist: string; close(): void };
let server: StaticServer;
let browser: Browser;
let api: OpenAiTestServer;

beforeAll(async () => {
  // The committed snapshot's Mistral offer states no `api`; the fixture's does (models.dev, 2026-08-22).
  site = await buildSiteFrom(FIXTURE_DATA);
  [server, browser, api] = await Promise.all([serveStatic(site.dist), launchBrowser(), startOpenAiTestServer()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
  site?.close();
});

/** "$0.0003661" from a reference amount (USD × 10^40), as the page prints dollars. */
function usd(amount: bigint): string {
  const text = amount.toString().padStart(41, '0');
  const fraction = text.slice(-40).replace(/0+$/, '').padEnd(2, '0');
  return `$${BigInt(text.slice(0, -40))}.${fraction}`;
}

describe(`providers on ${CARD}`, () => {
  it('prints a sample per provider, picked without JavaScript, and the Mistral one runs as printed', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${CARD}`);
    const samples = page.locator('section[aria-labelledby="sample-heading"]');
    await expect(samples.locator('fieldset label').allTextContents()).resolves.toEqual([
      'OpenRouter (mistralai/mixtral-8x7b-instruct)',
      'Deep Infra (mistralai/Mixtral-8x7B-Instruct-v0.1)',
      'Mistral (open-mixtral-8x7b)',
      'Nvidia (mistralai/mixtral-8x7b-instruct)',
    ]);
    await samples.locator('label', { hasText: /^Mistral / }).click();
    const curl = samples.locator('[data-provider="mistral"] [data-sample="curl"]');
    await curl.locator('summary').click();
    await expect(curl.locator('pre').isVisible()).resolves.toBe(true);
    await expect(samples.locator('[data-provider="openrouter"] pre').first().isVisible()).resolves.toBe(false);
    const code = (await curl.locator('pre code').textContent()) ?? '';
    expect(code).toContain(`'${MISTRAL_BASE}/chat/completions'`);
    expect(code).toContain('$MISTRAL_API_KEY');
    const dir = mkdtempSync(path.join(process.cwd(), '.tmp', 'provider-sample-'));
    try {
      const file = path.join(dir, 'sample.sh');
      writeFileSync(file, code.replaceAll(MISTRAL_BASE, api.baseUrl));
      const before = api.requests.length;
      const { stdout } = await promisify(execFile)('sh', [file], { env: { ...process.env, MISTRAL_API_KEY: 'mistral-key-1' }, encoding: 'utf8', timeout: 30_000 });
      expect(stdout).toContain('Hello from the **test server**.');
      expect(api.requests[before]).toMatchObject({ authorization: 'Bearer mistral-key-1', body: { model: mistralOffer.providerModelId } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await context.close();
  });

  it('switches the live trial to a provider: its model id, its price, its own key', async () => {
    for (const viewport of [VIEWPORTS.phone, VIEWPORTS.desktop]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${server.url}${CARD}`);
      const widget = page.locator('.live-trial-card');
      await widget.scrollIntoViewIfNeeded();
      await widget.locator('.live-trial[data-ready]').waitFor();
      const key = widget.getByLabel('API key', { exact: true });
      await key.fill('sk-or-v1-openrouter-only');

      await widget.getByLabel('Provider').selectOption({ label: 'Mistral (open-mixtral-8x7b)' });
      // The OpenRouter key is not offered to Mistral.
      await expect(key.inputValue()).resolves.toBe('');
      await expect(widget.locator('.trial-field').first().textContent()).resolves.toContain(`Sends model id open-mixtral-8x7b to ${MISTRAL_BASE}`);
      // "Hello there" is 11 characters: ⌈11 / 4⌉ = 3 tokens + 4, at Mistral's own price, plus 512 output tokens.
      await widget.getByLabel(/^Prompt for /).fill('Hello there');
      const expected = referenceCost(mistralOffer.pricing, { promptTokens: 7, completionTokens: 512 });
      await expect(widget.locator('.trial-estimate').textContent()).resolves.toBe(`Estimated cost: up to ${usd(expected)} for ≈7 input tokens + at most 512 output tokens`);
      await widget.locator('details.trial-code summary').click();
      await widget.getByLabel('Language').selectOption('curl');
      const copied = (await widget.locator('.trial-code-text').textContent()) ?? '';
      expect(copied).toContain('"model": "open-mixtral-8x7b"');
      expect(copied).toContain('$MISTRAL_API_KEY');

      // Back to OpenRouter: its key comes back.
      await widget.getByLabel('Provider').selectOption({ index: 0 });
      await expect(key.inputValue()).resolves.toBe('sk-or-v1-openrouter-only');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await widget.getByLabel('Provider').selectOption({ label: 'Mistral (open-mixtral-8x7b)' });
      await screenshot(page, `card-providers-${viewport.width}`);
      await context.close();
    }
  });
});
