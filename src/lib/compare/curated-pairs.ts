/**
 * The comparisons that get static pages (the first pair, each model against its variants and its
 * predecessor), their URLs and words, the column labels and the quick picks of /compare/.
 */
import type { Model } from '../data/schema.ts';
import { toSlug } from '../format/slug.ts';

export const SEED_PAIR = ['mistralai/mistral-7b-instruct-v0.2', 'mistralai/mixtral-8x7b-instruct'] as const;

export type PairReason = 'seeds' | 'variant' | 'predecessor';

export interface CuratedPair {
  slug: string;
  ids: [string, string];
  reason: PairReason;
}

/**
 * `/compare/<a>-vs-<b>/`: each id through toSlug with "/" as "-", so
 * mistralai/mistral-7b-instruct-v0.2 vs mistralai/mixtral-8x7b-instruct becomes
 * "mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct". Pages are looked up by
 * this slug, never parsed back; curatedPairs() refuses two pairs with the same slug.
 */
export function pairSlug(a: string, b: string): string {
  const part = (id: string) => toSlug(id).replace(/\//g, '-');
  return `${part(a)}-vs-${part(b)}`;
}

export function pairPath(pair: Pick<CuratedPair, 'slug'>): string {
  return `/compare/${pair.slug}/`;
}

const VERSION_TOKEN = /^v?\d{1,3}(\.\d+)*$/;
/** Four digits or more ("2407", "0528") or a date stamp: a snapshot, not a version. */
const SNAPSHOT_TOKEN = /^\d{4,}$/;

const familyCache = new Map<string, string>();
const versionCache = new Map<string, number[] | null>();

function nameTokens(modelName: string): string[] {
  return modelName.toLowerCase().split(/[\s\-_/:(),]+/).filter(Boolean);
}

/**
 * The name family: the model name's words without version numbers or snapshot stamps, a trailing
 * version glued to a word ("Qwen2.5" → "qwen", "o3" → "o") removed, as a sorted set so "Claude 3.5
 * Sonnet" and "Claude Sonnet 4" are one family. Size words ("7b", "8x7b") stay: sizes are lines.
 */
export function nameFamily(modelName: string): string {
  const cached = familyCache.get(modelName);
  if (cached !== undefined) return cached;
  const words = nameTokens(modelName)
    .filter((t) => !VERSION_TOKEN.test(t) && !SNAPSHOT_TOKEN.test(t))
    .map((t) => t.replace(/^([a-z]+)\d+(\.\d+)*$/, '$1'));
  const family = [...new Set(words)].sort().join(' ');
  familyCache.set(modelName, family);
  return family;
}

/** The first version number in a name ("Qwen3.5 Plus 2026-02-15" → [3, 5]); null when it has none. */
export function nameVersion(modelName: string): number[] | null {
  const cached = versionCache.get(modelName);
  if (cached !== undefined) return cached;
  let version: number[] | null = null;
  for (const token of nameTokens(modelName)) {
    if (SNAPSHOT_TOKEN.test(token)) continue;
    const match = /^(?:[a-z]*?)v?(\d{1,3}(?:\.\d+)*)$/.exec(token);
    if (match?.[1]) {
      version = match[1].split('.').map(Number);
      break;
    }
  }
  versionCache.set(modelName, version);
  return version;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

type PairModel = Pick<Model, 'id' | 'author' | 'modelName' | 'variant' | 'created' | 'baseId' | 'variantIds'>;

/**
 * A model's predecessor: of the base (non-variant) models by the same author, in the same name family
 * and with a different name, created strictly earlier and not carrying a higher version number, the
 * most recently created one (ties: the higher version, then the id). Null when there is none.
 */
export function predecessorOf<M extends PairModel>(model: M, models: readonly M[]): M | null {
  if (model.variant !== null) return null;
  const family = nameFamily(model.modelName);
  if (family === '') return null;
  const version = nameVersion(model.modelName);
  let best: M | null = null;
  for (const other of models) {
    if (other.id === model.id || other.variant !== null || other.author !== model.author) continue;
    if (other.modelName === model.modelName || other.created >= model.created) continue;
    if (nameFamily(other.modelName) !== family) continue;
    const otherVersion = nameVersion(other.modelName);
    if (version && otherVersion && compareVersions(otherVersion, version) > 0) continue;
    if (best === null || other.created > best.created) best = other;
    else if (other.created === best.created) {
      const bestVersion = nameVersion(best.modelName);
      const order = otherVersion && bestVersion ? compareVersions(otherVersion, bestVersion) : 0;
      if (order > 0 || (order === 0 && other.id < best.id)) best = other;
    }
  }
  return best;
}

/**
 * The pairs that get static pages: the seeds pair first, then every base model against each of its
 * variants, then every model against its predecessor. A pair of the same two models is listed once.
 */
export function curatedPairs<M extends PairModel>(models: readonly M[]): CuratedPair[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const pairs: CuratedPair[] = [];
  const seenSets = new Set<string>();
  const slugs = new Map<string, string>();
  const add = (a: string, b: string, reason: PairReason) => {
    const set = [a, b].sort().join('\n');
    if (a === b || seenSets.has(set)) return;
    const slug = pairSlug(a, b);
    const clash = slugs.get(slug);
    if (clash !== undefined) throw new Error(`Compare pages ${clash} and ${a} vs ${b} would both be /compare/${slug}/; change pairSlug().`);
    seenSets.add(set);
    slugs.set(slug, `${a} vs ${b}`);
    pairs.push({ slug, ids: [a, b], reason });
  };
  if (byId.has(SEED_PAIR[0]) && byId.has(SEED_PAIR[1])) add(SEED_PAIR[0], SEED_PAIR[1], 'seeds');
  const sorted = [...models].sort((a, b) => a.id.localeCompare(b.id));
  for (const model of sorted) {
    for (const variantId of [...model.variantIds].sort()) if (byId.has(variantId)) add(model.id, variantId, 'variant');
  }
  for (const model of sorted) {
    const predecessor = predecessorOf(model, models);
    if (predecessor) add(model.id, predecessor.id, 'predecessor');
  }
  return pairs;
}

export function pairSummary(pair: CuratedPair, names: [string, string]): string {
  switch (pair.reason) {
    case 'seeds':
      return `${names[0]} against ${names[1]}: Mistral's dense 7B model and its sparse mixture-of-experts sibling.`;
    case 'variant':
      return `${names[0]} against its variant ${names[1]} (${pair.ids[1].slice(pair.ids[1].lastIndexOf(':'))}).`;
    case 'predecessor':
      return `${names[0]} against its predecessor ${names[1]}: the same author's earlier model of the same name family.`;
  }
}

/** Short column names for headers and chart legends; the id when two compared models share a name. */
export function columnLabels(models: readonly Pick<Model, 'id' | 'modelName'>[]): string[] {
  return models.map((m) => (models.filter((o) => o.modelName === m.modelName).length > 1 ? m.id : m.modelName));
}

/**
 * Models offered as quick picks on /compare/: the two seeds, then the most recently created listed
 * base model of each of the ten authors with the most listed models.
 */
export function quickPicks<M extends Pick<Model, 'id' | 'author' | 'listed' | 'variant' | 'created'>>(models: readonly M[], authors = 10): M[] {
  const picks = SEED_PAIR.map((id) => models.find((m) => m.id === id)).filter((m): m is M => m !== undefined);
  const byAuthor = new Map<string, M[]>();
  for (const m of models) {
    if (!m.listed || m.variant !== null) continue;
    byAuthor.set(m.author, [...(byAuthor.get(m.author) ?? []), m]);
  }
  const top = [...byAuthor.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, authors);
  for (const [, list] of top) {
    const newest = [...list].sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id))[0];
    if (newest && !picks.includes(newest)) picks.push(newest);
  }
  return picks;
}
