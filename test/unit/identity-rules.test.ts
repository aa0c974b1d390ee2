/** Name rules, on spellings taken from the recordings (LiteLLM, models.dev, genai-prices, Bedrock). */
import { describe, expect, it } from 'vitest';
import {
  authorKey,
  bedrockVendorOf,
  canonicalName,
  colonVersionToDot,
  compactDate,
  dashVersionToDot,
  dropAuthor,
  dropBedrockApiVersion,
  dropBedrockVendor,
  dropFirstInstructVersion,
  dropHostingPath,
  dropInstructServingTier,
  dropMetaPrefix,
  dropQuantization,
  dropRegion,
  fireworksVersion,
  joinNameAndVersion,
} from '../../src/lib/data/identity-rules.ts';

describe('name rules, one at a time', () => {
  it('drops Bedrock regions and inference profiles, and nothing else', () => {
    expect(dropRegion('us-east-1/mistral.mixtral-8x7b-instruct-v0:1')).toBe('mistral.mixtral-8x7b-instruct-v0:1');
    expect(dropRegion('eu-west-3/mistral.mistral-7b-instruct-v0:2')).toBe('mistral.mistral-7b-instruct-v0:2');
    expect(dropRegion('us.anthropic.claude-3-5-sonnet-20240620-v1:0')).toBe('anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(dropRegion('mistralai/Mixtral-8x7B-Instruct-v0.1')).toBeNull();
  });

  it('drops host paths', () => {
    expect(dropHostingPath('accounts/fireworks/models/mixtral-8x7b-instruct')).toBe('mixtral-8x7b-instruct');
    expect(dropHostingPath('@cf/mistral/mistral-7b-instruct-v0.1')).toBe('mistral-7b-instruct-v0.1');
    expect(dropHostingPath('mistral-7b-instruct')).toBeNull();
  });

  it('drops quantization and serving-tier suffixes, but never a speed word that names a model', () => {
    expect(dropQuantization('llama-3.3-70b-instruct-fp8-fast')).toBe('llama-3.3-70b-instruct');
    expect(dropQuantization('llama-3.1-8b-instruct-awq')).toBe('llama-3.1-8b-instruct');
    expect(dropQuantization('llama-3.1-8b-instruct-maas')).toBe('llama-3.1-8b-instruct');
    expect(dropQuantization('mixtral-8x7b-instruct-hf')).toBe('mixtral-8x7b-instruct');
    expect(dropQuantization('grok-4-fast')).toBeNull();
    expect(dropInstructServingTier('Meta-Llama-3.1-8B-Instruct-Turbo')).toBe('Meta-Llama-3.1-8B-Instruct');
    expect(dropInstructServingTier('Llama-3.3-70B-Instruct-Turbo-Free')).toBe('Llama-3.3-70B-Instruct');
    expect(dropInstructServingTier('gpt-4-turbo')).toBeNull();
    expect(dropMetaPrefix('Meta-Llama-3.1-8B-Instruct')).toBe('Llama-3.1-8B-Instruct');
    expect(dropHostingPath('hf:meta-llama/Llama-3.1-8B-Instruct')).toBe('meta-llama/Llama-3.1-8B-Instruct');
  });

  it('drops the author, keeping the last path segment', () => {
    expect(dropAuthor('mistralai/Mixtral-8x7B-Instruct-v0.1')).toBe('Mixtral-8x7B-Instruct-v0.1');
    expect(dropAuthor('open-mixtral-8x7b')).toBeNull();
  });

  it('reads Bedrock spellings: vendor, API version and v0:1', () => {
    expect(dropBedrockVendor('mistral.mixtral-8x7b-instruct-v0:1')).toBe('mixtral-8x7b-instruct-v0:1');
    expect(dropBedrockVendor('gpt-4.1')).toBeNull();
    expect(bedrockVendorOf('us-east-1/mistral.mistral-7b-instruct-v0:2')).toBe('mistral');
    expect(bedrockVendorOf('gpt-4.1')).toBeNull();
    expect(dropBedrockApiVersion('claude-3-haiku-20240307-v1:0')).toBe('claude-3-haiku-20240307');
    expect(dropBedrockApiVersion('mixtral-8x7b-instruct-v0:1')).toBeNull();
    expect(colonVersionToDot('mixtral-8x7b-instruct-v0:1')).toBe('mixtral-8x7b-instruct-v0.1');
  });

  it('writes versions one way, but never turns a size into a version', () => {
    expect(dashVersionToDot('claude-3-5-sonnet')).toBe('claude-3.5-sonnet');
    expect(dashVersionToDot('llama-3-1-8b-instruct')).toBe('llama-3.1-8b-instruct');
    expect(dashVersionToDot('gemma-3-4b-it')).toBeNull();
    expect(dashVersionToDot('gpt-4-0613')).toBeNull();
    expect(fireworksVersion('llama-v3p1-8b-instruct')).toBe('llama-3.1-8b-instruct');
    expect(fireworksVersion('qwen2p5-72b-instruct')).toBe('qwen2.5-72b-instruct');
    expect(fireworksVersion('mistral-7b-instruct-v0p2')).toBe('mistral-7b-instruct-v0.2');
    expect(fireworksVersion('llama-v3-70b-instruct')).toBe('llama-3-70b-instruct');
    expect(joinNameAndVersion('llama-3.1-8b')).toBe('llama3.1-8b');
    expect(compactDate('gpt-4o-2024-05-13')).toBe('gpt-4o-20240513');
  });

  it('drops only a final -instruct-v0.1', () => {
    expect(dropFirstInstructVersion('mixtral-8x7b-instruct-v0.1')).toBe('mixtral-8x7b-instruct');
    expect(dropFirstInstructVersion('mistral-7b-instruct-v0.2')).toBeNull();
    expect(dropFirstInstructVersion('mistral-7b-v0.1')).toBeNull();
  });
});

describe('canonicalName', () => {
  it('brings the Mixtral 8x7B Instruct spellings of every source together', () => {
    const spellings = ['mistralai/mixtral-8x7b-instruct', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistral.mixtral-8x7b-instruct-v0:1', 'us-east-1/mistral.mixtral-8x7b-instruct-v0:1', 'mixtral-8x7B-instruct-v0.1', 'accounts/fireworks/models/mixtral-8x7b-instruct'];
    expect(new Set(spellings.map(canonicalName))).toEqual(new Set([canonicalName('mixtral-8x7b-instruct')]));
  });

  it('keeps different models apart: base and instruct, sizes, versions', () => {
    const different = ['grok-4', 'grok-4-fast', 'gpt-4', 'gpt-4-turbo', 'mixtral-8x7b', 'mixtral-8x7b-instruct', 'mixtral-8x22b-instruct', 'mistral-7b-instruct-v0.2', 'mistral-7b-instruct-v0.3', 'gemma-3-4b-it', 'gemma-3-27b-it', 'claude-3.5-sonnet', 'claude-3.7-sonnet'];
    expect(new Set(different.map(canonicalName)).size).toBe(different.length);
  });
});

describe('authorKey', () => {
  it('reduces one maker spelled by several sources to one key', () => {
    expect(authorKey('mistralai')).toBe(authorKey('mistral'));
    expect(authorKey('deepseek-ai')).toBe(authorKey('deepseek'));
    expect(authorKey('meta-llama')).toBe(authorKey('meta'));
    expect(authorKey('z-ai')).toBe(authorKey('zai-org'));
    expect(authorKey('x-ai')).toBe(authorKey('xai'));
    expect(authorKey('mistralai')).not.toBe(authorKey('meta-llama'));
  });
});
