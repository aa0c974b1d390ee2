/**
 * Identity on catalog models and seller ids as the recordings spell them (OpenRouter ids and Hugging
 * Face ids from data/raw/openrouter; seller ids from LiteLLM, models.dev, genai-prices and AA).
 */
import { describe, expect, it } from 'vitest';
import { buildModelIndex, CuratedAliasesFile, identify, type IdentityModel } from '../../src/lib/data/identity.ts';
import { catalogProviderId } from '../../src/lib/data/identity-providers.ts';
import { groupOwnModels, ownModelId } from '../../src/lib/data/identity-own.ts';
import { toSlug } from '../../src/lib/format/slug.ts';
import { entry, listing } from '../support/listings.ts';

const MODELS: IdentityModel[] = [
  { id: 'mistralai/mixtral-8x7b-instruct', canonicalSlug: null, huggingFaceId: 'mistralai/Mixtral-8x7B-Instruct-v0.1' },
  { id: 'mistralai/mixtral-8x22b-instruct', canonicalSlug: null, huggingFaceId: 'mistralai/Mixtral-8x22B-Instruct-v0.1' },
  { id: 'mistralai/mistral-7b-instruct', canonicalSlug: null, huggingFaceId: 'mistralai/Mistral-7B-Instruct-v0.3' },
  { id: 'mistralai/mistral-7b-instruct:free', canonicalSlug: null, huggingFaceId: 'mistralai/Mistral-7B-Instruct-v0.3' },
  { id: 'mistralai/mistral-7b-instruct-v0.1', canonicalSlug: null, huggingFaceId: 'mistralai/Mistral-7B-Instruct-v0.1' },
  { id: 'mistralai/mistral-7b-instruct-v0.2', canonicalSlug: null, huggingFaceId: 'mistralai/Mistral-7B-Instruct-v0.2' },
  { id: 'mistralai/mistral-7b-instruct-v0.3', canonicalSlug: null, huggingFaceId: 'mistralai/Mistral-7B-Instruct-v0.3' },
  { id: 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo', canonicalSlug: null, huggingFaceId: 'NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO' },
  { id: 'anthropic/claude-3.5-sonnet', canonicalSlug: null, huggingFaceId: null },
  { id: 'anthropic/claude-3.5-sonnet-20240620', canonicalSlug: null, huggingFaceId: null },
  { id: 'meta-llama/llama-3.1-8b-instruct', canonicalSlug: 'meta-llama/llama-3.1-8b-instruct-20240723', huggingFaceId: 'meta-llama/Meta-Llama-3.1-8B-Instruct' },
  { id: 'google/gemma-3-27b-it', canonicalSlug: null, huggingFaceId: 'google/gemma-3-27b-it' },
];

const aliases = CuratedAliasesFile.parse({
  aliases: [{ provider: 'mistral', providerModelId: 'open-mixtral-8x7b', model: 'mistralai/mixtral-8x7b-instruct', reason: "Mistral's API id for Mixtral 8x7B Instruct (docs.mistral.ai)" }],
});
const index = buildModelIndex(MODELS, aliases.aliases);
const who = (provider: string, id: string, keys = {}) => identify(entry(provider, id, { keys }), provider, index);

describe('identity by stated key', () => {
  it('takes an OpenRouter id, canonical slug or Hugging Face id the entry states', () => {
    expect(who('openrouter', 'x', { openRouterId: 'mistralai/mixtral-8x7b-instruct' })).toMatchObject({ modelId: 'mistralai/mixtral-8x7b-instruct', match: { by: 'key' } });
    expect(who('deepinfra', 'y', { canonicalSlug: 'meta-llama/llama-3.1-8b-instruct-20240723' })).toMatchObject({ modelId: 'meta-llama/llama-3.1-8b-instruct', match: { by: 'key' } });
    expect(who('huggingface', 'z', { huggingFaceId: 'mistralai/mistral-7b-instruct-v0.2' })).toMatchObject({ modelId: 'mistralai/mistral-7b-instruct-v0.2', match: { by: 'key' } });
  });

  it('takes a seller id that is an OpenRouter id or a Hugging Face id (nvidia, Together, DeepInfra)', () => {
    expect(who('nvidia', 'mistralai/mixtral-8x7b-instruct').modelId).toBe('mistralai/mixtral-8x7b-instruct');
    expect(who('togetherai', 'mistralai/Mixtral-8x7B-Instruct-v0.1')).toMatchObject({ modelId: 'mistralai/mixtral-8x7b-instruct', match: { by: 'key' } });
  });

  it('gives a Hugging Face id several models state to the one named like the repository', () => {
    expect(who('ovhcloud', 'mistralai/Mistral-7B-Instruct-v0.3').modelId).toBe('mistralai/mistral-7b-instruct-v0.3');
  });
});

describe('identity by name rule', () => {
  it('matches Bedrock, Fireworks, Cloudflare and author-less host ids', () => {
    expect(who('amazon-bedrock', 'mistral.mixtral-8x7b-instruct-v0:1')).toMatchObject({ modelId: 'mistralai/mixtral-8x7b-instruct', match: { by: 'rule' } });
    expect(who('amazon-bedrock', 'us-east-1/mistral.mistral-7b-instruct-v0:2').modelId).toBe('mistralai/mistral-7b-instruct-v0.2');
    expect(who('fireworks-ai', 'accounts/fireworks/models/mixtral-8x7b-instruct').modelId).toBe('mistralai/mixtral-8x7b-instruct');
    expect(who('cortecs', 'mixtral-8x7B-instruct-v0.1').modelId).toBe('mistralai/mixtral-8x7b-instruct');
    expect(who('cloudflare-workers-ai', '@cf/mistral/mistral-7b-instruct-v0.1').modelId).toBe('mistralai/mistral-7b-instruct-v0.1');
    expect(who('anthropic', 'claude-3-5-sonnet-20240620').modelId).toBe('anthropic/claude-3.5-sonnet-20240620');
    expect(who('amazon-bedrock', 'anthropic.claude-3-5-sonnet-20240620-v1:0').modelId).toBe('anthropic/claude-3.5-sonnet-20240620');
    expect(who('togetherai', 'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo').modelId).toBe('meta-llama/llama-3.1-8b-instruct');
    expect(who('synthetic', 'hf:meta-llama/Llama-3.1-8B-Instruct').modelId).toBe('meta-llama/llama-3.1-8b-instruct');
    expect(who('cloudflare-workers-ai', '@cf/meta/llama-3.1-8b-instruct-fp8').modelId).toBe('meta-llama/llama-3.1-8b-instruct');
  });

  it('prefers the model spelled exactly so over one a looser rule reaches', () => {
    // "mistral-7b-instruct-v0.1" would reach "mistral-7b-instruct" by dropping -v0.1; its own model is closer.
    expect(who('ovhcloud', 'Mistral-7B-Instruct-v0.1').modelId).toBe('mistralai/mistral-7b-instruct-v0.1');
    expect(who('perplexity', 'mistral-7b-instruct').modelId).toBe('mistralai/mistral-7b-instruct');
  });

  it('never matches across authors, base and instruct, sizes or variants', () => {
    expect(who('snowflake', 'mixtral-8x7b').modelId).toBeNull();
    expect(who('fireworks-ai', 'accounts/fireworks/models/mixtral-8x22b-instruct').modelId).toBe('mistralai/mixtral-8x22b-instruct');
    expect(who('somehost', 'otherlab/mixtral-8x7b-instruct').modelId).toBeNull();
    expect(who('somehost', 'mistral-7b-instruct:free').modelId).toBeNull();
  });

  it('matches Artificial Analysis slugs under their creator', () => {
    const aa = identify(entry('artificial-analysis', 'mixtral-8x7b-instruct', { keys: { aaSlug: 'mixtral-8x7b-instruct', aaCreator: 'mistral' } }), 'artificial-analysis', index);
    expect(aa.modelId).toBe('mistralai/mixtral-8x7b-instruct');
    const wrongCreator = identify(entry('artificial-analysis', 'mixtral-8x7b-instruct', { keys: { aaSlug: 'mixtral-8x7b-instruct', aaCreator: 'meta' } }), 'artificial-analysis', index);
    expect(wrongCreator.modelId).toBeNull();
  });
});

describe('identity by curated alias', () => {
  it('uses an alias with its reason when neither key nor rule decides', () => {
    expect(who('mistral', 'open-mixtral-8x7b')).toEqual({ modelId: 'mistralai/mixtral-8x7b-instruct', match: { by: 'alias', detail: "Mistral's API id for Mixtral 8x7B Instruct (docs.mistral.ai)" } });
    expect(who('groq', 'open-mixtral-8x7b').modelId).toBeNull();
  });

  it('refuses an alias without a reason', () => {
    expect(CuratedAliasesFile.safeParse({ aliases: [{ provider: 'x', providerModelId: 'y', model: 'z', reason: '' }] }).success).toBe(false);
  });
});

describe('models of their own', () => {
  it('groups one name across sellers under the id of the seller that listed it first', () => {
    const early = listing('models.dev', '2026-01-30', [entry('cortecs', 'new-model-70b-instruct')]);
    const late = listing('litellm', '2026-08-01', [entry('deepinfra', 'someone/New-Model-70B-Instruct'), entry('deepinfra', 'new-model-8b')]);
    const unmatched = [...early.entries.map((e) => ({ listing: early, entry: e, providerId: 'cortecs' })), ...late.entries.map((e) => ({ listing: late, entry: e, providerId: 'deepinfra' }))];
    const groups = groupOwnModels(unmatched);
    expect([...groups.keys()].sort()).toEqual(['@cortecs/new-model-70b-instruct', '@deepinfra/new-model-8b']);
    expect(groups.get('@cortecs/new-model-70b-instruct')!.map((u) => u.entry.providerModelId)).toEqual(['new-model-70b-instruct', 'someone/New-Model-70B-Instruct']);
  });

  it('gives ids whose URL no OpenRouter id can take', () => {
    const own = ownModelId('mistral', 'open-mixtral-8x7b');
    expect(own.startsWith('@')).toBe(true);
    expect(toSlug(own)).toBe('@mistral/open-mixtral-8x7b');
    for (const model of MODELS) expect(toSlug(model.id).startsWith('@')).toBe(false);
  });
});

describe('provider identity', () => {
  const naming = { modelsDevIds: new Set(['togetherai', 'fireworks-ai', 'amazon-bedrock', 'deepinfra', 'mistral', 'google', 'google-vertex', 'novita-ai']), openRouterSlugByName: new Map([['Together', 'together'], ['Amazon Bedrock', 'amazon-bedrock']]) };
  it('maps every source’s name for a seller to the models.dev id', () => {
    expect(catalogProviderId('openrouter-endpoints', 'Together', naming)).toBe('togetherai');
    expect(catalogProviderId('openrouter-endpoints', 'together', naming)).toBe('togetherai');
    expect(catalogProviderId('openrouter-endpoints', 'Amazon Bedrock', naming)).toBe('amazon-bedrock');
    expect(catalogProviderId('openrouter-endpoints', 'Google AI Studio', naming)).toBe('google');
    expect(catalogProviderId('openrouter-endpoints', 'Google', naming)).toBe('google-vertex');
    expect(catalogProviderId('litellm', 'together_ai', naming)).toBe('togetherai');
    expect(catalogProviderId('litellm', 'bedrock_converse', naming)).toBe('amazon-bedrock');
    expect(catalogProviderId('litellm', 'deepinfra', naming)).toBe('deepinfra');
    expect(catalogProviderId('genai-prices', 'aws', naming)).toBe('amazon-bedrock');
    expect(catalogProviderId('genai-prices', 'fireworks', naming)).toBe('fireworks-ai');
    expect(catalogProviderId('models.dev', 'mistral', naming)).toBe('mistral');
  });

  it('keeps a seller models.dev does not know under a slug of its own name', () => {
    expect(catalogProviderId('openrouter-endpoints', 'SambaNova', naming)).toBe('sambanova');
    expect(catalogProviderId('genai-prices', 'huggingface_novita', naming)).toBe('huggingface-novita');
  });
});
