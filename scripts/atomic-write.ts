/**
 * Atomic file replacement: write a temp file in the target's directory, fsync it, rename it over the
 * target. Readers see the old bytes or the new bytes, never a mix, and a crash leaves at worst a temp
 * file that the next run removes.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** `<file>.tmp-<pid>-<hex>`: the pid lets a later run tell an abandoned temp file from a live one. */
export const TEMP_FILE_PATTERN = /\.tmp-(\d+)-[0-9a-f]+$/;

export function tempPathFor(target: string, pid: number, nonce: string): string {
  return `${target}.tmp-${pid}-${nonce}`;
}

const inFlight = new Set<string>();

/** Creates `file` (never over an existing one), writes `data` and flushes it to disk before returning. */
export async function writeNewFileSynced(file: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const directory = dirname(target);
  await mkdir(directory, { recursive: true });
  const temp = tempPathFor(target, process.pid, randomBytes(6).toString('hex'));
  inFlight.add(temp);
  try {
    await writeNewFileSynced(temp, data);
    await rename(temp, target);
    await syncDirectory(directory);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is harmless here. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported (e.g. Windows): the rename is still atomic, only its durability is weaker.
  }
}

/** For signal handlers: synchronous, so it completes before the process exits. */
export function removeInFlightTempFilesSync(): void {
  for (const temp of inFlight) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
  }
  inFlight.clear();
}

/** Whether a run that left a temp file or folder behind is still running. */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files left by runs that died mid-write (kill -9, power loss). Returns their paths. */
export async function removeAbandonedTempFiles(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_FILE_PATTERN.exec(name);
    if (!match || processIsAlive(Number(match[1]))) continue;
    const path = join(root, name);
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}
