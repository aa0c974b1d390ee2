/**
 * The catalog built from the committed raw data (data/raw), checked against the raw files themselves
 * through an independent reading (test/support/raw-oracle.ts). Nothing here pins the committed
 * snapshot: a refreshed data/raw passes the same checks (test/unit/refresh.test.ts proves it).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import { readRawFolder } from '../../scripts/normalize.ts';
import { outputFiles } from '../../scripts/normalize-output.ts';
import type { HistoryPoint, Model } from '../../src/lib/data/schema.ts';
import { catalogChecks } from '../support/catalog-checks.ts';
import { newestStatements } from '../support/raw-oracle.ts';

const RAW = 'data/raw';
const result = normalizeCatalog(readRawFolder(RAW));
const built = { rawDir: RAW, catalog: result.catalog, offers: result.offers };

function pointAt(model: Model, date: string): HistoryPoint {
  return model.history.filter((p) => p.date <= date).pop()!;
}

describe('catalog from the committed raw data', () => {
  catalogChecks(() => built);

  it('keeps every OpenRouter model’s price and context history as each snapshot stated it', () => {
    const byId = new Map(result.catalog.models.map((m) => [m.id, m]));
    // The newest statement of each id: the model's history point on that date says the same.
    for (const s of newestStatements(RAW).filter((x) => x.source === 'openrouter')) {
      const model = byId.get(s.key)!;
      expect(model, s.key).toBeDefined();
      const point = pointAt(model, s.date);
      expect([point.pricing.perMillionTokens.input, point.pricing.perMillionTokens.output, point.contextLength], s.key).toEqual([s.input, s.output, s.contextLength]);
    }
  });

  it('matches the committed data/ files (run npm run data:build if this fails)', () => {
    for (const [file, text] of outputFiles(result)) expect(readFileSync(`data/${file}`, 'utf8'), file).toBe(text);
    expect(readdirSync('data/history').sort()).toEqual(result.history.map((h) => `${h.date}.json`));
  });
});
