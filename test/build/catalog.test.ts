/**
 * The catalog, the retired list, author pages, the changes strip, the feed, the sitemap and the 404
 * page in the built site, all checked against data/ through the same formatters.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { distDir, loadPage, text } from '../support/site.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';
import { loadSnapshotChanges } from '../../src/lib/data-files/history.ts';
import { authorSummaries, catalogRow, plottedOnLogScales, rowFromDataset, type CatalogRowData } from '../../src/lib/catalog/catalog-view.ts';
import { formatCount, formatPricePerMillion } from '../../src/lib/format/format.ts';
import { authorPath, modelPath, toSlug } from '../../src/lib/format/slug.ts';

const catalog = loadCatalog();
const listed = catalog.models.filter((m) => m.listed);
const retired = catalog.models.filter((m) => !m.listed);

function tableRows($: cheerio.CheerioAPI, selector: string) {
  return $(`${selector} tbody tr`).toArray();
}

function datasetOf(el: { attribs: Record<string, string> }): Record<string, string> {
  return Object.fromEntries(
    Object.entries(el.attribs)
      .filter(([name]) => name.startsWith('data-'))
      .map(([name, value]) => [name.slice(5).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

describe('catalog page', () => {
  const $ = loadPage('/');

  it('lets people tick rows and compare them, even without JavaScript', () => {
    const form = $('form[action="/compare/"][method="get"]');
    expect(form.length).toBe(1);
    const boxes = form.find('table input[type="checkbox"][name="compare"]');
    expect(boxes.map((_, b) => $(b).attr('value')).get().sort()).toEqual(listed.map((m) => m.id).sort());
    for (const box of boxes.toArray().slice(0, 20)) expect($(box).attr('aria-label')).toMatch(/^Compare /);
    expect(text(form.find('[data-compare-fallback] button[type="submit"]'))).toBe('Compare ticked models');
  });

  it('lists every listed model once in a server-rendered table, linking to its card', () => {
    const rows = tableRows($, '#catalog');
    expect(rows.map((tr) => $(tr).attr('data-id')).sort()).toEqual(listed.map((m) => m.id).sort());
    for (const tr of rows) {
      const model = listed.find((m) => m.id === $(tr).attr('data-id'))!;
      expect($(tr).find('th a').attr('href')).toBe(modelPath(model.slug));
    }
  });

  it('shows each row\'s context and prices exactly, and carries the same values for the filter island', () => {
    for (const tr of tableRows($, '#catalog')) {
      const model = listed.find((m) => m.id === $(tr).attr('data-id'))!;
      const cells = $(tr).children('td:not(:has(input))').map((_, td) => text($(td))).get();
      expect(cells[1]).toBe(formatCount(model.contextLength));
      expect(cells[2]).toBe(formatPricePerMillion(model.pricing.perMillionTokens.input));
      expect(cells[3]).toBe(formatPricePerMillion(model.pricing.perMillionTokens.output));
      const row: CatalogRowData = rowFromDataset(datasetOf(tr as unknown as { attribs: Record<string, string> }));
      expect(row.contextLength).toBe(model.contextLength);
      expect(row.input).toBe(model.pricing.perMillionTokens.input);
      expect(row.output).toBe(model.pricing.perMillionTokens.output);
      expect(row.tags).toEqual(model.tags);
      expect(row.tokenizer).toBe(model.tokenizer);
      expect(row.inputModalities).toEqual(model.inputModalities);
      expect(row.displayName).toBe(model.displayName);
    }
  });

  it('keeps rows lean: no per-cell style attributes and no data the island does not read', () => {
    const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
    expect(body).not.toMatch(/data-astro-cid-|data-slug=/);
    // A budget, not a snapshot: about 750 bytes a row today, against 1.4 KB with scoped styles.
    expect(body.length / listed.length).toBeLessThan(900);
  });

  it('sorts newest first on the server and says so with aria-sort', () => {
    const created = tableRows($, '#catalog').map((tr) => $(tr).attr('data-created')!);
    expect(created).toEqual([...created].sort().reverse());
    expect($('#catalog thead th[aria-sort="descending"]').attr('data-sort-key')).toBe('created');
    expect($('#catalog thead th[aria-sort="none"]').length).toBe(5);
    expect(text($('#catalog caption'))).toContain(`${listed.length} listed models`);
  });

  it('hydrates the filter island without passing it the models', () => {
    const island = $('astro-island[component-url*="CatalogFilter"]');
    expect(island.length).toBe(1);
    expect((island.attr('props') ?? '').length).toBeLessThan(200);
  });

  it('links to the retired models and the author index', () => {
    expect($('a[href="/retired/"]').length).toBeGreaterThan(0);
    expect($('a[href="/authors/"]').length).toBeGreaterThan(0);
  });

  it('draws the price/context chart from the catalog table, which it names as its data', () => {
    const figure = $('[data-lazy-chart="price-context"]');
    expect(figure.attr('data-table')).toBe('catalog');
    const plottable = listed.filter((m) => m.contextLength !== null && m.pricing.perMillionTokens.input !== 'variable' && Number(m.pricing.perMillionTokens.input) > 0);
    expect(listed.filter((m) => plottedOnLogScales(catalogRow(m))).length).toBe(plottable.length);
    const label = figure.find('canvas[role="img"]').attr('aria-label') ?? '';
    expect(label).toContain(`for ${plottable.length} models, both on log scales`);
    expect(figure.find('figcaption a[href="#catalog"]').length).toBe(1);
  });

  it('shows the newest snapshot\'s new models and price changes', () => {
    const newest = [...loadSnapshotChanges()].sort((a, b) => b.date.localeCompare(a.date))[0]!;
    const strip = $('.changes');
    const addedListed = newest.added.filter((id) => listed.some((m) => m.id === id));
    expect(text(strip.find('h3').first())).toBe(`New models (${addedListed.length})`);
    const first = listed.find((m) => m.id === addedListed[0]);
    expect(strip.find(`a[href="${modelPath(first!.slug)}"]`).length).toBeGreaterThan(0);
    expect(text(strip)).toContain('Price and context changes');
    const directions = strip.find('.price-changes li > span').map((_, el) => $(el).attr('class')).get();
    expect(directions.length).toBeGreaterThan(0);
    expect(directions.filter((d) => !['up', 'down', 'changed'].includes(d))).toEqual([]);
  });
});

describe('retired models page', () => {
  it('lists every retired model with the date it disappeared', () => {
    const $ = loadPage('/retired/');
    const rows = tableRows($, '#retired');
    expect(rows.map((tr) => $(tr).attr('data-id')).sort()).toEqual(retired.map((m) => m.id).sort());
    const mixtral = rows.find((tr) => $(tr).attr('data-id') === 'mistralai/mixtral-8x7b-instruct')!;
    expect(text($(mixtral).children('td').eq(4))).toBe('Jun 13, 2026');
  });
});

describe('authors', () => {
  const summaries = authorSummaries(catalog.models);

  it('indexes every author with a link to a page of their own', () => {
    const $ = loadPage('/authors/');
    const hrefs = $('.authors a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.sort()).toEqual(summaries.map((s) => authorPath(s.author)).sort());
    expect(new Set(summaries.map((s) => toSlug(s.author))).size).toBe(summaries.length);
  });

  it('lists each author\'s listed and retired models on their page', () => {
    for (const summary of summaries) {
      const $ = loadPage(authorPath(summary.author));
      const ids = $('tbody tr[data-id]').map((_, tr) => $(tr).attr('data-id')).get().sort();
      expect(ids).toEqual(catalog.models.filter((m) => m.author === summary.author).map((m) => m.id).sort());
    }
  });
});

describe('site-wide', () => {
  function htmlFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return htmlFiles(full);
      return name.endsWith('.html') ? [full] : [];
    });
  }

  it('gives every page a title and a meta description', () => {
    const missing = htmlFiles(distDir()).filter((file) => {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      return $('title').text().trim() === '' || ($('meta[name="description"]').attr('content') ?? '').trim() === '';
    });
    expect(missing.map((f) => path.relative(distDir(), f))).toEqual([]);
  });

  it('has a 404 page that leads back to the catalog', () => {
    const $ = loadPage('/404.html');
    expect(text($('h1'))).toBe('Page not found');
    expect($('main a[href="/"]').length).toBe(1);
  });

  it('lists every model card in the sitemap', () => {
    const sitemaps = readdirSync(distDir()).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const xml = sitemaps.map((f) => readFileSync(path.join(distDir(), f), 'utf8')).join('\n');
    const missing = catalog.models.filter((m) => !xml.includes(`${modelPath(m.slug)}</loc>`)).map((m) => m.id);
    expect(missing).toEqual([]);
    expect(existsSync(path.join(distDir(), 'sitemap-index.xml'))).toBe(true);
  });

  it('publishes an RSS feed of new models and price changes with escaped text', () => {
    const xml = readFileSync(path.join(distDir(), 'feed.xml'), 'utf8');
    const $ = cheerio.load(xml, { xml: true });
    const items = $('item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.first().find('title').text()).toMatch(/^(New|Price change): /);
    expect(items.first().find('link').text()).toMatch(/^https?:\/\/.+\/models\/.+\/$/);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
  });
});
