/**
 * The catalog, its pages without JavaScript, the rows file, the retired list, author pages, the
 * changes strip, the feed, the sitemap and the 404 page in the built site. Expected values come from
 * data/ through test/support/catalog-oracle.ts, never from the site's own formatting code.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { distDir, loadPage, text } from '../support/site.ts';
import { expectedRows, newestFirst, priceText } from '../support/catalog-oracle.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';
import { authorSummaries } from '../../src/lib/catalog/authors.ts';
import { authorPath, modelPath, toSlug } from '../../src/lib/format/slug.ts';

const catalog = loadCatalog();
const listed = catalog.models.filter((m) => m.listed).sort(newestFirst);
const retired = catalog.models.filter((m) => !m.listed);
const expected = new Map(expectedRows().map((r) => [r.model.id, r]));
const PAGE = 50;

function tableRows($: cheerio.CheerioAPI, selector: string) {
  return $(`${selector} tbody tr`).toArray();
}

describe('catalog page', () => {
  const $ = loadPage('/');

  it('shows the first 50 listed models, newest first, each linking to its card', () => {
    const rows = tableRows($, '#catalog');
    expect(rows.map((tr) => $(tr).attr('data-id'))).toEqual(listed.slice(0, PAGE).map((m) => m.id));
    for (const tr of rows) expect($(tr).find('th a').attr('href')).toBe(modelPath(toSlug($(tr).attr('data-id')!)));
    expect($('#catalog thead th[aria-sort="descending"]').attr('data-sort-key')).toBe('created');
  });

  it('reaches every listed model without JavaScript through the page links', () => {
    const seen: string[] = [];
    const pages = Math.ceil(listed.length / PAGE);
    for (let page = 1; page <= pages; page += 1) {
      const p = loadPage(page === 1 ? '/' : `/catalog/${page}/`);
      seen.push(...tableRows(p, '#catalog').map((tr) => p(tr).attr('data-id')!));
      if (page < pages) expect(p(`nav[data-pager] a[href="/catalog/${page + 1}/"]`).length).toBeGreaterThan(0);
    }
    expect(seen).toEqual(listed.map((m) => m.id));
  });

  it("shows each row's context, cheapest current prices and providers exactly", () => {
    for (const tr of tableRows($, '#catalog')) {
      const row = expected.get($(tr).attr('data-id')!)!;
      const cells = $(tr).children('td:not(:has(input))').map((_, td) => text($(td))).get();
      // Author, context, input, output, providers, quality, created.
      expect(cells[1]).toBe(row.model.contextLength === null ? 'unknown' : row.model.contextLength.toLocaleString('en-US'));
      expect(cells[2]).toBe(priceText(row.input));
      expect(cells[3]).toBe(priceText(row.output));
      expect(cells[4]).toBe(row.providers.length === 0 ? '–' : String(row.providers.length));
      expect(cells[5]).toBe(row.model.quality?.intelligenceIndex == null ? '–' : String(row.model.quality.intelligenceIndex));
    }
  });

  it('lets people tick rows and compare them, even without JavaScript', () => {
    const form = $('form[action="/compare/"][method="get"]');
    const boxes = form.find('table input[type="checkbox"][name="compare"]');
    expect(boxes.map((_, b) => $(b).attr('value')).get()).toEqual(listed.slice(0, PAGE).map((m) => m.id));
    expect(text(form.find('[data-compare-fallback] button[type="submit"]'))).toBe('Compare ticked models');
  });

  it('keeps the first load small: no framework island, lean rows', () => {
    expect($('astro-island').length).toBe(0);
    const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
    expect(body).not.toMatch(/data-astro-cid-/);
    // A budget, not a snapshot: rows carry only their id for the island.
    expect(body.length / Math.min(PAGE, listed.length)).toBeLessThan(800);
  });

  it('puts the catalog before "What changed" and the chart, with a skip link past the table', () => {
    const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    expect(html.indexOf('name="q"')).toBeLessThan(html.indexOf('id="catalog"'));
    expect(html.indexOf('id="catalog"')).toBeLessThan(html.indexOf('id="changes-heading"'));
    expect($('a.skip-table').attr('href')).toBe('#after-catalog');
    expect($('#after-catalog').length).toBe(1);
  });

  it('publishes every model, listed and retired, with its cheapest current prices in /catalog/rows.json', () => {
    const json = JSON.parse(readFileSync(path.join(distDir(), 'catalog', 'rows.json'), 'utf8')) as { rows: unknown[][] };
    expect(json.rows.length).toBe(catalog.models.length);
    for (const tuple of json.rows) {
      const row = expected.get(tuple[0] as string)!;
      expect([tuple[5], tuple[6], tuple[16]]).toEqual([row.input, row.output, row.model.listed ? 1 : 0]);
    }
  });

  it('names the models the price/context chart can plot', () => {
    const plottable = listed.filter((m) => m.contextLength !== null && /[1-9]/.test(expected.get(m.id)!.input) && expected.get(m.id)!.input !== 'variable');
    const figure = $('[data-lazy-chart="price-context"]');
    expect(figure.find('canvas[role="img"]').attr('aria-label') ?? '').toContain(`for ${plottable.length} models, both on log scales`);
    expect(text(figure.find('figcaption'))).toContain(`${plottable.length} models listed`);
  });

  it('says what changed in words: no bare markers, no "none → 1 tier", spaces kept', () => {
    const strip = $('.changes');
    expect(text(strip.find('h3').eq(1))).toMatch(/^Price and context changes \(\d+ models\)$/);
    const items = strip.find('.price-changes li').map((_, li) => text($(li))).get();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).not.toMatch(/•|none →|→ none/);
      expect(item).toMatch(/^\S.*: \S/);
    }
    const marks = strip.find('.price-changes li > span').map((_, el) => text($(el))).get();
    expect(marks.filter((m) => m !== '(up)' && m !== '(down)')).toEqual([]);
  });
});

describe('retired models page', () => {
  it('lists every retired model with the date it disappeared', () => {
    const $ = loadPage('/retired/');
    const rows = tableRows($, '#retired');
    expect(rows.map((tr) => $(tr).attr('data-id')).sort()).toEqual(retired.map((m) => m.id).sort());
    for (const tr of rows) {
      const model = retired.find((m) => m.id === $(tr).attr('data-id'))!;
      expect($(tr).find('td time').attr('datetime')).toBe(model.retiredSince ?? model.created);
    }
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
