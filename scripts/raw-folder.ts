/**
 * Reading a raw folder (default data/raw) into the normalizer's inputs: every source file through its
 * reader, the endpoints bodies, Hugging Face configs, curated notes and aliases, provenance.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawInputs, RawSnapshot } from '../src/lib/data/normalize.ts';
import { CuratedNotesFile, Provenance } from '../src/lib/data/schema.ts';
import { readSources, routeOf, type RawFile, type SourceReadings } from '../src/lib/data/sources/read-sources.ts';
import { UnusableInputError, firstIssue } from '../src/lib/data/sources/source-file.ts';
import { parseConfigText } from '../src/lib/data/architecture-source.ts';
import type { ReadingsCache } from './readings-cache.ts';

/** Folders read by readSources (every file in them must have a reader); the others are read below. */
const SOURCE_FOLDERS = ['openrouter', 'openrouter-endpoints', 'models-dev', 'litellm', 'genai-prices', 'artificial-analysis'];

export interface RawFolder extends RawInputs {
  /** Every source file read by its reader: listings, OpenRouter's raw models. */
  sources: SourceReadings;
  /** Files under data/raw that nothing reads yet: printed by the CLI, never silently ignored. */
  unread: string[];
}

/** `cache`: what unchanged files read to in earlier runs (the CLI's default; tests read every file). */
export function readRawFolder(rawDir: string, cache?: ReadingsCache): RawFolder {
  if (!existsSync(rawDir)) throw new UnusableInputError(`raw folder ${rawDir} does not exist`);
  const sourceFiles: RawFile[] = [];
  const unread: string[] = [];
  // Per-model endpoints bodies are also handed to the catalog as they are: parsed once, kept.
  const endpointBodies = new Map<string, unknown>();
  const keptForEndpoints = (file: string, body: unknown) => {
    if (file.startsWith('openrouter/endpoints/')) endpointBodies.set(file, body);
    return body;
  };
  for (const file of SOURCE_FOLDERS.flatMap((folder) => filesUnder(rawDir, folder))) {
    if (!routeOf(file)) unread.push(file);
    else if (!cache) sourceFiles.push({ file, load: () => keptForEndpoints(file, readJson(rawDir, file)) });
    else {
      const bytes = readFileSync(path.join(rawDir, file));
      const key = cache.keyOf(file, bytes);
      sourceFiles.push({ file, known: cache.get(key), load: () => keptForEndpoints(file, parseJson(file, bytes)), keep: (reading) => cache.set(key, reading) });
    }
  }
  const sources = readSources(sourceFiles);
  // The catalog's models come from OpenRouter's snapshots as the reader validated them.
  const snapshots: RawSnapshot[] = sources.openRouterModels.map((s) => {
    const pricing = new Map(s.listing.entries.map((e) => [e.providerModelId, e.pricing!]));
    const validated = s.models.map(({ index, model }) => ({ index, model, pricing: pricing.get(model.id)! }));
    return { date: s.date, source: 'openrouter' as const, file: s.file, body: null, validated };
  });
  const endpoints = newestEndpointFiles(rawDir).map((file) => ({ file, body: endpointBodies.has(file) ? endpointBodies.get(file) : readJson(rawDir, file) }));
  const hfDir = path.join(rawDir, 'huggingface');
  // Configs one level down too (abridged/); a config that is not JSON is reported per model, not fatal.
  const huggingFaceConfigs = Object.fromEntries(
    (existsSync(hfDir) ? readdirSync(hfDir, { recursive: true, encoding: 'utf8' }).map((f) => f.replaceAll('\\', '/')).filter((f) => f.endsWith('.json')).sort() : [])
      .map((f) => [f, parseConfigText(readFileSync(path.join(hfDir, f), 'utf8'))]),
  );
  const notesFile = 'curated/architecture-notes.json';
  const provenanceFile = 'PROVENANCE.json';
  const provenance = existsSync(path.join(rawDir, provenanceFile)) ? Provenance.safeParse(readJson(rawDir, provenanceFile)) : { success: true as const, data: {} };
  if (!provenance.success) throw new UnusableInputError(`${provenanceFile}: ${firstIssue(provenance.error).field}: ${firstIssue(provenance.error).message}`);
  const aliasesFile = 'curated/aliases.json';
  return {
    snapshots,
    endpoints,
    huggingFaceConfigs,
    notes: existsSync(path.join(rawDir, notesFile)) ? readCuratedNotes(notesFile, readJson(rawDir, notesFile)) : undefined,
    provenance: provenance.data,
    sources,
    unread,
    listings: sources.listings,
    providerInfo: sources.listings.flatMap((l) => [...l.providers].map((p) => ({ id: p.id, name: p.name, api: p.apiBaseUrl, doc: p.docUrl, date: l.date }))).sort((a, b) => (a.date < b.date ? 1 : -1)),
    aliases: existsSync(path.join(rawDir, aliasesFile)) ? readJson(rawDir, aliasesFile) : undefined,
    openRouterProviders: sources.openRouterProviders.at(-1)?.providers.map((p) => ({ name: p.name, slug: p.id })) ?? [],
    artificialAnalysis: sources.artificialAnalysis,
  };
}

/** Curated notes are hand-written: a typo is named by file and field here, before anything is built. */
function readCuratedNotes(file: string, body: unknown): CuratedNotesFile {
  const parsed = CuratedNotesFile.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new UnusableInputError(`${file}: ${field}: ${message}`);
  }
  return parsed.data;
}

/** Every file under `folder`, recursively, as "folder/sub/name" paths, sorted. */
function filesUnder(rawDir: string, folder: string): string[] {
  const root = path.join(rawDir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(rawDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
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

function readJson(rawDir: string, file: string): unknown {
  return parseJson(file, readFileSync(path.join(rawDir, file)));
}

/** Parses a raw file's bytes; `.gz` files (models.dev's monthly copies) are gunzipped first. */
function parseJson(file: string, bytes: Buffer): unknown {
  let text: string;
  try {
    text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new UnusableInputError(`${file} is not a readable gzip file (${(error as Error).message}); fix or remove the file, the previous output is left untouched`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnusableInputError(`${file} is not valid JSON (${(error as Error).message}); fix or remove the file, the previous output is left untouched`);
  }
}

