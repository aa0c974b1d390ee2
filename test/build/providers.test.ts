/**
 * /providers/ and /providers/<id>/ in the built HTML: every provider and offer of the raw offers.json,
 * "cheapest for" counts against the independent reference pricing, and upstream URLs linked only when
 * they are http(s).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { fileForUrlPath, text } from '../support/site.ts';
import { CHAT_TURN, expectedPerMillion, isPlainDecimal, siteWithOffers, type OffersSite } from '../support/offers-site.ts';
import { referenceCost } from '../support/reference-pricing.ts';

let site: OffersSite;
beforeAll(async () => {
  site = await siteWithOffers();
}, 300_000);
afterAll(() => site?.close());

const page = (urlPath: string) => cheerio.load(readFileSync(fileForUrlPath(site.dist, urlPath), 'utf8'));
/** Provider ids are plain slugs in the data; the page path is written out here rather than taken from src. */
const pathOf = (id: string) => `/providers/${id.toLowerCase().replace(/[^a-z0-9._/-]+/g, '-')}/`;

describe('provider pages', () => {
  it('lists every provider on /providers/, each linked to a page that exists', () => {
    const $ = page('/providers/');
    const listed = $('.provider-list tbody tr').map((_, tr) => $(tr).attr('data-provider-id')).get();
    expect(listed.sort()).toEqual(site.offers.providers.map((p) => p.id).sort());
    for (const provider of site.offers.providers) {
      expect($(`.provider-list tr[data-provider-id="${provider.id}"] th a`).attr('href')).toBe(pathOf(provider.id));
      expect(text(page(pathOf(provider.id))('h1'))).toBe(provider.name);
    }
  });

  it('shows each provider\'s offers, current and gone apart, with their prices', () => {
    for (const provider of site.offers.providers) {
      const $ = page(pathOf(provider.id));
      const own = site.offers.offers.filter((o) => o.providerId === provider.id);
      expect($('.provider-offers tbody tr').map((_, tr) => $(tr).attr('data-offer-id')).get().sort(), provider.id).toEqual(own.filter((o) => o.listed).map((o) => o.id).sort());
      expect($('.provider-retired tbody tr').map((_, tr) => $(tr).attr('data-offer-id')).get().sort(), provider.id).toEqual(own.filter((o) => !o.listed).map((o) => o.id).sort());
      const inputText = new Map($('.provider-offers tbody tr').map((_, tr) => [[$(tr).attr('data-offer-id'), text($(tr).find('td[data-price="input"]'))]]).get() as [string, string][]);
      for (const offer of own.filter((o) => o.listed)) {
        const input = offer.pricing.perMillionTokens.input;
        if (isPlainDecimal(input)) expect(inputText.get(offer.id)?.startsWith(expectedPerMillion(input)), `${offer.id}: ${inputText.get(offer.id)}`).toBe(true);
      }
    }
  }, 240_000);

  it('counts the models each provider is the cheapest current seller of for a chat turn', () => {
    const expected = new Map<string, number>();
    for (const modelId of new Set(site.offers.offers.map((o) => o.modelId))) {
      const costs = site.offers.offers
        .filter((o) => o.modelId === modelId && o.listed && isPlainDecimal(o.pricing.perMillionTokens.input) && isPlainDecimal(o.pricing.perMillionTokens.output))
        .map((o) => ({ provider: o.providerId, cost: referenceCost(o.pricing, CHAT_TURN) }));
      if (costs.length === 0) continue;
      const lowest = costs.reduce((min, c) => (c.cost < min ? c.cost : min), costs[0]!.cost);
      for (const provider of new Set(costs.filter((c) => c.cost === lowest).map((c) => c.provider))) expected.set(provider, (expected.get(provider) ?? 0) + 1);
    }
    const $ = page('/providers/');
    for (const provider of site.offers.providers) {
      expect(Number(text($(`tr[data-provider-id="${provider.id}"] [data-cheapest-for]`)).replace(/,/g, '')), provider.id).toBe(expected.get(provider.id) ?? 0);
    }
  });

  it('links API base URLs and docs only when they are http(s), and shows hostile names as text', () => {
    for (const provider of site.offers.providers) {
      const html = readFileSync(fileForUrlPath(site.dist, pathOf(provider.id)), 'utf8');
      expect(html, provider.id).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
      const $ = cheerio.load(html);
      const api = $('[data-api-base] a').attr('href');
      if (provider.apiBaseUrl !== null && /^https?:\/\//.test(provider.apiBaseUrl)) expect(api, provider.id).toBe(new URL(provider.apiBaseUrl).href);
      else expect(api, provider.id).toBeUndefined();
      expect($('main img, main [onerror]').length, provider.id).toBe(0);
      expect($('script').filter((_, el) => $(el).text().includes('alert(')).length, provider.id).toBe(0);
    }
  });
});
