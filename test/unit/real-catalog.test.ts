/**
 * The catalog built from the committed raw data (data/raw), checked against the raw files
 * themselves with an independent decimal conversion (string digit shifting, no big.js).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import { readRawFolder } from '../../scripts/normalize.ts';
import { stableJson } from '../../src/lib/data/stable-json.ts';
import { openRouterModelEntries } from '../../src/lib/data/sources/openrouter-models.ts';
import type { HistoryPoint, Model } from '../../src/lib/data/schema.ts';

const result = normalizeCatalog(readRawFolder('data/raw'));
const { catalog } = result;
const byId = new Map(catalog.models.map((m) => [m.id, m]));

/** "0.00000054" per token → "0.54" per million, by moving the decimal point six places. */
function shiftSix(perToken: string): string {
  if (perToken === '-1') return 'variable';
  const [int, frac = ''] = perToken.split('.');
  const digits = `${int}${frac.padEnd(6, '0')}`;
  const point = int!.length + 6;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

function pointAt(model: Model, date: string): HistoryPoint {
  return model.history.filter((p) => p.date <= date).pop()!;
}

// The catalog is still built from the snapshots up to 2026-01-29 (the bridge in scripts/normalize.ts)
// until the identity and offers stage reads every source's listing.
const openRouterSnapshots = readdirSync('data/raw/openrouter')
  .filter((f) => /^openrouter-models-\d{4}-\d{2}-\d{2}\.json$/.test(f) && f.slice(18, 28) <= '2026-01-29')
  .map((f) => ({ date: f.slice(18, 28), models: openRouterModelEntries(f, JSON.parse(readFileSync(`data/raw/openrouter/${f}`, 'utf8'))) as any[] }));

describe('catalog from the committed raw data', () => {
  it('holds every model of every snapshot, and rejects nothing from the real data', () => {
    expect(catalog.rejected).toEqual([]);
    const ids = new Set(openRouterSnapshots.flatMap((s) => s.models.map((m) => m.id)));
    const modelsDev = JSON.parse(readFileSync('data/raw/models-dev/openrouter-2026-06-13.json', 'utf8')).openrouter.models;
    for (const id of Object.keys(modelsDev)) ids.add(id);
    expect(new Set(catalog.models.map((m) => m.id))).toEqual(ids);
    expect(catalog.counts.listed + catalog.counts.retired).toBe(ids.size);
  });

  it('lists exactly the models of the newest snapshot', () => {
    const newest = Object.keys(JSON.parse(readFileSync('data/raw/models-dev/openrouter-2026-06-13.json', 'utf8')).openrouter.models).sort();
    expect(catalog.asOf).toBe('2026-06-13');
    expect(catalog.models.filter((m) => m.listed).map((m) => m.id)).toEqual(newest);
  });

  it('states prices and context exactly as each OpenRouter snapshot did', () => {
    let checked = 0;
    for (const snapshot of openRouterSnapshots) {
      for (const raw of snapshot.models) {
        const point = pointAt(byId.get(raw.id)!, snapshot.date);
        expect(point.contextLength, `${raw.id} @ ${snapshot.date}`).toBe(raw.context_length);
        expect(point.pricing.perMillionTokens.input, `${raw.id} @ ${snapshot.date}`).toBe(shiftSix(raw.pricing.prompt));
        expect(point.pricing.perMillionTokens.output, `${raw.id} @ ${snapshot.date}`).toBe(shiftSix(raw.pricing.completion));
        if (raw.pricing.input_cache_read) {
          expect(point.pricing.perMillionTokens.cacheRead).toBe(shiftSix(raw.pricing.input_cache_read));
        }
        if (raw.pricing.request && raw.pricing.request !== '0') expect(point.pricing.perUnit.request).toBe(raw.pricing.request);
        checked += 1;
      }
    }
    expect(checked).toBe(openRouterSnapshots.reduce((n, s) => n + s.models.length, 0));
  });

  it('states models.dev prices exactly as written there', () => {
    const modelsDev: Record<string, any> = JSON.parse(readFileSync('data/raw/models-dev/openrouter-2026-06-13.json', 'utf8')).openrouter.models;
    for (const [id, raw] of Object.entries(modelsDev)) {
      const model = byId.get(id)!;
      expect(model.contextLength, id).toBe(raw.limit.context);
      if (raw.cost) {
        expect(model.pricing.perMillionTokens.input, id).toBe(String(raw.cost.input));
        expect(model.pricing.perMillionTokens.output, id).toBe(String(raw.cost.output));
      } else {
        expect(model.pricing.perMillionTokens.input, id).toBe('variable');
      }
    }
  });

  it('gets the seed models right', () => {
    const mistral = byId.get('mistralai/mistral-7b-instruct-v0.2')!;
    expect(mistral).toMatchObject({ created: '2023-12-28', contextLength: 32768, listed: false, retiredSince: '2026-06-13' });
    expect(mistral.architecture.ropeTheta?.value).toBe(1_000_000);
    expect(mistral.architecture.slidingWindow?.value).toBe('none');
    expect(mistral.notes.map((n) => n.text)).toContain('32k context window (vs 8k context in v0.1)');

    const mixtral = byId.get('mistralai/mixtral-8x7b-instruct')!;
    expect(mixtral).toMatchObject({ created: '2023-12-10', contextLength: 32768, listed: false, retiredSince: '2026-06-13' });
    expect(mixtral.architecture.experts?.value).toBe(8);
    expect(mixtral.architecture.expertsPerToken?.value).toBe(2);
    expect(Math.abs(mixtral.architecture.totalParams!.value / 46.7e9 - 1)).toBeLessThan(0.01);
    expect(mixtral.tags).toContain('moe');
    const prices = (date: string) => {
      const p = pointAt(mixtral, date).pricing.perMillionTokens;
      return [p.input, p.output];
    };
    expect(prices('2025-05-20')).toEqual(['0.08', '0.24']);
    expect(prices('2026-01-29')).toEqual(['0.54', '0.54']);
  });

  it('matches the committed data/models.json and data/history (run npm run data:build if this fails)', () => {
    expect(readFileSync('data/models.json', 'utf8')).toBe(stableJson(catalog));
    for (const changes of result.history) {
      expect(readFileSync(`data/history/${changes.date}.json`, 'utf8')).toBe(stableJson(changes));
    }
    expect(readdirSync('data/history').sort()).toEqual(result.history.map((h) => `${h.date}.json`));
  });

  it('gives every model a unique slug', () => {
    const slugs = catalog.models.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
