/**
 * Normalize time for a raw folder (the real data/raw, and a large synthetic one): `npm run data:build`
 * end to end (npm and Node start, read, normalize, validate, write) and normalizeCatalog alone, each
 * the median of a few runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readRawFolder } from '../scripts/normalize.ts';
import { normalizeCatalog } from '../src/lib/data/normalize.ts';
import { median, errorExcerpt } from './process.ts';
import { normalizeWithCli } from './measure-build.ts';

export interface NormalizeResult {
  label: string;
  models: number;
  runs: number;
  cliWallMs: number[];
  cliMedianMs: number;
  cliPeakRssBytes: number | null;
  inProcessMs: number[];
  inProcessMedianMs: number;
}

export async function measureNormalize(label: string, rawDir: string, workDir: string, models: number, runs: number, nice: number): Promise<NormalizeResult> {
  const cliWallMs: number[] = [];
  let cliPeakRssBytes: number | null = null;
  for (let i = 0; i < runs; i++) {
    const outDir = mkdtempSync(path.join(workDir, 'normalize-out-'));
    const run = await normalizeWithCli(rawDir, outDir, nice);
    rmSync(outDir, { recursive: true, force: true });
    if (run.exitCode !== 0) throw new Error(`normalize CLI failed on ${rawDir}:\n${errorExcerpt(run.stderr)}`);
    cliWallMs.push(run.wallMs);
    cliPeakRssBytes = Math.max(cliPeakRssBytes ?? 0, run.peakRssBytes ?? 0) || null;
  }
  const inputs = readRawFolder(rawDir);
  const inProcessMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    normalizeCatalog(inputs);
    inProcessMs.push(performance.now() - started);
  }
  return { label, models, runs, cliWallMs, cliMedianMs: median(cliWallMs), cliPeakRssBytes, inProcessMs, inProcessMedianMs: median(inProcessMs) };
}
