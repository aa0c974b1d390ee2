import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { distDir, fileForUrlPath, loadPage, text } from '../support/site.ts';
import { SEED_PAIR, type CompareData } from '../../src/lib/compare/compare.ts';

const SEEDS_PATH = '/compare/mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct/';

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

describe('the seeds pair page', () => {
  const $ = loadPage(SEEDS_PATH);

  it('names both models in the heading and both ids as columns, in the curated order', () => {
    expect(text($('h1'))).toBe('Mistral 7B Instruct v0.2 vs Mixtral 8x7B Instruct');
    expect($('.compare-table thead th[data-model-id]').toArray().map((th) => $(th).attr('data-model-id'))).toEqual([...SEED_PAIR]);
    expect(rowCells($, 'id').map((c) => c.value)).toEqual([...SEED_PAIR]);
  });

  it('renders the whole table in the HTML, outside any island, so it works without JavaScript', () => {
    expect($('.compare-table').length).toBe(1);
    expect($('astro-island .compare-table').length).toBe(0);
    expect($('.compare-table tbody tr[data-row]').length).toBeGreaterThan(50);
  });

  it('shows 32,768 tokens of context for both, as a row that does not differ', () => {
    expect(rowCells($, 'context')).toEqual([
      { model: SEED_PAIR[0], value: '32,768', best: false, badge: '' },
      { model: SEED_PAIR[1], value: '32,768', best: false, badge: '' },
    ]);
    expect($('tr[data-row="context"]').hasClass('same')).toBe(true);
  });

  it('shows the input and output prices and marks Mistral 7B as cheapest with a text badge', () => {
    for (const row of ['price-input', 'price-output']) {
      const cells = rowCells($, row);
      expect(cells.map((c) => c.value)).toEqual(['$0.20/M', '$0.54/M']);
      expect(cells.map((c) => c.best)).toEqual([true, false]);
      expect(cells[0]!.badge).toBe('best value: cheapest');
    }
  });

  it('shows 8 experts for Mixtral against none for the dense Mistral 7B, highlighted as a difference', () => {
    expect(rowCells($, 'arch-experts').map((c) => c.value)).toEqual(['none (dense)', '8']);
    const row = $('tr[data-row="arch-experts"]');
    expect(row.hasClass('differs')).toBe(true);
    expect(text(row.find('th .visually-hidden'))).toBe('(differs)');
  });

  it('shows 7.24B against 46.7B total parameters, and rope-theta 1e6 for both', () => {
    expect(rowCells($, 'arch-totalParams').map((c) => c.value)).toEqual(['7.24B', '46.7B']);
    expect(rowCells($, 'arch-ropeTheta').map((c) => c.value)).toEqual(['1e6 (1,000,000)', '1e6 (1,000,000)']);
  });

  it('marks the best values where they belong: newest, cheapest workload, smallest memory, most parameters supported', () => {
    const marks = (row: string) => rowCells($, row).map((c) => (c.best ? c.badge : ''));
    expect(marks('created')).toEqual(['best value: newest', '']);
    expect(marks('cost-month')).toEqual(['best value: cheapest', '']);
    expect(rowCells($, 'cost-month').map((c) => c.value)).toEqual(['$15.00', '$40.50']);
    expect(marks('weights-4')).toEqual(['best value: smallest', '']);
    expect(marks('supported-parameters')).toEqual(['', 'best value: most']);
    // Unknown max output for Mistral 7B: one known value is nothing to rank.
    expect(marks('max-output')).toEqual(['', '']);
    expect(rowCells($, 'max-output').map((c) => c.value)).toEqual(['unknown', '16,384']);
  });

  it('server-renders the data tables of the charts, price history included', () => {
    for (const id of ['chart-prices', 'chart-workload', 'chart-context', 'chart-history']) {
      expect($(`#${id} canvas[role="img"]`).length, id).toBe(1);
      expect($(`#${id} details table`).length, id).toBe(1);
    }
    const history = $('#chart-history table tbody tr')
      .toArray()
      .map((tr) => $(tr).find('th, td').toArray().map((c) => text($(c))));
    expect(history).toContainEqual(['Mixtral 8x7B Instruct', 'May 20, 2025', '$0.08/M', '$0.24/M', '32,768']);
    expect(history).toContainEqual(['Mixtral 8x7B Instruct', 'Dec 18, 2025', '$0.54/M', '$0.54/M', '32,768']);
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

  it('explains itself and links to the seeds pair and every curated pair page, all of which exist', () => {
    expect(text($('h1'))).toBe('Compare models');
    expect($(`a[href="${SEEDS_PATH}"]`).length).toBe(1);
    const pairLinks = $('a[href^="/compare/"][href$="/"]')
      .toArray()
      .map((a) => $(a).attr('href')!)
      .filter((href) => href !== '/compare/');
    expect(pairLinks.length).toBeGreaterThan(100);
    for (const href of pairLinks) expect(existsSync(fileForUrlPath(distDir(), href)), href).toBe(true);
  });

  it('offers quick picks as a plain GET form of compare checkboxes, seeds first', () => {
    const form = $('form[action="/compare/"][method="get"]');
    expect(form.length).toBe(1);
    const values = form.find('input[type="checkbox"][name="compare"]').toArray().map((i) => $(i).attr('value'));
    expect(values.slice(0, 2)).toEqual([...SEED_PAIR]);
    expect(form.find('[data-compare-fallback] button[type="submit"]').length).toBe(1);
  });

  it('says the interactive part needs JavaScript in the island fallback', () => {
    expect(text($('astro-island'))).toContain('needs JavaScript');
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
    expect(variantLinks.length).toBeGreaterThan(10);
    const href = $(variantLinks[0]).attr('href')!;
    const page = loadPage(href);
    const [base, variant] = page('.compare-table thead th[data-model-id]').toArray().map((th) => page(th).attr('data-model-id')!);
    expect(variant!.startsWith(`${base}:`)).toBe(true);
  });
});

describe('/api/compare.json', () => {
  const data = JSON.parse(readFileSync(path.join(distDir(), 'api', 'compare.json'), 'utf8')) as CompareData & { models: Record<string, unknown>[] };

  it('holds every catalog model in compact form: no descriptions, notes or provider rows', () => {
    const catalog = JSON.parse(readFileSync(path.resolve(process.env.ATLAS_DATA_DIR ?? 'data', 'models.json'), 'utf8')) as { models: unknown[]; asOf: string };
    expect(data.models.length).toBe(catalog.models.length);
    expect(data.asOf).toBe(catalog.asOf);
    for (const key of ['description', 'notes', 'providers', 'sources']) expect(data.models.some((m) => key in m), key).toBe(false);
  });

  it('keeps the architecture values and price history the island compares', () => {
    const mixtral = data.models.find((m) => m.id === SEED_PAIR[1]) as unknown as CompareData['models'][number];
    expect(mixtral.architecture.experts).toBe(8);
    expect(mixtral.architecture.totalParams).toBe(46702792704);
    expect(mixtral.history.map((h) => h.pricing.perMillionTokens.input)).toEqual(['0.08', '0.54']);
  });
});
