/**
 * The refresh proof: a copy of data/raw gets a synthetic newer OpenRouter snapshot (one model added,
 * one price changed, one model gone), is rebuilt through `data:build --raw --out`, and the same data
 * checks as on the committed data pass on it. Expected values come from the synthetic snapshot and
 * the raw files, never from the committed catalog.
 *
 * The pages built from the same refresh are checked in test/build/refresh-site.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Catalog, OfferCatalog } from '../../src/lib/data/schema.ts';
import { catalogChecks, type BuiltCatalog } from '../support/catalog-checks.ts';
import { shiftDecimal } from '../support/raw-oracle.ts';
import { refreshedRaw, type RefreshedRaw } from '../support/refreshed-raw.ts';

let built: BuiltCatalog;
let synthetic: RefreshedRaw;

beforeAll(() => {
  synthetic = refreshedRaw();
  built = {
    rawDir: synthetic.rawDir,
    catalog: Catalog.parse(JSON.parse(readFileSync(path.join(synthetic.outDir, 'models.json'), 'utf8'))),
    offers: OfferCatalog.parse(JSON.parse(readFileSync(path.join(synthetic.outDir, 'offers.json'), 'utf8'))),
  };
}, 600_000);

afterAll(() => synthetic?.close());

describe('a refreshed raw folder (synthetic newer OpenRouter snapshot)', () => {
  catalogChecks(() => built);

  it('dates the catalog by the new snapshot and lists the added model with its OpenRouter offer', () => {
    expect(built.catalog.asOf).toBe(synthetic.date);
    const model = built.catalog.models.find((m) => m.id === synthetic.added)!;
    expect(model).toMatchObject({ listed: true, firstSeen: synthetic.date, retiredSince: null });
    expect(built.offers.offers.find((o) => o.id === `openrouter/${synthetic.added}`)).toMatchObject({ listed: true, firstSeen: synthetic.date });
  });

  it('shows the changed price from the new date on, with the old one in the history', () => {
    const offer = built.offers.offers.find((o) => o.id === `openrouter/${synthetic.changed}`)!;
    expect(offer.pricing.perMillionTokens.input).toBe(shiftDecimal(synthetic.changedPrompt, 6));
    const last = offer.history[offer.history.length - 1]!;
    expect([last.date, last.source, last.pricing.perMillionTokens.input]).toEqual([synthetic.date, 'openrouter', shiftDecimal(synthetic.changedPrompt, 6)]);
    expect(offer.history.length).toBeGreaterThan(1);
    const model = built.catalog.models.find((m) => m.id === synthetic.changed)!;
    expect(model.history[model.history.length - 1]!.date).toBe(synthetic.date);
  });

  it("retires the dropped model's OpenRouter offer since the new snapshot, and lists the model only while others sell it", () => {
    const offer = built.offers.offers.find((o) => o.id === `openrouter/${synthetic.retired}`)!;
    expect(offer).toMatchObject({ listed: false, retiredSince: synthetic.date });
    const others = built.offers.offers.filter((o) => o.modelId === synthetic.retired && o.listed);
    expect(built.catalog.models.find((m) => m.id === synthetic.retired)!.listed).toBe(others.length > 0);
  });
});
