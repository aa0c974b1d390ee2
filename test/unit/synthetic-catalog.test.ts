import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSyntheticRaw, realTemplates, writeSyntheticRaw, SYNTHETIC_DATES } from '../../bench/synthetic-catalog.ts';
import { readRawFolder } from '../../scripts/normalize.ts';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import {
  Catalog,
  CuratedNotesFile,
  Provenance,
  RawHuggingFaceConfig,
  RawOpenRouterEndpoints,
  RawOpenRouterModel,
  RawOpenRouterModelsEnvelope,
} from '../../src/lib/data/schema.ts';

// Larger than the real catalog, so the generator has to clone templates under new ids.
const COUNT = 1500;

function normalizeSynthetic(count: number, seed: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-synthetic-test-'));
  try {
    writeSyntheticRaw(dir, { count, seed });
    return normalizeCatalog(readRawFolder(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('synthetic benchmark catalog', () => {
  it('writes raw files that each validate against the raw upstream schemas', () => {
    const files = generateSyntheticRaw({ count: COUNT, seed: 7 });
    const snapshots = [...files.keys()].filter((f) => f.startsWith('openrouter/openrouter-models-'));
    expect(snapshots).toEqual(SYNTHETIC_DATES.map((d) => `openrouter/openrouter-models-${d}.json`));
    for (const file of snapshots) {
      const envelope = RawOpenRouterModelsEnvelope.parse(files.get(file));
      for (const entry of envelope.data) expect(RawOpenRouterModel.safeParse(entry).error?.issues ?? []).toEqual([]);
    }
    const endpoints = [...files.keys()].filter((f) => f.startsWith('openrouter/endpoints/'));
    expect(endpoints.length).toBeGreaterThan(0);
    for (const file of endpoints) expect(RawOpenRouterEndpoints.safeParse(files.get(file)).success).toBe(true);
    for (const file of [...files.keys()].filter((f) => f.startsWith('huggingface/'))) {
      expect(RawHuggingFaceConfig.safeParse(files.get(file)).success).toBe(true);
    }
    expect(CuratedNotesFile.safeParse(files.get('curated/architecture-notes.json')).success).toBe(true);
    expect(Provenance.safeParse(files.get('PROVENANCE.json')).success).toBe(true);
  });

  it('normalizes to exactly the requested number of models with no rejected entries', () => {
    for (const count of [50, COUNT]) {
      const { catalog } = normalizeSynthetic(count, 11);
      expect(Catalog.safeParse(catalog).success).toBe(true);
      expect(catalog.models).toHaveLength(count);
      expect(catalog.rejected).toEqual([]);
    }
  });

  it('mixes in what real catalogs have: variants, retirements, new models, tiers, cache prices and price changes', () => {
    const { catalog, history } = normalizeSynthetic(COUNT, 3);
    const models = catalog.models;
    expect(models.filter((m) => m.baseId !== null).length).toBeGreaterThan(0);
    expect(models.filter((m) => !m.listed).length).toBeGreaterThan(0);
    expect(models.filter((m) => m.firstSeen === SYNTHETIC_DATES[2]).length).toBeGreaterThan(0);
    expect(models.filter((m) => m.pricing.tiers.length > 0).length).toBeGreaterThan(0);
    expect(models.filter((m) => m.pricing.perMillionTokens.cacheRead !== undefined).length).toBeGreaterThan(0);
    expect(models.filter((m) => m.providers.length > 0).length).toBeGreaterThan(0);
    expect(history.flatMap((h) => h.changed).length).toBeGreaterThan(0);
  });

  it('keeps real-looking identities: every id has an author and a name that comes from a real template', () => {
    const realAuthors = new Set(realTemplates('data/raw').map((t) => t.id.split('/')[0]));
    const { catalog } = normalizeSynthetic(COUNT, 5);
    for (const model of catalog.models) {
      expect(realAuthors.has(model.author)).toBe(true);
      expect(model.displayName.length).toBeGreaterThan(0);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const serialize = (seed: number) => JSON.stringify([...generateSyntheticRaw({ count: 800, seed })]);
    expect(serialize(42)).toBe(serialize(42));
    expect(serialize(42)).not.toBe(serialize(43));
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => generateSyntheticRaw({ count: 0, seed: 1 })).toThrow(/positive integer/);
    expect(() => generateSyntheticRaw({ count: 2.5, seed: 1 })).toThrow(/positive integer/);
  });
});
