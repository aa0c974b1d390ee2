/**
 * The calculator as built: its data endpoint, its server-rendered fallback, and the cost estimate on
 * model cards. Expected amounts come from the BigInt reference in test/support/reference-pricing.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog, Pricing } from '../../src/lib/data/schema.ts';
import { referenceCost, scaled } from '../support/reference-pricing.ts';
import { distDir, loadPage, text } from '../support/site.ts';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../data/models.json', import.meta.url), 'utf8')));

describe('/api/pricing.json', () => {
  const body = JSON.parse(readFileSync(path.join(distDir(), 'api', 'pricing.json'), 'utf8')) as { asOf: string; models: Record<string, unknown>[] };

  it('lists every catalog model once with only the fields the calculator reads', () => {
    expect(body.asOf).toBe(catalog.asOf);
    expect(body.models.map((m) => m.id)).toEqual(catalog.models.map((m) => m.id));
    for (const entry of body.models) {
      expect(Object.keys(entry).sort()).toEqual(
        ['author', 'authorLabel', 'contextLength', 'displayName', 'id', 'inputModalities', 'listed', 'maxCompletionTokens', 'pricing', 'slug', 'tags', 'tokenizer'].sort(),
      );
      expect(Pricing.safeParse(entry.pricing).success, String(entry.id)).toBe(true);
    }
  });
});

describe('/calculator/ as built', () => {
  const $ = loadPage('/calculator/');

  it('passes the island a data URL, not the catalog', () => {
    const island = $('astro-island[component-url*="Calculator"]');
    expect(island.length).toBe(1);
    expect(island.attr('client')).toBe('load');
    expect((island.attr('props') ?? '').length).toBeLessThan(500);
  });

  it('renders the chat-turn ranking of every listed paid model that fits, cheapest first', () => {
    const usage = { promptTokens: 1_000, completionTokens: 500 };
    const expected = catalog.models
      .filter((m) => m.listed && m.pricing.perMillionTokens.input !== 'variable' && (m.contextLength ?? Infinity) >= 1_500 && (m.maxCompletionTokens ?? Infinity) >= 500)
      .map((m) => referenceCost(m.pricing, usage))
      .filter((cost) => cost > 0n)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const shown = $('#calc-fallback tbody tr')
      .map((_, tr) => scaled($(tr).find('[data-exact]').first().attr('data-exact') ?? ''))
      .get();
    expect(shown).toEqual(expected);
  });
});

describe('cost estimate on a model card', () => {
  it('prices a chat turn with the per-request fee and links to the calculator for the model', () => {
    const $ = loadPage('/models/perplexity/sonar/');
    const estimate = $('.card-cost-estimate');
    expect(estimate.length).toBe(1);
    // 1,000 × $1/M + 500 × $1/M + $0.005 per request = $0.0065; × 1,000 a day × 30 days = $195
    expect(text(estimate)).toContain('A chat turn (1,000 input + 500 output tokens) costs $0.0065; 1,000 turns a day for 30 days come to $195.00 a month.');
    expect(estimate.find('a').attr('href')).toBe('/calculator/?preset=chat&model=perplexity%2Fsonar');
  });

  it('says a router has no fixed cost instead of a number', () => {
    const $ = loadPage('/models/openrouter/auto/');
    expect(text($('.card-cost-estimate'))).toMatch(/has no fixed cost here/);
  });
});
