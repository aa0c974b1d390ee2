/**
 * The page data of a model no catalog model matched (identity-own.ts): what its sellers state about
 * it, newest statement first. Prices and history are its first seller's offer (set once offers exist).
 */
import type { Model, Pricing } from './schema.ts';
import type { UnmatchedEntry } from './identity-own.ts';
import { toSlug } from '../format/slug.ts';
import { deriveTags } from './tags.ts';

const NO_PRICE: Pricing = { perMillionTokens: { input: 'variable', output: 'variable' }, perUnit: {}, tiers: [], unknown: {} };

function newestFirst(group: UnmatchedEntry[]): UnmatchedEntry[] {
  return [...group].sort((a, b) => (a.listing.date < b.listing.date ? 1 : a.listing.date > b.listing.date ? -1 : 0));
}

/** Sources write release dates as "2024-05", "2024-05-13" or "2024"; a page needs a day. */
function isoDay(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-01`;
  return null;
}

export function ownModel(id: string, group: UnmatchedEntry[]): Model {
  const entries = newestFirst(group);
  const first = <T>(read: (u: UnmatchedEntry) => T | null | undefined): T | null => {
    for (const u of entries) {
      const value = read(u);
      if (value !== null && value !== undefined) return value;
    }
    return null;
  };
  const seller = id.slice(1).split('/')[0]!;
  const providerModelId = id.slice(seller.length + 2);
  // Without a stated name, the id's last segment ("accounts/fireworks/models/mixtral-8x22b" → "mixtral-8x22b").
  const modelName = first((u) => u.entry.name) ?? providerModelId.split('/').pop()!;
  const description = first((u) => u.entry.description || null) ?? '';
  const pricing = first((u) => u.entry.pricing) ?? NO_PRICE;
  const inputModalities = first((u) => u.entry.inputModalities) ?? ['text'];
  const outputModalities = first((u) => u.entry.outputModalities) ?? ['text'];
  const huggingFaceId = providerModelId.includes('/') && first((u) => u.entry.openWeights) ? providerModelId : null;
  const oldest = entries[entries.length - 1]!.listing.date;
  const newest = entries[0]!.listing.date;
  return {
    id,
    slug: toSlug(id),
    author: `@${seller}`,
    authorLabel: seller,
    modelName,
    displayName: modelName,
    variant: null,
    baseId: null,
    variantIds: [],
    canonicalSlug: null,
    huggingFaceId: first((u) => u.entry.keys.huggingFaceId) ?? huggingFaceId,
    created: first((u) => isoDay(u.entry.releaseDate)) ?? oldest,
    description,
    contextLength: first((u) => u.entry.contextLength),
    maxCompletionTokens: first((u) => u.entry.maxOutputTokens),
    inputModalities,
    outputModalities,
    tokenizer: null,
    instructType: null,
    supportedParameters: [],
    isModerated: null,
    expirationDate: null,
    pricing,
    tags: deriveTags({ description, pricing, inputModalities, outputModalities, supportedParameters: [], huggingFaceId, experts: undefined }),
    architecture: {},
    notes: [],
    providers: [],
    listed: true,
    firstSeen: oldest,
    lastSeen: newest,
    retiredSince: null,
    history: [],
    sources: [],
    aliases: [],
    quality: null,
    knowledgeCutoff: first((u) => u.entry.knowledgeCutoff),
    reasoningEfforts: [],
  };
}
