/**
 * The refresh proof on pages: the synthetic newer OpenRouter snapshot of test/support/refreshed-raw.ts
 * (a model added, a price changed, a model gone) is normalized, the site is built from that output,
 * and the pages show the refresh. Expected figures come from the synthetic raw entries, converted here
 * (per token → per million by shifting the decimal point), never from the site's formatters.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { fileForUrlPath, text } from '../support/site.ts';
import { buildSiteFrom } from '../support/offers-site.ts';
import { refreshedRaw, type RefreshedRaw } from '../support/refreshed-raw.ts';
import { shiftDecimal } from '../support/raw-oracle.ts';
import { expectedDate, expectedPerMillion, grouped } from '../support/expected-text.ts';
import { modelPath } from '../../src/lib/format/slug.ts';

let synthetic: RefreshedRaw;
let site: { dist: string; close(): void };
let slugOf: Map<string, string>;

beforeAll(async () => {
  synthetic = refreshedRaw();
  const models = (JSON.parse(readFileSync(path.join(synthetic.outDir, 'models.json'), 'utf8')) as { models: { id: string; slug: string }[] }).models;
  slugOf = new Map(models.map((m) => [m.id, m.slug]));
  site = await buildSiteFrom(synthetic.outDir);
}, 900_000);

afterAll(() => {
  site?.close();
  synthetic?.close();
});

const page = (urlPath: string) => cheerio.load(readFileSync(fileForUrlPath(site.dist, urlPath), 'utf8'));
const card = (id: string) => page(modelPath(slugOf.get(id)!));

describe('pages built from a refreshed raw folder', () => {
  it("gives the added model a card with the snapshot's context and prices", () => {
    const $ = card(synthetic.added);
    const { context_length, pricing } = synthetic.addedEntry;
    expect(text($('#model-id'))).toBe(synthetic.added);
    expect(text($('.fact-context'))).toBe(`${grouped(context_length)} context`);
    expect(text($('.fact-input'))).toBe(`${expectedPerMillion(shiftDecimal(pricing.prompt, 6))} input tokens`);
    expect(text($('.fact-output'))).toBe(`${expectedPerMillion(shiftDecimal(pricing.completion, 6))} output tokens`);
  });

  it("shows the changed OpenRouter price on the model's card", () => {
    const $ = card(synthetic.changed);
    const cell = text($(`.offers-table tr[data-offer-id="openrouter/${synthetic.changed}"] td[data-price="input"]`));
    expect(cell.startsWith(expectedPerMillion(shiftDecimal(synthetic.changedPrompt, 6))), cell).toBe(true);
  });

  it("lists the gone model's OpenRouter offer as no longer offered since the new snapshot", () => {
    const $ = card(synthetic.retired);
    const row = $(`.retired-offers-table tr[data-offer-id="openrouter/${synthetic.retired}"]`);
    const column = $('.retired-offers-table thead th').map((_, th) => text($(th))).get().indexOf('Gone since');
    const gone = row.children('th, td').eq(column).find('time');
    expect([gone.attr('datetime'), text(gone)]).toEqual([synthetic.date, expectedDate(synthetic.date)]);
    expect($(`.offers-table tr[data-offer-id="openrouter/${synthetic.retired}"]`).length).toBe(0);
  });

  it('lists the added model in the catalog, linked to its card', () => {
    const pages = ['/'];
    for (let n = 2; existsSync(fileForUrlPath(site.dist, `/catalog/${n}/`)); n++) pages.push(`/catalog/${n}/`);
    const rows = pages.flatMap((p) => {
      const $ = page(p);
      return $(`#catalog tbody tr[data-id="${synthetic.added}"]`).map((_, tr) => $(tr).find('th a').attr('href')).get();
    });
    expect(rows).toEqual([modelPath(slugOf.get(synthetic.added)!)]);
  });
});
