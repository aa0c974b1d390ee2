/**
 * Normalizer fuzzing: real raw entries mutated at random (wrong types, negative and huge numbers,
 * missing or hostile ids, unknown keys, truncated or non-JSON files, broken envelopes, bad configs and
 * notes), each input run through readRawFolder → normalizeCatalog → writeOutputs over an output folder
 * that already holds a valid catalog. An input may normalize (bad entries rejected) or be refused with
 * UnusableInputError; anything else thrown is a crash. Afterwards the output folder must be either
 * byte-for-byte unchanged or fully valid against the Catalog and SnapshotChanges schemas.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readRawFolder, writeOutputs } from '../scripts/normalize.ts';
import { normalizeCatalog, UnusableInputError } from '../src/lib/data/normalize.ts';
import { Catalog, SnapshotChanges } from '../src/lib/data/schema.ts';
import { randomSource } from './synthetic-catalog.ts';
import { PROJECT_ROOT } from './measure-build.ts';

export interface FuzzResult {
  inputs: number;
  mutations: number;
  mutationKinds: Record<string, number>;
  normalized: number;
  entriesRejected: number;
  refused: number;
  crashes: number;
  corruptOutputs: number;
  /** The first few crashes and corrupt outputs, with the mutations that caused them. */
  findings: string[];
}

type Json = unknown;
type Random = () => number;
type Files = Map<string, string>;

const WRONG_VALUES: Json[] = [null, 42, -1, 0, 1.5, '', 'text', [], {}, true, 1e308, -1e308, [1, 2], { nested: { deep: true } }];
const HOSTILE_IDS = ['', ' ', '/', '~', '../../etc/passwd', 'a/b/../../c', 'a:b:c', '💥/model', 'x'.repeat(5000), '__proto__/constructor', 'author/<script>alert(1)</script>', 'a//b', 'a/b:', ':free', 'A/B C'];
const HUGE_NUMBERS: Json[] = [1e308, 2 ** 53 + 1, 1e21, Number.MAX_SAFE_INTEGER, -0, 0.5];
const HUGE_PRICES = [`1${'0'.repeat(400)}`, `0.${'0'.repeat(300)}1`, '-0.5', '-1.0', '1e-7', '1,5', ' 1', '0x10', 'Infinity', 'NaN'];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function snapshotFiles(files: Files): string[] {
  return [...files.keys()].filter((f) => f.startsWith('openrouter/openrouter-models-')).sort();
}

/** Mutates one JSON file in place; returns false when it is not JSON any more (already truncated). */
function mutateJson(files: Files, file: string, change: (body: Json) => Json): boolean {
  const text = files.get(file);
  if (text === undefined) return false;
  let body: Json;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  try {
    files.set(file, JSON.stringify(change(body)));
  } catch {
    // Too deeply nested for JSON.stringify (an earlier "deep nesting" mutation): leave the text as it is.
    return false;
  }
  return true;
}

function randomEntry(random: Random, body: Json): Record<string, Json> | null {
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data) || data.length === 0) return null;
  const entry = data[Math.floor(random() * data.length)];
  return typeof entry === 'object' && entry !== null ? (entry as Record<string, Json>) : null;
}

/** A random key path inside an entry, e.g. ["pricing", "prompt"] or ["top_provider", "context_length"]. */
function randomPath(random: Random, entry: Record<string, Json>): string[] {
  const keys = Object.keys(entry);
  const key = pick(random, keys);
  const value = entry[key];
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && random() < 0.6) {
    return [key, pick(random, Object.keys(value as object))];
  }
  return [key];
}

function setPath(target: Record<string, Json>, keys: string[], value: Json | undefined): void {
  let node: Record<string, Json> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, Json>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

const ENTRY_MUTATIONS: Record<string, (random: Random, entry: Record<string, Json>) => void> = {
  'wrong type': (random, entry) => setPath(entry, randomPath(random, entry), pick(random, WRONG_VALUES)),
  'field removed': (random, entry) => setPath(entry, randomPath(random, entry), undefined),
  'negative price': (random, entry) => setPath(entry, ['pricing', pick(random, ['prompt', 'completion', 'input_cache_read', 'request'])], pick(random, ['-0.5', '-2', -0.000001, '-0'])),
  'odd price text': (random, entry) => setPath(entry, ['pricing', pick(random, ['prompt', 'completion', 'image', 'web_search'])], pick(random, HUGE_PRICES)),
  'huge number': (random, entry) => setPath(entry, [pick(random, ['context_length', 'created'])], pick(random, HUGE_NUMBERS)),
  'huge limit': (random, entry) => setPath(entry, ['top_provider', pick(random, ['context_length', 'max_completion_tokens'])], pick(random, HUGE_NUMBERS)),
  'missing id': (random, entry) => setPath(entry, ['id'], pick(random, [undefined, null, '', 7])),
  'hostile id': (random, entry) => setPath(entry, ['id'], pick(random, HOSTILE_IDS)),
  'unknown price key': (random, entry) => setPath(entry, ['pricing', pick(random, ['video_second', 'discount', 'input_cache_write_1h', '__proto__', 'constructor'])], pick(random, ['0.1', '-1', 5, null, {}])),
  'bad overrides': (random, entry) =>
    setPath(entry, ['pricing', 'overrides'], pick(random, ['x', [{ min_prompt_tokens: -1 }], [{ min_prompt_tokens: 1000, prompt: 'abc' }], [null], [{ min_prompt_tokens: 2e9, prompt: '0.000001', unknown_key: '1' }], [{}]])),
  'bad modalities': (random, entry) => setPath(entry, ['architecture', pick(random, ['input_modalities', 'output_modalities'])], pick(random, ['text', [1, 2], [null], ['text', 'text'], []])),
  'odd description': (random, entry) => setPath(entry, ['description'], pick(random, ['', 'x'.repeat(1_000_000), '<script>alert(1)</script>', '\u0000\u0001\uFFFF', '# '.repeat(10_000)])),
  'odd name': (random, entry) => setPath(entry, ['name'], pick(random, ['', ':', 'A: ', ': B', 'x'.repeat(10_000), 'Author: Name: Sub'])),
  'odd hf id': (random, entry) => setPath(entry, ['hugging_face_id'], pick(random, ['../../x', 'a/b/c', '', 'org/name with space', '__proto__'])),
};

function mutateEntry(random: Random, files: Files, kind: string): boolean {
  const snapshots = snapshotFiles(files);
  if (snapshots.length === 0) return false;
  return mutateJson(files, pick(random, snapshots), (body) => {
    const entry = randomEntry(random, body);
    if (entry) ENTRY_MUTATIONS[kind]!(random, entry);
    return body;
  });
}

const FILE_MUTATIONS: Record<string, (random: Random, files: Files) => void> = {
  'duplicate entry': (random, files) => {
    const file = pick(random, snapshotFiles(files));
    mutateJson(files, file, (body) => {
      const data = (body as { data?: unknown[] }).data;
      if (Array.isArray(data) && data.length > 0) data.push(structuredClone(data[Math.floor(random() * data.length)]));
      return body;
    });
  },
  'truncated file': (random, files) => {
    const file = pick(random, [...files.keys()]);
    const text = files.get(file)!;
    files.set(file, text.slice(0, Math.floor(random() * text.length)));
  },
  'broken envelope': (random, files) => files.set(pick(random, snapshotFiles(files)), JSON.stringify(pick(random, [[], null, 'models', {}, { data: {} }, { data: null }, { data: 'x' }, { models: [] }]))),
  'empty or binary file': (random, files) => files.set(pick(random, [...files.keys()]), pick(random, ['', '   ', '\uFEFF{"data":[]}', '\u0000\u0000', 'NaN', '{"data":[]}garbage'])),
  'deep nesting': (random, files) => {
    const file = pick(random, snapshotFiles(files));
    const depth = pick(random, [100, 5_000]);
    files.set(file, (files.get(file) ?? '').replace('"description":', `"deep":${'['.repeat(depth)}${']'.repeat(depth)},"description":`));
  },
  'bad models.dev cost': (random, files) => {
    const file = [...files.keys()].find((f) => f.startsWith('models-dev/'));
    if (!file) return;
    mutateJson(files, file, (body) => {
      const models = (body as { openrouter?: { models?: Record<string, Record<string, Json>> } })?.openrouter?.models;
      if (!models) return body;
      const key = pick(random, Object.keys(models));
      const entry = models[key]!;
      entry[pick(random, ['cost', 'limit', 'id', 'modalities', 'release_date'])] = pick(random, [...WRONG_VALUES, { input: -1 }, { tiers: [{ tier: { size: -5, type: 'context' } }] }, { input: 1e308, output: 5 }]);
      return body;
    });
  },
  'bad Hugging Face config': (random, files) => {
    const file = pick(random, [...files.keys()].filter((f) => f.startsWith('huggingface/')));
    if (!file) return;
    mutateJson(files, file, (body) => {
      const config = body as Record<string, Json>;
      config[pick(random, ['hidden_size', 'num_attention_heads', 'num_key_value_heads', 'num_hidden_layers', 'vocab_size', 'text_config', 'sliding_window', 'head_dim', 'num_local_experts'])] = pick(random, [...WRONG_VALUES, 0, 7, 3]);
      return config;
    });
  },
  'bad curated notes': (random, files) => files.set('curated/architecture-notes.json', JSON.stringify(pick(random, [[], { 'a/b': { notes: 'x' } }, { 'a/b': { figures: { totalParams: { value: -1 } } } }, null]))),
  'bad provenance': (random, files) => files.set('PROVENANCE.json', JSON.stringify(pick(random, [[], { x: { url: 5 } }, 'text', null]))),
  'bad endpoints file': (random, files) => {
    const file = [...files.keys()].find((f) => f.startsWith('openrouter/endpoints/'));
    if (file) files.set(file, JSON.stringify(pick(random, [{ data: { id: 'a/b', endpoints: [{ provider_name: '', pricing: {} }] } }, { data: [] }, {}, { data: { id: 'x', endpoints: [{ provider_name: 'P', pricing: { prompt: '-3', completion: '1' } }] } }])));
  },
  'snapshot removed': (random, files) => files.delete(pick(random, snapshotFiles(files))),
  'two snapshots one date': (_random, files) => {
    const newest = snapshotFiles(files).pop();
    const dev = [...files.keys()].find((f) => f.startsWith('models-dev/'));
    if (newest && dev) {
      files.set(`models-dev/openrouter-${/\d{4}-\d{2}-\d{2}/.exec(newest)![0]}.json`, files.get(dev)!);
    }
  },
};

/** A small real raw folder: two OpenRouter snapshots, models.dev, configs, notes, one endpoints file. */
function baseFiles(random: Random): Files {
  const raw = path.join(PROJECT_ROOT, 'data', 'raw');
  const files: Files = new Map();
  const snapshots = readdirSync(path.join(raw, 'openrouter')).filter((f) => f.startsWith('openrouter-models-')).sort().slice(-2);
  for (const name of snapshots) {
    const body = JSON.parse(readFileSync(path.join(raw, 'openrouter', name), 'utf8')) as { data: unknown[] };
    // The same 40 positions in each snapshot keep most ids shared, so history and retirements happen.
    const start = Math.floor(random() * Math.max(1, body.data.length - 40));
    files.set(`openrouter/${name}`, JSON.stringify({ data: body.data.slice(start, start + 40) }));
  }
  const devName = readdirSync(path.join(raw, 'models-dev')).find((f) => f.endsWith('.json'));
  if (devName) {
    const dev = JSON.parse(readFileSync(path.join(raw, 'models-dev', devName), 'utf8')) as { openrouter: { models: Record<string, unknown> } };
    dev.openrouter.models = Object.fromEntries(Object.entries(dev.openrouter.models).slice(0, 15));
    files.set(`models-dev/${devName}`, JSON.stringify(dev));
  }
  for (const name of readdirSync(path.join(raw, 'huggingface'))) files.set(`huggingface/${name}`, readFileSync(path.join(raw, 'huggingface', name), 'utf8'));
  files.set('curated/architecture-notes.json', readFileSync(path.join(raw, 'curated', 'architecture-notes.json'), 'utf8'));
  files.set('PROVENANCE.json', readFileSync(path.join(raw, 'PROVENANCE.json'), 'utf8'));
  const fixture = path.join(PROJECT_ROOT, 'test', 'fixtures', 'upstream', 'endpoints-mistralai__mixtral-8x7b-instruct.json');
  if (existsSync(fixture)) files.set(`openrouter/endpoints/2026-01-29/mistralai__mixtral-8x7b-instruct.json`, readFileSync(fixture, 'utf8'));
  return files;
}

function writeFiles(dir: string, files: Files): void {
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function readTree(dir: string): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else tree.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return tree;
}

function sameTree(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, text]) => b.get(file) === text);
}

/** Why the output folder is not a valid catalog, or null when it is. */
function outputProblem(tree: Map<string, string>): string | null {
  const models = tree.get('models.json');
  if (models === undefined) return 'models.json is missing';
  try {
    const parsed = Catalog.safeParse(JSON.parse(models));
    if (!parsed.success) return `models.json breaks the schema: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
    for (const [file, text] of tree) {
      if (file.startsWith('history/') && !SnapshotChanges.safeParse(JSON.parse(text)).success) return `${file} breaks the schema`;
      if (!file.startsWith('history/') && file !== 'models.json') return `unexpected file ${file} (a temp file left behind?)`;
    }
  } catch (error) {
    return `output is not JSON: ${(error as Error).message}`;
  }
  return null;
}

export async function fuzzNormalize(workDir: string, inputs: number, seed = 1): Promise<FuzzResult> {
  const random = randomSource(seed);
  const root = mkdtempSync(path.join(workDir, 'fuzz-'));
  const result: FuzzResult = { inputs: 0, mutations: 0, mutationKinds: {}, normalized: 0, entriesRejected: 0, refused: 0, crashes: 0, corruptOutputs: 0, findings: [] };
  const validOut = path.join(root, 'valid-out');
  const base = baseFiles(random);
  const baseRaw = path.join(root, 'base-raw');
  writeFiles(baseRaw, base);
  await writeOutputs(validOut, normalizeCatalog(readRawFolder(baseRaw)));
  const kinds = [...Object.keys(ENTRY_MUTATIONS), ...Object.keys(FILE_MUTATIONS)];
  const silenced = console.warn;
  try {
    for (let i = 0; i < inputs; i++) {
      const files = new Map(base);
      const applied: string[] = [];
      const count = 1 + Math.floor(random() * 3);
      for (let m = 0; m < count; m++) {
        const kind = pick(random, kinds);
        if (kind in ENTRY_MUTATIONS) mutateEntry(random, files, kind);
        else FILE_MUTATIONS[kind]!(random, files);
        applied.push(kind);
        result.mutationKinds[kind] = (result.mutationKinds[kind] ?? 0) + 1;
      }
      result.inputs += 1;
      result.mutations += applied.length;
      const rawDir = path.join(root, `raw-${i}`);
      const outDir = path.join(root, `out-${i}`);
      writeFiles(rawDir, files);
      cpSync(validOut, outDir, { recursive: true });
      const before = readTree(outDir);
      let refused = false;
      console.warn = () => undefined;
      try {
        const normalized = normalizeCatalog(readRawFolder(rawDir));
        await writeOutputs(outDir, normalized);
        result.normalized += 1;
        result.entriesRejected += normalized.catalog.rejected.length;
      } catch (error) {
        if (error instanceof UnusableInputError) {
          refused = true;
          result.refused += 1;
        } else {
          result.crashes += 1;
          if (result.findings.length < 10) result.findings.push(`crash after [${applied.join(', ')}]: ${(error as Error).name}: ${(error as Error).message.slice(0, 300)}`);
        }
      } finally {
        console.warn = silenced;
      }
      const after = readTree(outDir);
      const unchanged = sameTree(before, after);
      const problem = refused ? (unchanged ? null : 'refused input but the output folder changed') : unchanged ? null : outputProblem(after);
      if (problem !== null) {
        result.corruptOutputs += 1;
        if (result.findings.length < 10) result.findings.push(`corrupt output after [${applied.join(', ')}]: ${problem}`);
      }
      rmSync(rawDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return result;
}
