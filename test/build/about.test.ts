/** /about/ says what each source is used for, with counts that match the raw data, and no source-code paths. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { fileForUrlPath, text } from '../support/site.ts';
import { siteWithOffers, SOURCE_NAMES_IN_WORDS, type OffersSite } from '../support/offers-site.ts';
import { grouped } from '../support/expected-text.ts';

let site: OffersSite;
beforeAll(async () => {
  site = await siteWithOffers();
}, 300_000);
afterAll(() => site?.close());

describe('/about/', () => {
  it('names every source with what it is used for and how many offers it states', () => {
    const $ = cheerio.load(readFileSync(fileForUrlPath(site.dist, '/about/'), 'utf8'));
    for (const [source, name] of Object.entries(SOURCE_NAMES_IN_WORDS)) {
      const row = $(`.sources-used tr[data-source="${source}"]`);
      expect(text(row.find('th')), source).toBe(name);
      expect(text(row.find('td').first()).length, source).toBeGreaterThan(20);
      const offers = site.offers.offers.filter((o) => o.statements.some((s) => s.source === source)).length;
      if (offers > 0) expect(text(row), source).toContain(`${grouped(offers)} offers`);
    }
    const withQuality = site.models.filter((m) => (m.quality ?? null) !== null).length; // older records have no quality key at all
    expect(text($('.sources-used tr[data-source="artificial-analysis"]'))).toContain(`quality figures for ${grouped(withQuality)} models`);
  });

  it('shows readers no source-code paths', () => {
    const $ = cheerio.load(readFileSync(fileForUrlPath(site.dist, '/about/'), 'utf8'));
    expect(text($('main'))).not.toMatch(/\bsrc\/|\.ts\b/);
  });
});
