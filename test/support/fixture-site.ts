/**
 * Builds the site from the small fixture catalog (test/fixtures/site-data: offers and providers
 * included) into a folder of its own, for tests that need data the committed snapshot does not have
 * yet. About 20 s; the folder is removed by the returned function.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';

export const FIXTURE_DATA_DIR = path.resolve('test/fixtures/site-data');

export async function buildFixtureSite(): Promise<{ dir: string; remove(): void }> {
  mkdirSync('.tmp', { recursive: true });
  const dir = mkdtempSync(path.join(process.cwd(), '.tmp', 'fixture-dist-'));
  const previous = process.env.ATLAS_DATA_DIR;
  process.env.ATLAS_DATA_DIR = FIXTURE_DATA_DIR;
  try {
    await build({ root: process.cwd(), outDir: dir, logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.ATLAS_DATA_DIR;
    else process.env.ATLAS_DATA_DIR = previous;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
