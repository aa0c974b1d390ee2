/**
 * Synthetic raw folders for the build-scaling benchmark: N models as three weekly OpenRouter
 * snapshots, laid out like data/raw so they go through the same `normalize --raw/--out` path.
 *
 * Every synthetic model is a real upstream entry (from data/raw/openrouter) under a new id, so names,
 * descriptions, modalities, tokenizers and Hugging Face ids look like real data. On top of that the
 * generator mixes in what the pages must cope with: cache prices, prompt-length tiers, variable
 * prices, discounts, variants (":free", ":thinking"…), models added in the newest snapshot, retired
 * models, price and context changes between snapshots, and per-provider endpoints for some models.
 * The output is deterministic for a seed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseConfigText } from '../src/lib/data/architecture-source.ts';
import path from 'node:path';
import Big from 'big.js';
import { Provenance, RawOpenRouterModel, type RawOpenRouterModel as RawModel } from '../src/lib/data/schema.ts';
import { splitVariant } from '../src/lib/data/model-names.ts';
import { openRouterModelEntries } from '../src/lib/data/sources/openrouter-models.ts';

export const SYNTHETIC_DATES = ['2026-01-15', '2026-01-22', '2026-01-29'] as const;

export interface SyntheticOptions {
  /** Number of distinct models the normalized catalog will hold (listed and retired). */
  count: number;
  seed: number;
  /** Where the real upstream files are read from; data/raw by default. */
  realRawDir?: string;
}

/** Raw files keyed by their path relative to the raw folder. */
export type RawFiles = Map<string, unknown>;

/** Deterministic PRNG (mulberry32): the same seed gives the same catalog on every machine. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUND_SUFFIXES = ['pro', 'mini', 'turbo', 'lite', 'plus', 'max', 'flash', 'nano', 'preview', 'chat', 'long', 'vision', 'coder', 'air', 'ultra', 'next', 'edge', 'base', 'distill', 'online-2'];
const PRICE_FACTORS = ['0.5', '0.8', '1', '1', '1.25', '2'];
const CONTEXT_FACTORS = [1, 1, 1, 2, 0.5];
const PROVIDERS = ['DeepInfra', 'Together', 'Fireworks', 'Groq', 'Novita', 'Parasail', 'SambaNova', 'Chutes', 'Nebius', 'Lambda'];
const QUANTIZATIONS = ['fp8', 'bf16', 'fp4', 'int8', 'unknown'];

/** The newest record of every id across the real OpenRouter snapshots: the templates. */
export function realTemplates(realRawDir: string): RawModel[] {
  const dir = path.join(realRawDir, 'openrouter');
  const files = readdirSync(dir).filter((f) => /^openrouter-models-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  const byId = new Map<string, RawModel>();
  for (const file of files) {
    for (const entry of openRouterModelEntries(file, JSON.parse(readFileSync(path.join(dir, file), 'utf8')))) {
      const parsed = RawOpenRouterModel.safeParse(entry);
      if (parsed.success) byId.set(parsed.data.id, parsed.data);
    }
  }
  if (byId.size === 0) throw new Error(`no usable OpenRouter entries under ${dir} to base a synthetic catalog on`);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Scales an upstream price string exactly; "-1" (variable) and "0" stay as they are. */
function scalePrice(price: unknown, factor: string): unknown {
  if (typeof price !== 'string' || price === '-1' || !/^\d+(\.\d+)?$/.test(price)) return price;
  return new Big(price).times(factor).toFixed();
}

function scalePricing(pricing: Record<string, unknown>, factor: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pricing).map(([key, value]) => [key, key === 'overrides' ? value : scalePrice(value, factor)]));
}

function titleCase(word: string): string {
  return word.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);
}

interface Lifecycle {
  /** Indexes into SYNTHETIC_DATES of the snapshots that list the model. */
  snapshots: number[];
  priceChangeAt: number | null;
  contextChangeAt: number | null;
}

function lifecycle(random: () => number): Lifecycle {
  const roll = random();
  // Roughly: 8% retired before the newest snapshot, 6% added recently, the rest listed throughout.
  const snapshots = roll < 0.04 ? [0] : roll < 0.08 ? [0, 1] : roll < 0.11 ? [2] : roll < 0.14 ? [1, 2] : [0, 1, 2];
  const later = snapshots.slice(1);
  return {
    snapshots,
    priceChangeAt: later.length > 0 && random() < 0.06 ? pick(random, later) : null,
    contextChangeAt: later.length > 0 && random() < 0.02 ? pick(random, later) : null,
  };
}

/** A new model from a real template: new id and name, prices and limits varied, pricing extras mixed in. */
function cloneTemplate(template: RawModel, id: string, round: number, random: () => number): Record<string, unknown> {
  const suffix = ROUND_SUFFIXES[(round - 1) % ROUND_SUFFIXES.length]!;
  const label = `${titleCase(suffix)}${round > ROUND_SUFFIXES.length ? ` ${Math.ceil(round / ROUND_SUFFIXES.length)}` : ''}`;
  const { variant } = splitVariant(template.id);
  const name = variant && / \([^)]*\)$/.test(template.name) ? template.name.replace(/ (\([^)]*\))$/, ` ${label} $1`) : `${template.name} ${label}`;
  let pricing = scalePricing(template.pricing, variant === 'free' ? '1' : pick(random, PRICE_FACTORS));
  const prompt = pricing.prompt as string;
  const completion = pricing.completion as string;
  const paid = prompt !== '0' && prompt !== '-1';
  const extra = random();
  if (paid && extra < 0.1) {
    pricing = { ...pricing, input_cache_read: new Big(prompt).times('0.1').toFixed(), input_cache_write: new Big(prompt).times('1.25').toFixed() };
  } else if (paid && extra < 0.14) {
    pricing = { ...pricing, overrides: [{ min_prompt_tokens: 200_000, prompt: new Big(prompt).times(2).toFixed(), completion: new Big(completion).times('1.5').toFixed() }] };
  } else if (paid && extra < 0.15) {
    pricing = { ...pricing, discount: '0.25' };
  } else if (extra > 0.995) {
    pricing = { ...pricing, prompt: '-1', completion: '-1' };
  }
  const contextFactor = pick(random, CONTEXT_FACTORS);
  const scaleContext = (n: number | null | undefined) => (typeof n === 'number' ? Math.max(1024, Math.round(n * contextFactor)) : n);
  return {
    ...template,
    id,
    canonical_slug: `${splitVariant(id).baseId}-${20250101 + round}`,
    name,
    created: template.created + round * 86_400 * 11,
    context_length: scaleContext(template.context_length),
    pricing,
    top_provider: template.top_provider ? { ...template.top_provider, context_length: scaleContext(template.top_provider.context_length) } : template.top_provider,
  };
}

function newId(template: RawModel, round: number, taken: Set<string>, index: number): string {
  if (round === 0) return template.id;
  const { baseId, variant } = splitVariant(template.id);
  const suffix = ROUND_SUFFIXES[(round - 1) % ROUND_SUFFIXES.length]!;
  const lap = Math.ceil(round / ROUND_SUFFIXES.length);
  let id = `${baseId}-${suffix}${lap > 1 ? `-${lap}` : ''}${variant ? `:${variant}` : ''}`;
  for (let n = index; taken.has(id); n += 1) id = `${baseId}-${suffix}-${n}${variant ? `:${variant}` : ''}`;
  return id;
}

/** A snapshot's version of a model: the price or context changes once, at the lifecycle's chosen date. */
function atSnapshot(entry: Record<string, unknown>, snapshot: number, life: Lifecycle): Record<string, unknown> {
  let result = entry;
  if (life.priceChangeAt !== null && snapshot < life.priceChangeAt) {
    result = { ...result, pricing: scalePricing(entry.pricing as Record<string, unknown>, '1.2') };
  }
  if (life.contextChangeAt !== null && snapshot < life.contextChangeAt && typeof entry.context_length === 'number') {
    result = { ...result, context_length: Math.max(1024, Math.round(entry.context_length / 2)) };
  }
  return result;
}

function endpointsFor(entry: Record<string, unknown>, random: () => number): unknown {
  const count = 1 + Math.floor(random() * 3);
  const providers = shuffled(random, PROVIDERS).slice(0, count);
  return {
    data: {
      id: entry.id,
      name: entry.name,
      created: entry.created,
      description: entry.description,
      architecture: entry.architecture,
      endpoints: providers.map((provider, i) => ({
        name: `${provider} | ${entry.id as string}`,
        context_length: entry.context_length,
        pricing: scalePricing(entry.pricing as Record<string, unknown>, i === 0 ? '1' : pick(random, ['1', '1.1', '1.3'])),
        provider_name: provider,
        tag: provider.toLowerCase(),
        quantization: pick(random, QUANTIZATIONS),
        max_completion_tokens: null,
        max_prompt_tokens: null,
        supported_parameters: entry.supported_parameters ?? [],
        status: 0,
        uptime_last_30m: 90 + Math.floor(random() * 100) / 10,
      })),
    },
  };
}

/** Generates the raw files of a synthetic catalog, without touching the disk. */
export function generateSyntheticRaw(options: SyntheticOptions): RawFiles {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`synthetic catalog size must be a positive integer, got ${count}`);
  const realRawDir = options.realRawDir ?? 'data/raw';
  const random = randomSource(seed);
  const templates = shuffled(random, realTemplates(realRawDir));
  const taken = new Set<string>();
  const snapshots: Record<string, unknown>[][] = SYNTHETIC_DATES.map(() => []);
  const files: RawFiles = new Map();
  const newestDate = SYNTHETIC_DATES[SYNTHETIC_DATES.length - 1]!;

  for (let index = 0; index < count; index++) {
    const round = Math.floor(index / templates.length);
    const template = templates[index % templates.length]!;
    const id = newId(template, round, taken, index);
    taken.add(id);
    const entry = round === 0 ? (structuredClone(template) as Record<string, unknown>) : cloneTemplate(template, id, round, random);
    const life = lifecycle(random);
    for (const s of life.snapshots) snapshots[s]!.push(atSnapshot(entry, s, life));
    if (life.snapshots.includes(2) && !splitVariant(id).variant && random() < 0.1) {
      files.set(`openrouter/endpoints/${newestDate}/${id.replace(/\//g, '__')}.json`, endpointsFor(entry, random));
    }
  }

  const provenance: Provenance = {};
  SYNTHETIC_DATES.forEach((date, i) => {
    const file = `openrouter/openrouter-models-${date}.json`;
    // Upstream lists newest models first; keep that shape so nothing relies on id order.
    files.set(file, { data: snapshots[i]!.sort((a, b) => (b.created as number) - (a.created as number) || String(a.id).localeCompare(String(b.id))) });
    provenance[file] = { source: 'OpenRouter models API', url: 'https://openrouter.ai/api/v1/models', fetchedAt: `${date}T06:00:00Z`, note: `synthetic benchmark catalog (bench/synthetic-catalog.ts, ${count} models, seed ${seed})` };
  });

  // Real Hugging Face configs and curated notes: clones keep their template's HF id, so cards get architecture.
  const realProvenance = existsSync(path.join(realRawDir, 'PROVENANCE.json')) ? Provenance.parse(JSON.parse(readFileSync(path.join(realRawDir, 'PROVENANCE.json'), 'utf8'))) : {};
  const hfDir = path.join(realRawDir, 'huggingface');
  const configNames = existsSync(hfDir) ? readdirSync(hfDir, { recursive: true, encoding: 'utf8' }).map((f) => f.replaceAll('\\', '/')).filter((f) => f.endsWith('.json')).sort() : [];
  for (const name of configNames) {
    const file = `huggingface/${name}`;
    // Python-written configs may hold Infinity, which JSON.parse refuses; the normalizer reads them the same way.
    files.set(file, parseConfigText(readFileSync(path.join(hfDir, name), 'utf8')));
    const known = realProvenance[file];
    if (known) provenance[file] = known;
  }
  const notes = path.join(realRawDir, 'curated', 'architecture-notes.json');
  if (existsSync(notes)) files.set('curated/architecture-notes.json', JSON.parse(readFileSync(notes, 'utf8')));
  files.set('PROVENANCE.json', provenance);
  return files;
}

/** Writes a synthetic raw folder; returns the number of files written. */
export function writeSyntheticRaw(rawDir: string, options: SyntheticOptions): number {
  const files = generateSyntheticRaw(options);
  for (const [file, body] of files) {
    const target = path.join(rawDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, JSON.stringify(body));
  }
  return files.size;
}
