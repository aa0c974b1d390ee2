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
import { schemaJson, schemaRecordsJson, stableJson } from '../src/lib/data/stable-json.ts';
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

/**
 * The files of one run, each checked against the schema as it is produced. Lazily, biggest first: the
 * writer stages offers.json on the I/O threads while the next files are still being checked.
 */
export function* outputFiles(result: NormalizeResult): Generator<[string, string]> {
  yield ['offers.json', schemaRecordsJson(OfferCatalog, result.offers, 'offers')];
  yield ['models.json', schemaRecordsJson(Catalog, result.catalog, 'models')];
  yield ['unmatched.json', stableJson({ asOf: result.catalog.asOf, matchFigures: result.report.matchFigures, unmatched: result.report.unmatched, priceless: result.report.priceless })];
  for (const changes of result.history) yield [`history/${changes.date}.json`, schemaJson(SnapshotChanges, changes)];
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

/**
 * Writes every file into `staging`, each write started as soon as its file is produced; returns once
 * all have settled, so a failure (of a write, a hook, or producing a file) never leaves a write in
 * flight into a folder that is being removed.
 */
async function stageFiles(staging: string, files: Iterable<[string, string]>, hooks: OutputHooks): Promise<void> {
  const writes: Promise<void>[] = [];
  let producingFailed: { error: unknown } | undefined;
  try {
    for (const [relative, data] of files) {
      writes.push(writeDurably(path.join(staging, relative), data).then(() => hooks.afterStaged?.(relative)));
      // One turn of the event loop, so the writes started so far move on while the next file is produced.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    producingFailed = { error };
  }
  const failedWrite = (await Promise.allSettled(writes)).find((outcome) => outcome.status === 'rejected');
  if (producingFailed) throw producingFailed.error;
  if (failedWrite) throw failedWrite.reason;
}

export async function writeOutputSet(outDir: string, files: Iterable<[string, string]>, hooks: OutputHooks = {}): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await recoverAbandoned(outDir);
  const nonce = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const staging = path.join(outDir, `.staging-${nonce}`);
  const previous = path.join(outDir, `.previous-${nonce}`);
  let keepPrevious = false;
  try {
    await mkdir(staging);
    await stageFiles(staging, files, hooks);
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
  // Files are checked as they are staged; one that breaks the schema stops the run before anything is swapped in.
  await writeOutputSet(outDir, outputFiles(result), hooks);
}
