/**
 * Writes that never leave a half-written file: write a temporary sibling, flush it to disk, then
 * rename over the target (rename is atomic within one file system). Readers see the old file or the
 * new one, never a mix; a crash leaves at most a `.tmp-` file, which is removed on failure.
 */
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export { stableJson } from '../src/lib/stable-json.ts';

export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
