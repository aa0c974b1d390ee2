/**
 * Builds the site once for the `site` test project, from the committed data (or ATLAS_DATA_DIR),
 * into a fresh folder under .tmp/ so that concurrent runs never share a dist/. Set ATLAS_TEST_DIST to reuse an
 * existing build while iterating on tests.
 */
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'astro';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const reuse = process.env.ATLAS_TEST_DIST;
  if (reuse) {
    if (!existsSync(path.join(reuse, 'index.html'))) throw new Error(`ATLAS_TEST_DIST=${reuse} holds no built site (no index.html)`);
    project.provide('distDir', path.resolve(reuse));
    return;
  }
  // Inside the project: Astro keeps a build's prerender chunks next to an outDir in the project, but in
  // a shared .astro/ folder for one outside it, where concurrent builds would overwrite each other.
  mkdirSync('.tmp', { recursive: true });
  const outDir = mkdtempSync(path.join(process.cwd(), '.tmp', 'test-dist-'));
  await build({ root: process.cwd(), outDir, logLevel: 'warn' });
  project.provide('distDir', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
