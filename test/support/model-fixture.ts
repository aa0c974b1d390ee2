/** Complete normalized models for unit tests, so each test states only the fields it is about. */
import type { Model, Pricing } from '../../src/lib/data/schema.ts';

export function testPricing(input: string, output: string, extra: Partial<Pricing> = {}): Pricing {
  return { perMillionTokens: { input, output }, perUnit: {}, tiers: [], unknown: {}, ...extra };
}

/**
 * A listed text-only model named by its id ("author/name"), $1/$2 per million tokens, an 8,192-token
 * context, and no architecture, providers, history or sources; `fields` replaces any of it.
 */
export function testModel(id: string, fields: Partial<Model> = {}): Model {
  const [author = id, name = id] = id.split('/');
  return {
    id,
    slug: id,
    author,
    authorLabel: author,
    modelName: name,
    displayName: id,
    variant: null,
    baseId: null,
    variantIds: [],
    canonicalSlug: null,
    huggingFaceId: null,
    created: '2025-01-01',
    description: '',
    contextLength: 8192,
    maxCompletionTokens: null,
    inputModalities: ['text'],
    outputModalities: ['text'],
    tokenizer: 'Other',
    instructType: null,
    supportedParameters: [],
    isModerated: null,
    expirationDate: null,
    pricing: testPricing('1', '2'),
    tags: [],
    architecture: {},
    notes: [],
    providers: [],
    listed: true,
    firstSeen: '2025-01-01',
    lastSeen: '2025-06-01',
    retiredSince: null,
    history: [],
    sources: [],
    aliases: [],
    quality: null,
    knowledgeCutoff: null,
    reasoningEfforts: [],
    ...fields,
  };
}
