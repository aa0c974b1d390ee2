/**
 * Checks that hold for any raw folder and the catalog built from it: the committed data, and a copy of
 * it with a synthetic newer snapshot (the refresh proof). Every expected value comes from the raw files
 * through test/support/raw-oracle.ts; nothing is pinned to the committed snapshot.
 */
import { expect, it as vitestIt } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Catalog, Offer, OfferCatalog, OfferStatement } from '../../src/lib/data/schema.ts';
import { listingDates, newestStatements, openRouterSnapshotDates, type OracleStatement } from './raw-oracle.ts';

export interface BuiltCatalog {
  rawDir: string;
  catalog: Catalog;
  offers: OfferCatalog;
}

const MIXTRAL = 'mistralai/mixtral-8x7b-instruct';
const MISTRAL_7B_V02 = 'mistralai/mistral-7b-instruct-v0.2';

/** The seller's own id, as a person would recognize the model in it (an independent spelling test). */
const SPELLINGS: Record<string, RegExp> = {
  [MIXTRAL]: /(^|[/.])mixtral-8x7b-instruct(-v0[.:]1)?$/i,
  [MISTRAL_7B_V02]: /(^|[/.])mistral-7b-instruct-v0[.:p]2$/i,
};

function statementIndex(offers: Offer[]): Map<string, { offer: Offer; statement: OfferStatement }> {
  const index = new Map<string, { offer: Offer; statement: OfferStatement }>();
  for (const offer of offers) for (const statement of offer.statements) index.set(`${statement.source}\u0000${statement.key}`, { offer, statement });
  return index;
}

function oracle(built: BuiltCatalog): OracleStatement[] {
  const rejected = new Set(built.catalog.rejected.map((r) => `${r.file}\u0000${r.id}`));
  // The pipeline names a rejected entry by file and id; for models.dev the id is "provider/model".
  return newestStatements(built.rawDir, (s) => rejected.has(`${s.file}\u0000${s.key}`) || rejected.has(`${s.file}\u0000${s.modelId}`));
}

/** Reading every raw file independently takes seconds, more on a loaded machine. */
const ORACLE_TIMEOUT = 180_000;

export function catalogChecks(load: () => BuiltCatalog): void {
  const it = (name: string, fn: () => void) => vitestIt(name, fn, ORACLE_TIMEOUT);
  it('states every price and context of every source’s newest statement exactly', () => {
    const built = load();
    const index = statementIndex(built.offers.offers);
    const expected = oracle(built);
    // Every source with files in the raw folder is checked, not only some.
    const folders: Record<string, string> = { openrouter: 'openrouter', 'models.dev': 'models-dev', litellm: 'litellm', 'openrouter-endpoints': 'openrouter-endpoints', 'genai-prices': 'genai-prices' };
    const present = Object.entries(folders).filter(([, folder]) => existsSync(path.join(built.rawDir, folder))).map(([source]) => source);
    expect([...new Set(expected.map((s) => s.source))].sort()).toEqual(present.sort());
    const missing: string[] = [];
    for (const s of expected) {
      const found = index.get(`${s.source}\u0000${s.key}`);
      if (!found) {
        missing.push(`${s.source} ${s.key} @ ${s.date}`);
        continue;
      }
      const { statement } = found;
      expect([statement.date, statement.pricing.perMillionTokens.input, statement.pricing.perMillionTokens.output, statement.contextLength], `${s.source} ${s.key}`).toEqual([s.date, s.input, s.output, s.contextLength]);
    }
    expect(missing).toEqual([]);
  });

  it('dates the catalog by its newest listing and keeps every model reachable', () => {
    const { catalog, offers } = load();
    expect(catalog.asOf).toBe(listingDates(load().rawDir).pop());
    expect(offers.asOf).toBe(catalog.asOf);
    const slugs = catalog.models.map((m) => m.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const modelIds = new Set(catalog.models.map((m) => m.id));
    expect(offers.offers.filter((o) => !modelIds.has(o.modelId))).toEqual([]);
    const offerIds = offers.offers.map((o) => o.id);
    expect(new Set(offerIds).size).toBe(offerIds.length);
  });

  it('lists a model exactly while one of its offers is listed', () => {
    const { catalog, offers } = load();
    const listedOffer = new Set(offers.offers.filter((o) => o.listed).map((o) => o.modelId));
    const withOffers = new Set(offers.offers.map((o) => o.modelId));
    for (const model of catalog.models.filter((m) => withOffers.has(m.id))) {
      expect(model.listed, model.id).toBe(listedOffer.has(model.id));
      expect(model.retiredSince === null, model.id).toBe(model.listed);
    }
  });

  it("keeps OpenRouter's own offers listed exactly as OpenRouter's newest snapshot lists them", () => {
    const { offers, rawDir } = load();
    const statements = newestStatements(rawDir).filter((s) => s.source === 'openrouter');
    const newest = openRouterSnapshotDates(rawDir).pop();
    const listedNow = new Set(statements.filter((s) => s.date === newest).map((s) => s.key));
    const own = offers.offers.filter((o) => o.providerId === 'openrouter' && o.statements.some((s) => s.source === 'openrouter'));
    expect(new Set(own.filter((o) => o.listed).map((o) => o.statements.find((s) => s.source === 'openrouter')!.key))).toEqual(listedNow);
  });

  for (const model of [MIXTRAL, MISTRAL_7B_V02]) {
    it(`gives ${model} an offer from every host that models.dev and LiteLLM list it at, with their statements`, () => {
      const built = load();
      const expected = oracle(built).filter((s) => s.source !== 'openrouter' && SPELLINGS[model]!.test(s.source === 'litellm' ? s.key.replace(/^[^/]+\//, '') : s.modelId));
      expect(expected.length).toBeGreaterThan(0);
      const mine = built.offers.offers.filter((o) => o.modelId === model);
      const stated = new Set(mine.flatMap((o) => o.statements.map((s) => `${s.source}\u0000${s.key}`)));
      expect(expected.filter((s) => !stated.has(`${s.source}\u0000${s.key}`)).map((s) => `${s.source} ${s.key}`)).toEqual([]);
    });

    it(`keeps OpenRouter's own offer of ${model} with its last price, retired since OpenRouter's first snapshot without it`, () => {
      const { offers, rawDir } = load();
      const snapshots = newestStatements(rawDir).filter((s) => s.source === 'openrouter');
      const last = snapshots.find((s) => s.key === model)!;
      const offer = offers.offers.find((o) => o.id === `openrouter/${model}`)!;
      expect(offer.pricing.perMillionTokens).toMatchObject({ input: last.input, output: last.output });
      const snapshotDates = openRouterSnapshotDates(rawDir);
      expect(offer.retiredSince).toBe(snapshotDates.find((d) => d > last.date) ?? null);
      expect(offer.listed).toBe(offer.retiredSince === null);
    });
  }

  it("gives Mixtral 8x7B Instruct Mistral's own offer open-mixtral-8x7b as models.dev and LiteLLM state it", () => {
    const built = load();
    const offer = built.offers.offers.find((o) => o.providerId === 'mistral' && o.modelId === MIXTRAL)!;
    expect(offer.providerModelId).toBe('open-mixtral-8x7b');
    const expected = oracle(built).filter((s) => (s.source === 'models.dev' && s.key === 'mistral/open-mixtral-8x7b') || (s.source === 'litellm' && s.key === 'mistral/open-mixtral-8x7b'));
    expect(expected.map((s) => s.source).sort()).toEqual(['litellm', 'models.dev']);
    for (const s of expected) {
      const statement = offer.statements.find((t) => t.source === s.source && t.key === s.key)!;
      expect([statement.date, statement.pricing.perMillionTokens.input, statement.pricing.perMillionTokens.output]).toEqual([s.date, s.input, s.output]);
    }
  });

  it('names every rejected entry by file, index, id, field and reason', () => {
    for (const r of load().catalog.rejected) {
      expect(r.file.length * r.field.length * r.message.length, JSON.stringify(r)).toBeGreaterThan(0);
      expect(Number.isInteger(r.index)).toBe(true);
    }
  });
}
