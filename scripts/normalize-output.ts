/**
 * Writes the normalizer's outputs as one set: every file is first written (and fsynced) into a
 * staging folder inside the output folder, then the managed entries (models.json, offers.json,
 * history/, unmatched.json) are swapped in by rename. A failure while staging leaves the previous set
 * untouched; a failure while swapping puts the previous entries back. Readers never see models.json
 * of one run beside history/ of another.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Catalog, OfferCatalog, SnapshotChanges } from '../src/lib/data/schema.ts';
import { schemaJson, stableJson } from '../src/lib/data/stable-json.ts';
import type { NormalizeResult } from '../src/lib/data/normalize.ts';
import { processIsAlive, writeNewFileSynced } from './atomic-write.ts';

/** The entries of the output folder this script owns; anything else there (raw/) is never touched. */
export const MANAGED_OUTPUTS = ['models.json', 'offers.json', 'unmatched.json', 'history'] as const;

export interface OutputHooks {
  /** Called after each staged file; tests throw here to prove a failure leaves the previous set. */
  afterStaged?: (relativePath: string) => void;
  /** Called after each entry is swapped in. */
  afterSwapped?: (entry: string) => void;
}

const STAGING = /^\.(staging|previous)-(\d+)-[0-9a-f]+$/;

/** The files of one run, validated against the schema before anything is written. */
export function outputFiles(result: NormalizeResult): Map<string, string> {
  const files = new Map<string, string>();
  files.set('models.json', schemaJson(Catalog, result.catalog));
  files.set('offers.json', schemaJson(OfferCatalog, result.offers));
  files.set('unmatched.json', stableJson({ asOf: result.catalog.asOf, matchFigures: result.report.matchFigures, unmatched: result.report.unmatched, priceless: result.report.priceless }));
  for (const changes of result.history) files.set(`history/${changes.date}.json`, schemaJson(SnapshotChanges, changes));
  return files;
}

async function writeDurably(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeNewFileSynced(file, data);
}

/**
 * A run killed mid-swap leaves `.previous-*` with the entries it had moved aside: put back what is
 * missing, then remove the leftovers of dead runs.
 */
async function recoverAbandoned(outDir: string): Promise<void> {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir)) {
    const match = STAGING.exec(name);
    if (!match || processIsAlive(Number(match[2]))) continue;
    const dir = path.join(outDir, name);
    if (match[1] === 'previous') {
      for (const entry of readdirSync(dir)) if (!existsSync(path.join(outDir, entry))) await rename(path.join(dir, entry), path.join(outDir, entry));
    }
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeOutputSet(outDir: string, files: Map<string, string>, hooks: OutputHooks = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await recoverAbandoned(outDir);
  const nonce = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = path.join(outDir, `.staging-${nonce}`);
  const previous = path.join(outDir, `.previous-${nonce}`);
  let keepPrevious = false;
  try {
    await mkdir(staging);
    for (const [relative, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      await writeDurably(path.join(staging, relative), data);
      hooks.afterStaged?.(relative);
    }
    await mkdir(path.join(staging, 'history'), { recursive: true });
    await mkdir(previous);
    const movedAside: string[] = [];
    const swappedIn: string[] = [];
    try {
      for (const entry of MANAGED_OUTPUTS) {
        if (existsSync(path.join(outDir, entry))) {
          await rename(path.join(outDir, entry), path.join(previous, entry));
          movedAside.push(entry);
        }
        if (existsSync(path.join(staging, entry))) {
          await rename(path.join(staging, entry), path.join(outDir, entry));
          swappedIn.push(entry);
        }
        hooks.afterSwapped?.(entry);
      }
    } catch (error) {
      // The previous set stays in .previous-* until it is back in place (or a later run restores it).
      keepPrevious = true;
      for (const entry of swappedIn) await rm(path.join(outDir, entry), { recursive: true, force: true });
      for (const entry of movedAside) await rename(path.join(previous, entry), path.join(outDir, entry));
      keepPrevious = false;
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!keepPrevious) await rm(previous, { recursive: true, force: true });
  }
}

export async function writeOutputs(outDir: string, result: NormalizeResult, hooks: OutputHooks = {}): Promise<void> {
  // Validate everything before writing anything: an output that breaks the schema must never reach the site.
  await writeOutputSet(outDir, outputFiles(result), hooks);
}
