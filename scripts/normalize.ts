/**
 * npm run data:build [-- --raw DIR --out DIR]
 * Reads a raw folder (default data/raw) and writes DIR/models.json and DIR/history/<date>.json
 * (default data/). Never touches the network. Nothing is written unless everything normalized.
 */
import { readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeCatalog, UnusableInputError, type RawInputs, type RawSnapshot } from '../src/lib/data/normalize.ts';
import { Catalog, Provenance, SnapshotChanges } from '../src/lib/data/schema.ts';
import { parseConfigText } from '../src/lib/data/architecture-source.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { stableJson } from '../src/lib/data/stable-json.ts';

const OPENROUTER_SNAPSHOT = /^openrouter-models-(\d{4}-\d{2}-\d{2})\.json$/;
const MODELS_DEV_SNAPSHOT = /^openrouter-(\d{4}-\d{2}-\d{2})\.json$/;

export function readRawFolder(rawDir: string): RawInputs {
  if (!existsSync(rawDir)) throw new UnusableInputError(`raw folder ${rawDir} does not exist`);
  const snapshots: RawSnapshot[] = [
    ...listSnapshots(rawDir, 'openrouter', OPENROUTER_SNAPSHOT, 'openrouter'),
    ...listSnapshots(rawDir, 'models-dev', MODELS_DEV_SNAPSHOT, 'models.dev'),
  ];
  const endpoints = newestEndpointFiles(rawDir).map((file) => ({ file, body: readJson(rawDir, file) }));
  const hfDir = path.join(rawDir, 'huggingface');
  // Configs one level down too (abridged/); a config that is not JSON is reported per model, not fatal.
  const huggingFaceConfigs = Object.fromEntries(
    (existsSync(hfDir) ? readdirSync(hfDir, { recursive: true, encoding: 'utf8' }).map((f) => f.replaceAll('\\', '/')).filter((f) => f.endsWith('.json')).sort() : [])
      .map((f) => [f, parseConfigText(readFileSync(path.join(hfDir, f), 'utf8'))]),
  );
  const notesFile = 'curated/architecture-notes.json';
  const provenanceFile = 'PROVENANCE.json';
  const provenance = existsSync(path.join(rawDir, provenanceFile)) ? Provenance.safeParse(readJson(rawDir, provenanceFile)) : { success: true as const, data: {} };
  if (!provenance.success) throw new UnusableInputError(`${provenanceFile}: ${provenance.error.issues[0]?.path.join('.')}: ${provenance.error.issues[0]?.message}`);
  return {
    snapshots,
    endpoints,
    huggingFaceConfigs,
    notes: existsSync(path.join(rawDir, notesFile)) ? readJson(rawDir, notesFile) : undefined,
    provenance: provenance.data,
  };
}

/**
 * Each dated endpoints folder is a full fetch, but a model whose fetch failed that day has no file
 * there: its newest file from an earlier date stands in.
 */
function newestEndpointFiles(rawDir: string): string[] {
  const root = path.join(rawDir, 'openrouter', 'endpoints');
  if (!existsSync(root)) return [];
  const newest = new Map<string, string>();
  for (const date of readdirSync(root).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()) {
    for (const name of readdirSync(path.join(root, date)).filter((f) => f.endsWith('.json'))) {
      newest.set(name, `openrouter/endpoints/${date}/${name}`);
    }
  }
  return [...newest.keys()].sort().map((name) => newest.get(name)!);
}

function listSnapshots(rawDir: string, folder: string, pattern: RegExp, source: RawSnapshot['source']): RawSnapshot[] {
  const dir = path.join(rawDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => ({ date: match[1]!, source, file: `${folder}/${name}`, body: readJson(rawDir, `${folder}/${name}`) }));
}

function readJson(rawDir: string, file: string): unknown {
  const text = readFileSync(path.join(rawDir, file), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnusableInputError(`${file} is not valid JSON (${(error as Error).message}); fix or remove the file, the previous output is left untouched`);
  }
}

export async function writeOutputs(outDir: string, result: ReturnType<typeof normalizeCatalog>): Promise<void> {
  // Validate before writing anything: an output that breaks the schema must never reach the site.
  const catalog = Catalog.parse(result.catalog);
  const history = result.history.map((h) => SnapshotChanges.parse(h));
  const historyDir = path.join(outDir, 'history');
  for (const changes of history) await writeFileAtomic(path.join(historyDir, `${changes.date}.json`), stableJson(changes));
  const wanted = new Set(history.map((h) => `${h.date}.json`));
  for (const stale of existsSync(historyDir) ? readdirSync(historyDir) : []) {
    if (stale.endsWith('.json') && !wanted.has(stale)) rmSync(path.join(historyDir, stale));
  }
  // models.json last: it is what the site reads, so it only changes once the history is in place.
  await writeFileAtomic(path.join(outDir, 'models.json'), stableJson(catalog));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { raw: { type: 'string', default: 'data/raw' }, out: { type: 'string', default: 'data' }, quiet: { type: 'boolean', default: false } } });
  const started = performance.now();
  try {
    const result = normalizeCatalog(readRawFolder(path.resolve(values.raw!)));
    await writeOutputs(path.resolve(values.out!), result);
    const { counts, rejected, unknownPriceKeys } = result.catalog;
    const ms = Math.round(performance.now() - started);
    console.log(`normalized ${result.catalog.models.length} models (${counts.listed} listed, ${counts.retired} retired, ${counts.rejected} entries rejected) from ${result.catalog.generatedFrom.length} snapshots in ${ms} ms → ${path.join(values.out!, 'models.json')}`);
    if (!values.quiet) {
      for (const r of rejected) console.warn(`rejected: ${r.file} entry ${r.index}${r.id ? ` (${r.id})` : ''}: ${r.field} ${r.message}`);
      for (const u of unknownPriceKeys) console.warn(`unknown price key kept: ${u.id}: pricing.${u.key} = ${JSON.stringify(u.value)}`);
      for (const w of result.warnings) console.warn(`warning: ${w}`);
    }
  } catch (error) {
    if (error instanceof UnusableInputError) {
      console.error(`data:build failed, nothing was written: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.main) await main();
