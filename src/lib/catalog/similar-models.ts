/**
 * Size classes and "similar models" for the cards: same author and size class first, then the closest
 * input price.
 */
import type { Model } from '../data/schema.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';

export const SIZE_CLASSES = ['small', 'medium', 'large', 'frontier'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * Total parameters as the architecture states them. A name such as "70b" is read as 70e9 when the
 * architecture is unknown; an expert name such as "8x22b" is not, because experts share their
 * attention layers: Mixtral 8x22B has 141B parameters, not 8 × 22 = 176B. "a22b" is an active count.
 */
export function parameterEstimate(model: Pick<Model, 'id' | 'architecture'>): number | null {
  const known = model.architecture.totalParams?.value;
  if (known !== undefined) return known;
  const name = nameOf(model);
  if (EXPERTS.test(name)) return null;
  const dense = /(?:^|[^a-z0-9.])(\d+(?:\.\d+)?)([bm])(?![a-z0-9])/.exec(name);
  if (dense) return Number(dense[1]) * (dense[2] === 'b' ? 1e9 : 1e6);
  return null;
}

const EXPERTS = /(?:^|[^a-z0-9.])(\d+)x(\d+(?:\.\d+)?)b(?![a-z0-9])/;
const nameOf = (model: Pick<Model, 'id'>) => model.id.toLowerCase().split('/').pop() ?? '';

/**
 * Four coarse classes by total parameters: under 15B, under 80B, under 300B, and larger. Without an
 * architecture, an expert name's product (8 × 22B) bounds the total from above, close enough for a class.
 */
export function sizeClass(model: Pick<Model, 'id' | 'architecture'>): SizeClass | null {
  const experts = EXPERTS.exec(nameOf(model));
  const params = parameterEstimate(model) ?? (experts ? Number(experts[1]) * Number(experts[2]) * 1e9 : null);
  if (params === null) return null;
  if (params < 15e9) return 'small';
  if (params < 80e9) return 'medium';
  if (params < 300e9) return 'large';
  return 'frontier';
}

function priceDistance(a: Model, b: Model): number {
  const pa = a.pricing.perMillionTokens.input;
  const pb = b.pricing.perMillionTokens.input;
  if (pa === VARIABLE_PRICE || pb === VARIABLE_PRICE) return Number.POSITIVE_INFINITY;
  // A rank, not money: the ratio only orders candidates, so floating point is fine here.
  return Math.abs(Math.log10(Number(pa) + 0.01) - Math.log10(Number(pb) + 0.01));
}

interface SimilarityIndex {
  byAuthor: Map<string, Model[]>;
  bySize: Map<SizeClass, Model[]>;
  sizes: Map<string, SizeClass | null>;
}

// Every card asks for its similar models; indexing the catalog once keeps that linear, not quadratic,
// in the catalog size (a 10k-model build would otherwise run the name regexes 10^8 times).
const similarityIndexes = new WeakMap<readonly Model[], SimilarityIndex>();

function similarityIndex(catalog: readonly Model[]): SimilarityIndex {
  const cached = similarityIndexes.get(catalog);
  if (cached) return cached;
  const index: SimilarityIndex = { byAuthor: new Map(), bySize: new Map(), sizes: new Map() };
  for (const m of catalog) {
    const size = sizeClass(m);
    index.sizes.set(m.id, size);
    const byAuthor = index.byAuthor.get(m.author) ?? [];
    byAuthor.push(m);
    index.byAuthor.set(m.author, byAuthor);
    if (size === null) continue;
    const bySize = index.bySize.get(size) ?? [];
    bySize.push(m);
    index.bySize.set(size, bySize);
  }
  similarityIndexes.set(catalog, index);
  return index;
}

/**
 * Models to compare this one with: same author and same size class first, then same author, then
 * the same size class; within each group the closest input price. Variants of the model itself are
 * left out (the card links them separately), and listed models come before retired ones.
 */
export function similarModels(model: Model, catalog: readonly Model[], limit = 4): Model[] {
  const index = similarityIndex(catalog);
  const size = index.sizes.get(model.id) ?? sizeClass(model);
  const family = new Set([model.id, model.baseId ?? model.id, ...model.variantIds]);
  const score = (other: Model) => {
    const sameAuthor = other.author === model.author;
    const sameSize = size !== null && index.sizes.get(other.id) === size;
    return (sameAuthor && sameSize ? 4 : sameAuthor ? 2 : sameSize ? 1 : 0) + (other.listed ? 0.5 : 0);
  };
  const candidates = new Set([...(index.byAuthor.get(model.author) ?? []), ...(size === null ? [] : (index.bySize.get(size) ?? []))]);
  return [...candidates]
    .filter((other) => !family.has(other.id) && other.baseId === null)
    .map((other) => ({ other, score: score(other), distance: priceDistance(model, other) }))
    .sort((a, b) => b.score - a.score || a.distance - b.distance || a.other.id.localeCompare(b.other.id))
    .slice(0, limit)
    .map(({ other }) => other);
}
