/**
 * A copy of data/raw with a synthetic newer OpenRouter snapshot (one model added, one price changed,
 * one model gone), rebuilt through scripts/normalize.ts into <work>/out. Shared by the data proof
 * (test/unit/refresh.test.ts) and the page proof (test/build/refresh-site.test.ts), so both check the
 * same refresh. The synthetic entries are returned so that tests take expected values from them.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RefreshedRaw {
  rawDir: string;
  outDir: string;
  /** The synthetic snapshot's date, after every raw file's. */
  date: string;
  added: string;
  /** The added model's raw entry as written into the synthetic snapshot. */
  addedEntry: { context_length: number; pricing: { prompt: string; completion: string } };
  changed: string;
  changedPrompt: string;
  retired: string;
  close(): void;
}

function newestSnapshot(rawDir: string): { models: any[] } {
  const file = readdirSync(path.join(rawDir, 'openrouter')).filter((f) => /^openrouter-models-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort().pop()!;
  const body = JSON.parse(readFileSync(path.join(rawDir, 'openrouter', file), 'utf8'));
  return { models: Array.isArray(body) ? body : body.data };
}

/** A date after every raw file's, so the synthetic snapshot is the newest listing of all. */
function dayAfterEveryFile(rawDir: string): string {
  const dates = readdirSync(rawDir, { recursive: true, encoding: 'utf8' }).flatMap((f) => /(\d{4}-\d{2}-\d{2})\.json(\.gz)?$/.exec(f)?.[1] ?? []);
  const next = new Date(`${dates.sort().pop()}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function refreshedRaw(): RefreshedRaw {
  const work = mkdtempSync(path.join(tmpdir(), 'atlas-refresh-'));
  const rawDir = path.join(work, 'raw');
  const outDir = path.join(work, 'out');
  cpSync('data/raw', rawDir, { recursive: true });
  const changedPrompt = '0.00000123';
  const added = 'synthetic-lab/refresh-proof-7b';
  const newest = newestSnapshot(rawDir);
  // Paid models only (a digit 1–9 somewhere in both decimals), so that a changed or copied price is visible.
  const paid = (price: unknown) => typeof price === 'string' && /^\d+(\.\d+)?$/.test(price) && /[1-9]/.test(price);
  const priced = newest.models.filter((m) => paid(m.pricing.prompt) && paid(m.pricing.completion) && !m.id.includes(':') && m.pricing.prompt !== changedPrompt);
  const changed: string = priced[0].id;
  const retired: string = priced[1].id;
  const date = dayAfterEveryFile(rawDir);
  const addedEntry = { ...structuredClone(priced[2]), id: added, canonical_slug: `${added}-20990101`, hugging_face_id: '', name: 'Synthetic Lab: Refresh Proof 7B' };
  const models = newest.models
    .filter((m) => m.id !== retired)
    .map((m) => (m.id === changed ? { ...m, pricing: { ...m.pricing, prompt: changedPrompt } } : m));
  models.push(addedEntry);
  writeFileSync(path.join(rawDir, 'openrouter', `openrouter-models-${date}.json`), JSON.stringify({ data: models }));
  const run = spawnSync(process.execPath, ['scripts/normalize.ts', '--raw', rawDir, '--out', outDir, '--quiet'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`data:build failed on the refreshed copy: ${run.stderr}`);
  return { rawDir, outDir, date, added, addedEntry, changed, changedPrompt, retired, close: () => rmSync(work, { recursive: true, force: true }) };
}
