/**
 * npm run data:build [-- --raw DIR --out DIR --verbose --no-cache]
 * Reads a raw folder (default data/raw) and writes DIR/models.json, DIR/offers.json,
 * DIR/unmatched.json and DIR/history/<date>.json (default data/) as one set. Never touches the
 * network. Nothing is written unless everything normalized. Files unchanged since an earlier run are
 * not read again (scripts/readings-cache.ts) unless --no-cache is given.
 */
// First, before any schema exists: zod compiles each schema into a flat validator the first time it
// parses (same results and errors), which cuts reading 57,000 upstream entries and checking the output.
import 'zod/compile';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeCatalog } from '../src/lib/data/normalize.ts';
import { readingCuts, readingSummary } from '../src/lib/data/sources/reading-report.ts';
import { UnusableInputError } from '../src/lib/data/sources/source-file.ts';
import { readRawFolder } from './raw-folder.ts';
import { writeOutputs } from './normalize-output.ts';
import { printRunReport } from './normalize-report.ts';
import { ReadingsCache } from './readings-cache.ts';

export { writeOutputs };
export { readRawFolder, type RawFolder } from './raw-folder.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      raw: { type: 'string', default: 'data/raw' },
      out: { type: 'string', default: 'data' },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const started = performance.now();
  try {
    const raw = readRawFolder(path.resolve(values.raw!), values.cache ? new ReadingsCache() : undefined);
    const result = normalizeCatalog(raw);
    await writeOutputs(path.resolve(values.out!), result);
    printRunReport(result, { out: values.out!, ms: Math.round(performance.now() - started), quiet: values.quiet!, verbose: values.verbose! });
    for (const line of readingSummary(raw.sources)) console.log(line);
    for (const file of raw.unread) console.warn(`not read (no reader for it): ${file}`);
    if (!values.quiet) for (const line of readingCuts(raw.sources)) console.warn(line);
  } catch (error) {
    if (error instanceof UnusableInputError) {
      console.error(`data:build failed, nothing was written: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.main) await main();
