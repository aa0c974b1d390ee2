import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { distDir, fileForUrlPath, loadPage, text } from '../support/site.ts';
import { SEED_PAIR } from '../../src/lib/compare/curated-pairs.ts';
import { referenceCost, scaled } from '../support/reference-pricing.ts';
import type { Model, Offer } from '../../src/lib/data/schema.ts';

const SEEDS_PATH = '/compare/mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct/';

/**
 * Expected values come from the data folder the site was built from (data/ or ATLAS_DATA_DIR), read as
 * plain JSON, never from the snapshot's figures written here: a data refresh must not break these tests.
 */
const dataDir = path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
const catalog = JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as { asOf: string; models: Model[] };
const offersFile = path.join(dataDir, 'offers.json');
const allOffers = existsSync(offersFile) ? (JSON.parse(readFileSync(offersFile, 'utf8')) as { offers: Offer[] }).offers : [];
const seeds = SEED_PAIR.map((id) => catalog.models.find((m) => m.id === id)!);

/** "$0.20/M" → 0.2 × 10^40, to compare with a decimal string of the data exactly. */
function shownPrice(cell: string): bigint {
  const match = /^\$([\d,]+(?:\.\d+)?)\/M$/.exec(cell);
  if (!match) throw new Error(`not a per-1M price: ${cell}`);
  return scaled(match[1]!.replace(/,/g, ''));
}

/** A scaled USD amount rounded half-up to cents, as "$1,234.56". */
function cents(amount: bigint): string {
  const hundredths = (amount * 100n + scaled('0.5')) / scaled('1');
  const whole = (hundredths / 100n).toLocaleString('en-US');
  return `$${whole}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/** The value cells of one row, in column order: text without the badge, and the badge text. */
function rowCells($: CheerioAPI, rowId: string) {
  const row = $(`.compare-table tr[data-row="${rowId}"]`);
  expect(row.length, `row ${rowId}`).toBe(1);
  return row
    .find('td')
    .toArray()
    .map((td) => {
      const cell = $(td).clone();
      const badge = text(cell.find('.best-badge'));
      cell.find('.best-badge, .cell-note').remove();
      return { model: $(td).attr('data-model-id'), value: text(cell), best: $(td).hasClass('best'), badge };
    });
}

describe('the Mistral 7B Instruct v0.2 vs Mixtral 8x7B Instruct page', () => {
  const $ = loadPage(SEEDS_PATH);

  it('names both models in the heading and both ids as columns, in the curated order', () => {
    expect(text($('h1'))).toBe(`${seeds[0]!.modelName} vs ${seeds[1]!.modelName}`);
    expect($('.compare-table thead th[data-model-id]').toArray().map((th) => $(th).attr('data-model-id'))).toEqual([...SEED_PAIR]);
    expect(rowCells($, 'id').map((c) => c.value)).toEqual([...SEED_PAIR]);
  });

  it('renders the whole table in the HTML, outside any island, so it works without JavaScript', () => {
    expect($('.compare-table').length).toBe(1);
    expect($('astro-island .compare-table').length).toBe(0);
    expect($('.compare-table tbody tr[data-row]').length).toBeGreaterThan(50);
  });

  it('shows each context length with thousands separators, marked as differing only when they differ', () => {
    const cells = rowCells($, 'context');
    expect(cells.map((c) => c.value)).toEqual(seeds.map((m) => (m.contextLength === null ? 'unknown' : m.contextLength.toLocaleString('en-US'))));
    expect($('tr[data-row="context"]').hasClass('same')).toBe(seeds[0]!.contextLength === seeds[1]!.contextLength);
  });

  it('shows the input and output prices of the data and marks the lower one cheapest with a text badge', () => {
    for (const [row, key] of [['price-input', 'input'], ['price-output', 'output']] as const) {
      const cells = rowCells($, row);
      const prices = seeds.map((m) => scaled(m.pricing.perMillionTokens[key]));
      expect(cells.map((c) => shownPrice(c.value))).toEqual(prices);
      if (prices[0] !== prices[1]) {
        const cheaper = prices[0]! < prices[1]! ? 0 : 1;
        expect(cells.map((c) => c.best)).toEqual([cheaper === 0, cheaper === 1]);
        expect(cells[cheaper]!.badge).toBe('best value: cheapest');
      }
    }
  });

  it('shows 8 experts for Mixtral against none for the dense Mistral 7B, highlighted as a difference', () => {
    expect(rowCells($, 'arch-experts').map((c) => c.value)).toEqual(['none (dense)', '8']);
    const row = $('tr[data-row="arch-experts"]');
    expect(row.hasClass('differs')).toBe(true);
    expect(text(row.find('th .visually-hidden'))).toBe('(differs)');
  });

  it("shows the published sizes (Mistral 7B 7.24B, Mixtral 8x7B 46.7B parameters) and both configs' rope-theta of 1,000,000", () => {
    expect(rowCells($, 'arch-totalParams').map((c) => c.value)).toEqual(['7.24B', '46.7B']);
    expect(rowCells($, 'arch-ropeTheta').map((c) => c.value)).toEqual(['1,000,000 (1e6)', '1,000,000 (1e6)']);
  });

  it('prices the default workload (2,000 in, 500 out, 1,000 a day, 30 days) as the independent reference does, cheaper one marked', () => {
    const months = seeds.map((m) => referenceCost(m.pricing, { promptTokens: 2000, completionTokens: 500 }) * 1000n * 30n);
    const cells = rowCells($, 'cost-month');
    expect(cells.map((c) => c.value)).toEqual(months.map(cents));
    if (months[0] !== months[1]) expect(cells.map((c) => c.best)).toEqual([months[0]! < months[1]!, months[1]! < months[0]!]);
  });

  it('marks the best values where they belong: newest, smallest memory, most parameters supported', () => {
    const marks = (row: string) => rowCells($, row).map((c) => (c.best ? c.badge : ''));
    const newer = seeds[0]!.created > seeds[1]!.created ? 0 : 1;
    expect(marks('created')[newer]).toBe('best value: newest');
    // Mistral 7B has fewer parameters than Mixtral 8x7B (published sizes): its weights are smaller.
    expect(marks('weights-4')).toEqual(['best value: smallest', '']);
    const params = seeds.map((m) => m.supportedParameters.length);
    if (params[0] !== params[1]) expect(marks('supported-parameters')[params[0]! > params[1]! ? 0 : 1]).toBe('best value: most');
  });

  it('server-renders the data tables of the charts, with every price step of the history', () => {
    for (const id of ['chart-prices', 'chart-workload', 'chart-context', 'chart-history']) {
      expect($(`#${id} canvas[role="img"]`).length, id).toBe(1);
      expect($(`#${id} details table`).length, id).toBe(1);
    }
    const history = $('#chart-history table tbody tr')
      .toArray()
      .map((tr) => $(tr).find('th, td').toArray().map((c) => text($(c))));
    const mixtral = seeds[1]!;
    const first = mixtral.history[0]!;
    const row = history.find((cells) => cells[0] === mixtral.modelName && !cells[1]!.startsWith('unchanged'));
    expect(row).toBeDefined();
    expect(shownPrice(row![2]!)).toBe(scaled(first.pricing.perMillionTokens.input as string));
  });

  it('links to the interactive comparison of the same pair and to related pairs that exist', () => {
    expect($(`a[href="/compare/?models=${SEED_PAIR.join(',')}"]`).length).toBe(1);
    const related = $('#related-heading').parent().find('a').toArray().map((a) => $(a).attr('href')!);
    expect(related.length).toBeGreaterThan(0);
    for (const href of related) expect(existsSync(fileForUrlPath(distDir(), href)), href).toBe(true);
  });
});

describe('/compare/ without JavaScript', () => {
  const $ = loadPage('/compare/');

  it('explains itself and links to the Mistral pair and every curated pair page, all of which exist', () => {
    expect(text($('h1'))).toBe('Compare models');
    expect($(`a[href="${SEEDS_PATH}"]`).length).toBe(1);
    const pairLinks = $('a[href^="/compare/"][href$="/"]')
      .toArray()
      .map((a) => $(a).attr('href')!)
      .filter((href) => href !== '/compare/');
    expect(pairLinks.length).toBeGreaterThan(0);
    for (const href of pairLinks) expect(existsSync(fileForUrlPath(distDir(), href)), href).toBe(true);
  });

  it('offers quick picks as a plain GET form of compare checkboxes, the Mistral pair first', () => {
    const form = $('form[action="/compare/"][method="get"]');
    expect(form.length).toBe(1);
    const values = form.find('input[type="checkbox"][name="compare"]').toArray().map((i) => $(i).attr('value'));
    expect(values.slice(0, 2)).toEqual([...SEED_PAIR]);
    expect(form.find('[data-compare-fallback] button[type="submit"]').length).toBe(1);
  });

  it('says the interactive part needs JavaScript, in a note that only shows without it', () => {
    expect(text($('.compare-no-js'))).toContain('needs JavaScript');
    expect($('script[src="/compare-early.js"]').length).toBe(1);
  });

  it('never uses internal words such as "the seeds pair" in what people read', () => {
    // "Seed" alone is a model family name (ByteDance Seed); the project's word was "seeds".
    expect(text($('main'))).not.toMatch(/\bseeds\b/i);
  });
});

describe('variant and predecessor pair pages', () => {
  it('compare Mistral 7B Instruct v0.2 with its predecessor v0.1', () => {
    const page = loadPage('/compare/mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mistral-7b-instruct-v0.1/');
    expect(page('.compare-table thead th[data-model-id]').toArray().map((th) => page(th).attr('data-model-id'))).toEqual([
      'mistralai/mistral-7b-instruct-v0.2',
      'mistralai/mistral-7b-instruct-v0.1',
    ]);
    expect(text(page('.compare-intro').first())).toContain('against its predecessor');
  });

  it('give every variant pair a page comparing the base with the variant', () => {
    const $ = loadPage('/compare/');
    const variantLinks = $('summary:contains("Against a variant")').parent().find('a').toArray();
    expect(variantLinks.length).toBeGreaterThan(0);
    const href = $(variantLinks[0]).attr('href')!;
    const page = loadPage(href);
    const [base, variant] = page('.compare-table thead th[data-model-id]').toArray().map((th) => page(th).attr('data-model-id')!);
    expect(variant!.startsWith(`${base}:`)).toBe(true);
  });
});

describe('/api/compare/<slug>.json', () => {
  const file = (slug: string) => JSON.parse(readFileSync(path.join(distDir(), 'api', 'compare', `${slug}.json`), 'utf8'));

  it('holds one model per file in compact form: no descriptions, notes or provider rows', () => {
    for (const model of catalog.models) {
      const data = file(model.slug);
      expect(data.asOf).toBe(catalog.asOf);
      expect(data.model.id).toBe(model.id);
      for (const key of ['description', 'notes', 'providers', 'sources']) expect(key in data.model, `${model.id} ${key}`).toBe(false);
    }
  });

  it("keeps the architecture values, the price history and every offer of the model's data", () => {
    const mixtral = seeds[1]!;
    const data = file(mixtral.slug).model;
    expect(data.architecture.experts).toBe(mixtral.architecture.experts?.value);
    expect(data.architecture.totalParams).toBe(mixtral.architecture.totalParams?.value);
    expect(data.history.map((h: { pricing: { perMillionTokens: { input: string } } }) => h.pricing.perMillionTokens.input)).toEqual(
      mixtral.history.map((h) => h.pricing.perMillionTokens.input),
    );
    expect(data.offers.map((o: { id: string }) => o.id).sort()).toEqual(allOffers.filter((o) => o.modelId === mixtral.id).map((o) => o.id).sort());
  });

  it('lists every model for the picker at /api/compare-picker.json', () => {
    const picker = JSON.parse(readFileSync(path.join(distDir(), 'api', 'compare-picker.json'), 'utf8'));
    expect(picker.models.map((m: { id: string }) => m.id).sort()).toEqual(catalog.models.map((m) => m.id).sort());
  });
});
