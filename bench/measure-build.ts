/**
 * Build scaling: the real catalog and synthetic catalogs of N models, each normalized through the
 * `--raw/--out` CLI and built by `astro build` in a child process (wall time and peak RSS).
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeSyntheticRaw } from './synthetic-catalog.ts';
import { errorExcerpt, runMeasured, type ProcessRun } from './process.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const ASTRO_CLI = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
export const SYNTHETIC_SEED = 2026;

export interface PreparedCatalog {
  label: string;
  /** Models in the normalized catalog (listed and retired). */
  models: number;
  listed: number;
  rawDir: string | null;
  dataDir: string;
  normalize: ProcessRun | null;
}

export interface BuildResult {
  label: string;
  models: number;
  ok: boolean;
  wallMs: number;
  peakRssBytes: number | null;
  htmlPages: number;
  distBytes: number;
  distDir: string;
  error: string | null;
}

export function realCatalog(): PreparedCatalog {
  const dataDir = path.join(PROJECT_ROOT, 'data');
  const catalog = JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as { models: { listed: boolean }[] };
  return { label: 'real', models: catalog.models.length, listed: catalog.models.filter((m) => m.listed).length, rawDir: path.join(dataDir, 'raw'), dataDir, normalize: null };
}

/** Writes a synthetic raw folder of `count` models under workDir and normalizes it with the CLI. */
export async function syntheticCatalog(workDir: string, count: number, nice: number): Promise<PreparedCatalog> {
  const rawDir = path.join(workDir, `raw-${count}`);
  const dataDir = path.join(workDir, `data-${count}`);
  mkdirSync(rawDir, { recursive: true });
  writeSyntheticRaw(rawDir, { count, seed: SYNTHETIC_SEED, realRawDir: path.join(PROJECT_ROOT, 'data', 'raw') });
  const run = await normalizeWithCli(rawDir, dataDir, nice);
  if (run.exitCode !== 0) throw new Error(`normalizing the synthetic ${count}-model catalog failed:\n${errorExcerpt(run.stderr + run.stdout)}`);
  const catalog = JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as { models: { listed: boolean }[] };
  return { label: `synthetic ${count}`, models: catalog.models.length, listed: catalog.models.filter((m) => m.listed).length, rawDir, dataDir, normalize: run };
}

/** `npm run data:build` on a raw folder, as a reader runs it (npm, its environment, Node start included). */
export function normalizeWithCli(rawDir: string, outDir: string, nice: number, flags: string[] = []): Promise<ProcessRun> {
  return runMeasured('npm', ['run', '-s', 'data:build', '--', '--raw', rawDir, '--out', outDir, '--quiet', ...flags], { cwd: PROJECT_ROOT, nice });
}

export async function buildSite(catalog: PreparedCatalog, outDir: string, nice: number): Promise<BuildResult> {
  const run = await runMeasured(NODE, [ASTRO_CLI, 'build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ATLAS_DATA_DIR: catalog.dataDir, ASTRO_TELEMETRY_DISABLED: '1' },
    nice,
  });
  const ok = run.exitCode === 0;
  const { pages, bytes } = ok ? distStats(outDir) : { pages: 0, bytes: 0 };
  return {
    label: catalog.label,
    models: catalog.models,
    ok,
    wallMs: run.wallMs,
    peakRssBytes: run.peakRssBytes,
    htmlPages: pages,
    distBytes: bytes,
    distDir: outDir,
    error: ok ? null : errorExcerpt(stripAnsi(run.stderr + '\n' + run.stdout), 20),
  };
}

function distStats(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        bytes += statSync(full).size;
        if (entry.name.endsWith('.html')) pages += 1;
      }
    }
  };
  walk(dir);
  return { pages, bytes };
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
