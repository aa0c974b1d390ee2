/**
 * The refresh proof: a copy of data/raw gets a synthetic newer OpenRouter snapshot (one model added,
 * one price changed, one model gone), is rebuilt through `data:build --raw --out`, and the same data
 * checks as on the committed data pass on it. Expected values come from the synthetic snapshot and
 * the raw files, never from the committed catalog.
 *
 * The site can be checked on the same folder: ATLAS_DATA_DIR=<out> npx astro build --outDir .tmp/dist
 * builds it from the refreshed data (see the closing note of issue 10).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Catalog, OfferCatalog } from '../../src/lib/data/schema.ts';
import { catalogChecks, type BuiltCatalog } from '../support/catalog-checks.ts';
import { shiftDecimal } from '../support/raw-oracle.ts';

let work: string;
let built: BuiltCatalog;
const synthetic = { date: '', added: 'synthetic-lab/refresh-proof-7b', changed: '', changedPrompt: '0.00000123', retired: '' };

function newestSnapshot(rawDir: string): { date: string; models: any[] } {
  const file = readdirSync(path.join(rawDir, 'openrouter')).filter((f) => /^openrouter-models-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort().pop()!;
  const body = JSON.parse(readFileSync(path.join(rawDir, 'openrouter', file), 'utf8'));
  return { date: file.slice(18, 28), models: Array.isArray(body) ? body : body.data };
}

/** A date after every raw file's, so the synthetic snapshot is the newest listing of all. */
function dayAfterEveryFile(rawDir: string): string {
  const dates = readdirSync(rawDir, { recursive: true, encoding: 'utf8' }).flatMap((f) => /(\d{4}-\d{2}-\d{2})\.json(\.gz)?$/.exec(f)?.[1] ?? []);
  const next = new Date(`${dates.sort().pop()}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-refresh-'));
  const raw = path.join(work, 'raw');
  const out = path.join(work, 'out');
  cpSync('data/raw', raw, { recursive: true });
  const newest = newestSnapshot(raw);
  const priced = newest.models.filter((m) => /^\d/.test(m.pricing.prompt) && !m.id.includes(':') && m.pricing.prompt !== synthetic.changedPrompt);
  synthetic.changed = priced[0].id;
  synthetic.retired = priced[1].id;
  synthetic.date = dayAfterEveryFile(raw);
  const models = newest.models
    .filter((m) => m.id !== synthetic.retired)
    .map((m) => (m.id === synthetic.changed ? { ...m, pricing: { ...m.pricing, prompt: synthetic.changedPrompt } } : m));
  models.push({ ...structuredClone(priced[2]), id: synthetic.added, canonical_slug: `${synthetic.added}-20990101`, hugging_face_id: '', name: 'Synthetic Lab: Refresh Proof 7B' });
  writeFileSync(path.join(raw, 'openrouter', `openrouter-models-${synthetic.date}.json`), JSON.stringify({ data: models }));
  const run = spawnSync(process.execPath, ['scripts/normalize.ts', '--raw', raw, '--out', out, '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`data:build failed on the refreshed copy: ${run.stderr}`);
  built = {
    rawDir: raw,
    catalog: Catalog.parse(JSON.parse(readFileSync(path.join(out, 'models.json'), 'utf8'))),
    offers: OfferCatalog.parse(JSON.parse(readFileSync(path.join(out, 'offers.json'), 'utf8'))),
  };
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

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
