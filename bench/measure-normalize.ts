/**
 * Normalize time for a raw folder (the real data/raw, and a large synthetic one): `npm run data:build`
 * end to end (npm and Node start, read, normalize, validate, write) as a developer runs it again (the
 * readings of unchanged files kept from the run before) and with --no-cache (every file read, as on a
 * fresh clone), and normalizeCatalog alone; each the median of a few runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readRawFolder } from '../scripts/raw-folder.ts';
import { normalizeCatalog } from '../src/lib/data/normalize.ts';
import { median, errorExcerpt } from './process.ts';
import { normalizeWithCli } from './measure-build.ts';

export interface NormalizeResult {
  label: string;
  models: number;
  runs: number;
  cliWallMs: number[];
  cliMedianMs: number;
  /** With --no-cache: every raw file read. */
  uncachedWallMs: number[];
  uncachedMedianMs: number;
  cliPeakRssBytes: number | null;
  inProcessMs: number[];
  inProcessMedianMs: number;
}

export async function measureNormalize(label: string, rawDir: string, workDir: string, models: number, runs: number, nice: number): Promise<NormalizeResult> {
  const cliWallMs: number[] = [];
  const uncachedWallMs: number[] = [];
  let cliPeakRssBytes: number | null = null;
  const once = async (flags: string[]) => {
    const outDir = mkdtempSync(path.join(workDir, 'normalize-out-'));
    const run = await normalizeWithCli(rawDir, outDir, nice, flags);
    rmSync(outDir, { recursive: true, force: true });
    if (run.exitCode !== 0) throw new Error(`normalize CLI failed on ${rawDir}:\n${errorExcerpt(run.stderr)}`);
    cliPeakRssBytes = Math.max(cliPeakRssBytes ?? 0, run.peakRssBytes ?? 0) || null;
    return run.wallMs;
  };
  // Not timed: keeps the readings, as any earlier run on this machine would have.
  await once([]);
  for (let i = 0; i < runs; i++) {
    cliWallMs.push(await once([]));
    uncachedWallMs.push(await once(['--no-cache']));
  }
  const inputs = readRawFolder(rawDir);
  const inProcessMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    normalizeCatalog(inputs);
    inProcessMs.push(performance.now() - started);
  }
  return { label, models, runs, cliWallMs, cliMedianMs: median(cliWallMs), uncachedWallMs, uncachedMedianMs: median(uncachedWallMs), cliPeakRssBytes, inProcessMs, inProcessMedianMs: median(inProcessMs) };
}
