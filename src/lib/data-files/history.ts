/**
 * Reads data/history/<date>.json once per process, like catalog.ts does for models.json. A data
 * folder without history (a fixture, a synthetic benchmark catalog) simply has no snapshots.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from './catalog.ts';
import { SnapshotChanges } from '../data/schema.ts';

let cached: { dir: string; snapshots: SnapshotChanges[] } | undefined;

/** Every snapshot record, oldest first. */
export function loadSnapshotChanges(): SnapshotChanges[] {
  const dir = path.join(dataDir(), 'history');
  if (cached?.dir === dir) return cached.snapshots;
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort() : [];
  const snapshots = files.map((file) => {
    const full = path.join(dir, file);
    const parsed = SnapshotChanges.safeParse(JSON.parse(readFileSync(full, 'utf8')));
    if (!parsed.success) throw new Error(`${full} does not match the snapshot-changes schema (run npm run data:build): ${parsed.error.message}`);
    return parsed.data;
  });
  cached = { dir, snapshots };
  return snapshots;
}
