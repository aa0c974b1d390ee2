/**
 * Model cards in the built site: one per model, the normalized figures shown exactly, the seed
 * facts, safe descriptions, no "undefined"/empty cells, and the JSON API next to them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { distDir, fileForUrlPath, loadPage, text } from '../support/site.ts';
import { buildSiteFrom } from '../support/offers-site.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';
import { modelPath } from '../../src/lib/format/slug.ts';
import { expectedDate, expectedPerMillion, grouped } from '../support/expected-text.ts';
import type { Model } from '../../src/lib/data/schema.ts';

const catalog = loadCatalog();
const MIXTRAL = 'mistralai/mixtral-8x7b-instruct';
const MISTRAL_7B = 'mistralai/mistral-7b-instruct-v0.2';

/** The header's price fact, spelled out here rather than by the card's formatter. */
function headerPrice(price: string, side: 'input' | 'output'): string {
  const text = expectedPerMillion(price);
  return text === 'free' ? `Free ${side} tokens` : text === 'variable' ? `Variable ${side} price` : `${text} ${side} tokens`;
}

/** Tests that read every card of the real catalog (thousands of pages) get minutes, not the default minute. */
const EVERY_CARD_TIMEOUT = 600_000;

const parsed = new Map<string, cheerio.CheerioAPI>();

/** A card, parsed once per file: tests only read it (the one that edits a page loads its own). */
function card(model: Model): cheerio.CheerioAPI {
  const cached = parsed.get(model.id);
  if (cached) return cached;
  const $ = loadPage(modelPath(model.slug));
  parsed.set(model.id, $);
  return $;
}

/** A table row's cells, each whitespace-normalized, joined by single spaces. */
function rowText($: cheerio.CheerioAPI, row: Parameters<cheerio.CheerioAPI>[0]): string {
  return $(row).children('th, td').map((_, cell) => text($(cell))).get().join(' ');
}

/** The text of a figure row in the architecture table. */
function figure($: cheerio.CheerioAPI, field: string): string {
  return text($(`.architecture-table tr[data-field="${field}"] td.num`));
}

describe('a card for every model', () => {
  it('gives every model a unique slug and a built page', () => {
    const slugs = catalog.models.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const missing = catalog.models.filter((m) => !existsSync(fileForUrlPath(distDir(), modelPath(m.slug)))).map((m) => m.id);
    expect(missing).toEqual([]);
  });

  it('shows exactly the normalized id, context and input/output prices in each header and pricing table', () => {
    const wrong: string[] = [];
    for (const model of catalog.models) {
      const $ = card(model);
      const expected = {
        id: model.id,
        context: model.contextLength === null ? 'Context unknown' : `${grouped(model.contextLength)} context`,
        input: headerPrice(model.pricing.perMillionTokens.input, 'input'),
        output: headerPrice(model.pricing.perMillionTokens.output, 'output'),
        inputRow: expectedPerMillion(model.pricing.perMillionTokens.input),
        outputRow: expectedPerMillion(model.pricing.perMillionTokens.output),
      };
      const actual = {
        id: text($('#model-id')),
        context: text($('.fact-context')),
        input: text($('.fact-input')),
        output: text($('.fact-output')),
        inputRow: text($('.pricing-table tbody tr').filter((_, tr) => text($(tr).find('th')) === 'Input').find('td.num')),
        outputRow: text($('.pricing-table tbody tr').filter((_, tr) => text($(tr).find('th')) === 'Output').find('td.num')),
      };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${model.id}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
    }
    expect(wrong).toEqual([]);
  }, EVERY_CARD_TIMEOUT);

  it('lists every pricing dimension a model has', () => {
    const wrong: string[] = [];
    for (const model of catalog.models) {
      const $ = card(model);
      const rows = $('.pricing-table tbody tr').length;
      const expected = new Set(['input', 'output', ...Object.keys(model.pricing.perMillionTokens)]).size + Object.keys(model.pricing.perUnit).length;
      const tiers = $('.tier-table').length;
      if (rows !== expected || tiers !== model.pricing.tiers.length) wrong.push(`${model.id}: ${rows} rows/${tiers} tiers, expected ${expected}/${model.pricing.tiers.length}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never shows undefined, NaN, null or an empty table cell', () => {
    const wrong: string[] = [];
    for (const model of catalog.models) {
      const $ = loadPage(modelPath(model.slug));
      const main = $('main');
      main.find('script, style, pre, [data-description]').remove();
      const body = text(main);
      const bad = body.match(/\b(undefined|NaN|null)\b/);
      if (bad) wrong.push(`${model.id}: "${bad[0]}" in "${body.slice(Math.max(0, (bad.index ?? 0) - 40), (bad.index ?? 0) + 40)}"`);
      main.find('td, th').each((_, cell) => {
        if (text($(cell)) === '' && $(cell).find('button, input, select').length === 0) wrong.push(`${model.id}: empty cell in ${$(cell).closest('table').attr('class')}`);
      });
    }
    expect(wrong).toEqual([]);
  }, EVERY_CARD_TIMEOUT);

  it('gives every card a title and a description naming the model', () => {
    for (const model of catalog.models) {
      const $ = card(model);
      expect($('title').text()).toBe(`${model.displayName} · Model Atlas`);
      expect($('meta[name="description"]').attr('content')).toContain(model.id);
    }
  });

  it('shows a retired banner exactly on models that are no longer listed', () => {
    const wrong = catalog.models.filter((m) => card(m)('[data-retired-banner]').length !== (m.listed ? 0 : 1)).map((m) => m.id);
    expect(wrong).toEqual([]);
  });

  it('links each variant to its base and each base to its variants', () => {
    const withBase = catalog.models.filter((m) => m.baseId !== null);
    expect(withBase.length).toBeGreaterThan(0);
    for (const variant of withBase) {
      const base = catalog.models.find((m) => m.id === variant.baseId)!;
      expect(card(variant)(`a[href="${modelPath(base.slug)}"]`).length, variant.id).toBeGreaterThan(0);
      expect(card(base)(`a[href="${modelPath(variant.slug)}"]`).length, base.id).toBeGreaterThan(0);
    }
  });

  it('offers compare links that start with the card\'s own model', () => {
    for (const model of catalog.models.filter((m) => m.listed).slice(0, 50)) {
      for (const href of card(model)('a.compare-link').map((_, a) => cheerio.load(a)('a').attr('href')).get()) {
        const ids = new URLSearchParams(href.split('?')[1]).get('models')?.split(',');
        expect(ids?.[0]).toBe(model.id);
        expect(ids?.length).toBe(2);
      }
    }
  });
});

describe('the seed cards', () => {
  const mixtral = catalog.models.find((m) => m.id === MIXTRAL)!;
  const mistral = catalog.models.find((m) => m.id === MISTRAL_7B)!;

  it('Mixtral 8x7B Instruct shows its header facts', () => {
    const $ = card(mixtral);
    expect(text($('h1'))).toBe('Mistral: Mixtral 8x7B Instruct');
    expect(text($('#model-id'))).toBe(MIXTRAL);
    expect(text($('.fact-created'))).toBe('Dec 10, 2023');
    expect(text($('.fact-context'))).toBe('32,768 context');
    expect(text($('.fact-input'))).toBe('$0.54/M input tokens');
    expect(text($('.fact-output'))).toBe('$0.54/M output tokens');
    expect($('.card-header .tags').text()).toContain('#moe');
    if (mixtral.retiredSince !== null) expect(text($('[data-retired-banner]'))).toContain(`No longer listed since ${expectedDate(mixtral.retiredSince)}`);
  });

  it('Mixtral 8x7B Instruct shows 8 experts, about 47B (46.7B) parameters, rope-theta 1e6 and no sliding window', () => {
    const $ = card(mixtral);
    expect(figure($, 'experts')).toBe('8');
    expect(figure($, 'expertsPerToken')).toBe('2');
    expect(figure($, 'totalParams')).toBe('46.7B (46,702,792,704)');
    expect(text($('[data-moe-summary]'))).toContain('8 experts, 2 used per token; 46.7B (about 47B) parameters in total, 12.9B active per token');
    expect(figure($, 'ropeTheta')).toBe('1,000,000 (1e6)');
    expect(figure($, 'slidingWindow')).toMatch(/^none/);
    expect(text($('.notes'))).toContain('46.7B parameters in total');
  });

  it('Mixtral 8x7B Instruct marks its price rise in the history table', () => {
    const $ = card(mixtral);
    const rows = $('.history-table tbody tr');
    expect(rows.length).toBe(2);
    expect(text(rows.eq(0).find('th'))).toBe('May 20, 2025');
    expect(text(rows.eq(1).find('td[data-key="input"]'))).toBe('$0.54/M ▲ (up)');
    expect(rows.eq(1).find('td.changed').length).toBe(2);
    expect($('[data-lazy-chart="price-history"] canvas').length).toBe(1);
  });

  it('Mistral 7B Instruct v0.2 shows its header facts and notes', () => {
    const $ = card(mistral);
    expect(text($('#model-id'))).toBe(MISTRAL_7B);
    expect(text($('.fact-created'))).toBe('Dec 28, 2023');
    expect(text($('.fact-context'))).toBe('32,768 context');
    expect(text($('.fact-input'))).toBe('$0.20/M input tokens');
    expect(text($('.fact-output'))).toBe('$0.20/M output tokens');
    if (mistral.retiredSince !== null) expect(text($('[data-retired-banner]'))).toContain(`No longer listed since ${expectedDate(mistral.retiredSince)}`);
    expect(figure($, 'ropeTheta')).toBe('1,000,000 (1e6)');
    expect(figure($, 'slidingWindow')).toMatch(/^none/);
    expect(text($('.notes'))).toContain('32k context window (vs 8k context in v0.1)');
    expect(text($('.notes'))).toContain('No sliding-window attention');
  });

  it('Mistral 7B Instruct v0.2 sizes weights and a 4 GiB KV cache at 32,768 tokens', () => {
    const $ = card(mistral);
    expect(text($('[data-kv-full]'))).toBe('At the full context (32,768 tokens): 4 GiB');
    expect(text($('.weights-table tr[data-bits="16"] td'))).toBe('13.5 GiB');
    expect($('#kv-context option').map((_, o) => $(o).attr('value')).get()).toEqual(['1024', '2048', '4096', '8192', '16384', '32768']);
  });

  it('repairs the description\'s broken "/modelsmistralai/…" link', () => {
    const $ = card(mistral);
    const href = $('[data-description] a').attr('href');
    const v01 = catalog.models.find((m) => m.id === 'mistralai/mistral-7b-instruct-v0.1');
    expect(href).toBe(v01 ? modelPath(v01.slug) : 'https://openrouter.ai/mistralai/mistral-7b-instruct-v0.1');
  });
});

describe('descriptions are inert on every card', () => {
  it('has no script, event handler, javascript: link or raw iframe inside any description', () => {
    const wrong: string[] = [];
    for (const model of catalog.models) {
      const $ = card(model);
      const description = $('[data-description]');
      if (description.find('script, iframe, object, embed, img, style').length > 0) wrong.push(`${model.id}: active element`);
      description.find('*').each((_, el) => {
        for (const name of Object.keys((el as unknown as { attribs: Record<string, string> }).attribs)) {
          if (name.startsWith('on')) wrong.push(`${model.id}: ${name} attribute`);
        }
      });
      $('a[href], [src]').each((_, el) => {
        const url = $(el).attr('href') ?? $(el).attr('src') ?? '';
        if (/^\s*(javascript|vbscript|data):/i.test(url)) wrong.push(`${model.id}: ${url}`);
      });
    }
    expect(wrong).toEqual([]);
  });
});

describe('what a card ships', () => {
  it('loads no island eagerly and keeps its eager script small, with chart.js only behind a dynamic import', () => {
    const $ = card(catalog.models.find((m) => m.id === MIXTRAL)!);
    const eagerIslands = $('astro-island').filter((_, el) => !['visible', 'idle', 'only'].includes($(el).attr('client') ?? ''));
    expect(eagerIslands.length).toBe(0);
    const scripts = $('script[type="module"][src]').map((_, s) => $(s).attr('src')).get();
    expect(scripts.length).toBe(1);
    // Follow the static imports of the eager script: they must not pull chart.js in.
    const seen = new Set<string>();
    const queue = [...scripts];
    let gzipBytes = 0;
    while (queue.length > 0) {
      const src = queue.shift()!;
      if (seen.has(src)) continue;
      seen.add(src);
      const code = readFileSync(path.join(distDir(), src));
      gzipBytes += gzipSync(code).length;
      expect(code.toString()).not.toContain('Chart.register');
      for (const match of code.toString().matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"`;]*?from\s*)?["'`](\.[^"'`]+)["'`]/g)) {
        queue.push(path.posix.join(path.posix.dirname(src), match[1]!));
      }
    }
    expect(gzipBytes).toBeLessThan(4_000);
  });
});

describe('JSON API', () => {
  it('publishes the whole catalog at /api/models.json', () => {
    const api = JSON.parse(readFileSync(path.join(distDir(), 'api/models.json'), 'utf8'));
    expect(api.asOf).toBe(catalog.asOf);
    expect(api.models.map((m: Model) => m.id)).toEqual(catalog.models.map((m) => m.id));
    expect(api.models[0].url).toBe(modelPath(catalog.models[0]!.slug));
  });

  it('publishes each model at /api/models/<slug>.json, identical to the normalized record', () => {
    for (const model of catalog.models) {
      const file = path.join(distDir(), 'api/models', `${model.slug}.json`);
      const { model: published } = JSON.parse(readFileSync(file, 'utf8'));
      const { url, ...record } = published;
      expect(record).toEqual(model);
      expect(url).toBe(modelPath(model.slug));
    }
  });
});

describe('a site built from fixture data', () => {
  let fixtureDist = '';
  let closeFixtureSite = () => {};
  const page = (urlPath: string) => cheerio.load(readFileSync(fileForUrlPath(fixtureDist, urlPath), 'utf8'));

  beforeAll(async () => {
    const site = await buildSiteFrom(path.resolve('test/fixtures/site-data'));
    fixtureDist = site.dist;
    closeFixtureSite = site.close;
  }, 240_000);

  afterAll(() => closeFixtureSite());

  it('renders a hostile description as text, with no live script, handler or javascript: link', () => {
    const $ = page('/models/fixture/hostile-description/');
    const description = $('[data-description]');
    expect(description.find('script, img').length).toBe(0);
    expect(text(description)).toContain('<script>window.__pwned = 1</script>');
    expect(text(description)).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(description.find('.inert-link').map((_, el) => $(el).text()).get()).toEqual(['bad link', 'uppercase']);
    const hrefs = description.find('a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual(['/models/mistralai/mixtral-8x7b-instruct/', 'https://openrouter.ai/docs/quickstart']);
    expect(description.find('a[href^="https://"]').attr('rel')).toBe('noopener noreferrer nofollow');
    const html = readFileSync(fileForUrlPath(fixtureDist, '/models/fixture/hostile-description/'), 'utf8');
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toContain('<script>window.__pwned');
  });

  it('shows a hostile provider\'s offer as text, its name and model id inert', () => {
    const $ = page('/models/fixture/hostile-description/');
    const row = $('.offers-table tbody tr');
    expect(row.length).toBe(1);
    expect(text(row.find('th a'))).toBe('<img src=x onerror=alert(3)>Hostile');
    expect(text(row.find('.provider-model-id'))).toBe('<b>x</b>"\'><script>alert(1)</script>');
    expect($('.offers-table img, .offers-table script, .offers-table b').length).toBe(0);
  });

  it('prices the chat turn at each offer: 1,000 input and 500 output tokens at $0.70/$0.70 per M is $0.00105', () => {
    const $ = page('/models/mistralai/mixtral-8x7b-instruct/');
    expect($('.offers-table tr[data-offer-id="mistral/open-mixtral-8x7b"] td[data-cost-exact]').attr('data-cost-exact')).toBe('0.00105');
    expect(text($('.fact-offers'))).toBe('free input at 1 of 4 providers');
  });

  it('shows quality and speed with Artificial Analysis named and linked, the knowledge cutoff and reasoning efforts', () => {
    const $ = page('/models/anthropic/claude-sonnet-4.5/');
    expect($('.quality-table tr').map((_, tr) => rowText($, tr)).get()).toEqual(['Intelligence index 29.3', 'Math index 37']);
    expect($('.quality-source a').attr('href')).toBe('https://artificialanalysis.ai/models/claude-4-5-sonnet');
    expect(text($('.quality-source'))).toContain('Artificial Analysis, figures of Jul 31, 2026');
    expect(text($('[data-knowledge-cutoff]'))).toBe('Knowledge cutoff: July 2025');
    expect(text($('[data-reasoning-efforts]'))).toBe('Reasoning efforts offered: low, medium, high');
    expect($('#quality-heading').length).toBe(1);
    expect(page('/models/openrouter/auto/')('#quality-heading').length).toBe(0);
  });

  it('shows the top provider\'s limits, with moderation explained, when a model has no offers and no endpoints', () => {
    const $ = page('/models/openrouter/auto/');
    const rows = $('.top-provider tr').map((_, tr) => rowText($, tr)).get();
    expect(rows.slice(0, 2)).toEqual(['Context 2,000,000 tokens', 'Max output 2,000,000 tokens']);
    expect(rows[2]).toMatch(/^Moderated: OpenRouter runs a content-moderation check .* no$/);
  });

  it('shows per-unit prices, the discount and unknown pricing keys', () => {
    const $ = page('/models/fixture/hostile-description/');
    expect($('.pricing-table tbody tr').map((_, tr) => rowText($, tr)).get()).toEqual([
      'Input $0.54/M per 1M tokens',
      'Output $0.54/M per 1M tokens',
      'Cache read $0.05/M per 1M tokens',
      'Per request $0.005 USD each',
      'Per input image $0.0048 USD each',
    ]);
    expect(text($('.discount'))).toBe('Discount: 20% off every price.');
    expect(text($('#pricing-heading').parent())).toContain('audio_seconds: 0.0001');
  });

  it('shows long-prompt tiers, free and variable pricing plainly', () => {
    const sonnet = page('/models/anthropic/claude-sonnet-4.5/');
    expect(text(sonnet('.tier-table caption'))).toBe('Prompts of 200,001 tokens or more');
    expect(sonnet('.tier-table tbody tr').map((_, tr) => rowText(sonnet, tr)).get()).toContain('Input $6.00/M per 1M tokens');
    expect(page('/models/alibaba/tongyi-deepresearch-30b-a3b--free/')('[data-free]').length).toBe(1);
    const auto = page('/models/openrouter/auto/');
    expect(text(auto('.fact-input'))).toBe('Variable input price');
    expect(text(auto('.badge.variable'))).toMatch(/^Variable/);
  });

  it('builds without a history folder and says the architecture is unknown where it is', () => {
    const $ = page('/models/fixture/hostile-description/');
    expect(text($('#architecture-heading').parent())).toContain('not published in the sources this site reads');
    expect(text($('#self-hosting-heading').parent())).toContain('Unknown');
    expect(existsSync(path.join(fixtureDist, 'index.html'))).toBe(true);
  });
});
