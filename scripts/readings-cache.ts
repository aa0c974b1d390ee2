/**
 * What each raw source file read to, kept between runs of `npm run data:build` (in
 * node_modules/.cache/atlas-readings, beside Node's compile cache). A dated raw file never changes
 * once recorded, so a later run reads again only the files that are new or changed; everything after
 * reading (identity, offers, history, models, the output check) runs in full every time.
 *
 * An entry is found by a hash of the file's bytes and path and of the code that reads it (the
 * readers' modules, scripts/raw-folder.ts, the lock file, the Node version): a change to any of them
 * reads the file again. A missing, unreadable or corrupt entry is read again too; a cache
 * that cannot be written only makes the next run slower.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReading } from '../src/lib/data/sources/read-sources.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_CACHE_ROOT = path.join(PROJECT, 'node_modules', '.cache', 'atlas-readings');
/** Bumped when what is kept changes shape in a way the code hash would not show. */
const FORMAT = 'readings-json-1';

/** The modules the readers are made of: read-sources.ts and everything it imports, transitively. */
export function readerModules(project = PROJECT, entry = 'src/lib/data/sources/read-sources.ts'): string[] {
  const found = new Set<string>();
  const visit = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    const text = readFileSync(path.join(project, file), 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)) visit(path.posix.join(path.posix.dirname(file), specifier!));
  };
  visit(entry);
  return [...found].sort();
}

/**
 * A hash of everything besides the raw bytes that decides what a file reads to: the readers' modules
 * (not the rest of src/lib, so that working on identity, offers or pages keeps the readings), how the
 * bytes are parsed (scripts/raw-folder.ts), the dependencies (lock file) and the Node version.
 */
export function codeVersion(project = PROJECT): string {
  const hash = createHash('sha256').update(`${FORMAT}\0${process.version}\0`);
  for (const file of [...readerModules(project), 'scripts/raw-folder.ts', 'package-lock.json']) {
    hash.update(`${file}\0`).update(readFileSync(path.join(project, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const READING_KINDS = ['openRouterModels', 'listing', 'openRouterProviders', 'artificialAnalysis'];

/** The shape addReading expects: one kind of reading, an object. Anything else is read again. */
function isFileReading(value: unknown): value is FileReading {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  const inner = (value as Record<string, unknown>)[keys[0]!];
  return keys.length === 1 && READING_KINDS.includes(keys[0]!) && typeof inner === 'object' && inner !== null;
}

export class ReadingsCache {
  private readonly dir: string;

  /** The cache of this code version under `root`; the folders of other versions are removed. */
  constructor(root = DEFAULT_CACHE_ROOT, version = codeVersion()) {
    this.dir = path.join(root, version);
    try {
      for (const other of readdirSync(root)) if (other !== version) rmSync(path.join(root, other), { recursive: true, force: true });
    } catch {
      // No cache yet.
    }
  }

  keyOf(file: string, bytes: Uint8Array): string {
    return createHash('sha256').update(`${file}\0`).update(bytes).digest('hex').slice(0, 32);
  }

  get(key: string): FileReading | undefined {
    let kept: unknown;
    try {
      kept = JSON.parse(readFileSync(path.join(this.dir, `${key}.json`), 'utf8'));
    } catch {
      return undefined;
    }
    return isFileReading(kept) ? kept : undefined;
  }

  set(key: string, reading: FileReading): void {
    const target = path.join(this.dir, `${key}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify(reading));
      renameSync(temp, target);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}
