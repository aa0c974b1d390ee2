/** The one model search: ranking rules on hand-made models, and the three reported queries on the real data. */
import { describe, expect, it } from 'vitest';
import { compileQuery, fuzzyMatch, searchKey, searchModels, strictMatch, type SearchFields } from '../../src/lib/search/model-search.ts';
import { loadCatalog } from '../../src/lib/data-files/catalog.ts';

const m = (id: string, displayName: string, created: string, listed = true): SearchFields => ({ id, displayName, created, listed });
const ids = (models: readonly SearchFields[]) => models.map((x) => x.id);

describe('searchModels ranking', () => {
  // The reported cases, rebuilt by hand from the models' real ids and names.
  const models = [
    m('aion-labs/aion-rp-llama-3.1-8b', 'AionLabs: Aion-RP 1.0 (8B)', '2025-02-04'),
    m('meta-llama/llama-3.1-8b-instruct', 'Meta: Llama 3.1 8B Instruct', '2024-07-23'),
    m('meta-llama/llama-3.1-8b-instruct:free', 'Meta: Llama 3.1 8B Instruct (free)', '2024-07-23'),
    m('nousresearch/nous-hermes-2-mixtral-8x7b-dpo', 'Nous: Hermes 2 Mixtral 8x7B DPO', '2024-01-16', false),
    m('mistralai/mixtral-8x7b-instruct', 'Mistral: Mixtral 8x7B Instruct', '2023-12-10', false),
    m('mistralai/mixtral-8x22b-instruct', 'Mistral: Mixtral 8x22B Instruct', '2024-04-17'),
    m('mistralai/mistral-7b-instruct', 'Mistral: Mistral 7B Instruct', '2024-05-27'),
    m('anthropic/claude-3.5-sonnet', 'Anthropic: Claude 3.5 Sonnet', '2024-10-22', false),
    m('anthropic/claude-sonnet-4.5', 'Anthropic: Claude Sonnet 4.5', '2025-09-29'),
    m('~anthropic/claude-sonnet-latest', 'Anthropic Claude Sonnet Latest', '2026-04-27'),
    m('openai/gpt-5.4-image-2', 'OpenAI: GPT-5.4 Image 2', '2026-03-01'),
    m('openai/gpt-4o', 'OpenAI: GPT-4o', '2024-05-13'),
  ];

  it('puts the words in a row at the start of the name above a newer model that has them later ("llama 3.1 8b")', () => {
    expect(ids(searchModels(models, 'llama 3.1 8b'))).toEqual([
      'meta-llama/llama-3.1-8b-instruct',
      'meta-llama/llama-3.1-8b-instruct:free',
      'aion-labs/aion-rp-llama-3.1-8b',
    ]);
  });

  it('prefers the model named by the words over a fine-tune that contains them, even a listed one ("mixtral 8x7b")', () => {
    expect(ids(searchModels(models, 'mixtral 8x7b'))).toEqual(['mistralai/mixtral-8x7b-instruct', 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo']);
  });

  it('finds words in any order ("claude sonnet" finds Claude 3.5 Sonnet), words in a row and plain ids first', () => {
    expect(ids(searchModels(models, 'claude sonnet'))).toEqual([
      'anthropic/claude-sonnet-4.5',
      '~anthropic/claude-sonnet-latest',
      'anthropic/claude-3.5-sonnet',
    ]);
  });

  it('ranks an exact id first, then listed models before retired ones, and leaves excluded ids out', () => {
    expect(searchModels(models, 'Mistralai/Mixtral-8x7b-Instruct')[0]!.id).toBe('mistralai/mixtral-8x7b-instruct');
    expect(ids(searchModels(models, 'mixtral'))).toEqual([
      'mistralai/mixtral-8x22b-instruct',
      'mistralai/mixtral-8x7b-instruct',
      'nousresearch/nous-hermes-2-mixtral-8x7b-dpo',
    ]);
    expect(ids(searchModels(models, 'mixtral', { exclude: new Set(['mistralai/mixtral-8x22b-instruct']), limit: 1 }))).toEqual(['mistralai/mixtral-8x7b-instruct']);
  });

  it('ranks "gpt 4" (GPT-4o) above scattered words (GPT-5.4 … 4)', () => {
    expect(ids(searchModels(models, 'gpt 4'))).toEqual(['openai/gpt-4o', 'openai/gpt-5.4-image-2']);
  });

  it("puts catalog models before one provider's own listing, even one named exactly as typed", () => {
    const withListing = [...models, m('@fireworks-ai/accounts/fireworks/models/mixtral-8x7b', 'Mixtral 8x7B', '2025-12-28')];
    expect(ids(searchModels(withListing, 'mixtral 8x7b'))).toEqual([
      'mistralai/mixtral-8x7b-instruct',
      'nousresearch/nous-hermes-2-mixtral-8x7b-dpo',
      '@fireworks-ai/accounts/fireworks/models/mixtral-8x7b',
    ]);
  });

  it('falls back to typo-tolerant matching only when no model has every word', () => {
    expect(ids(searchModels(models, 'mixtrl 8x7b'))).toEqual(['mistralai/mixtral-8x7b-instruct', 'nousresearch/nous-hermes-2-mixtral-8x7b-dpo']);
    // "mixtral" is one letter from "mistral", but exact words win: no Mistral 7B in the results.
    expect(ids(searchModels(models, 'mixtral'))).not.toContain('mistralai/mistral-7b-instruct');
    expect(searchModels(models, 'qwen')).toEqual([]);
    expect(searchModels(models, '   ')).toEqual([]);
  });

  it('allows no typo in short words, one from four letters and two from eight', () => {
    const key = searchKey(m('x/abcdefgh-abcd', 'X: Abcdefgh abcd', '2024-01-01'));
    expect(fuzzyMatch(key, compileQuery('abxdefxh'))).not.toBeNull();
    expect(fuzzyMatch(key, compileQuery('abxd'))).not.toBeNull();
    expect(fuzzyMatch(key, compileQuery('axxd'))).toBeNull();
    expect(fuzzyMatch(key, compileQuery('abx'))).toBeNull();
    expect(strictMatch(key, compileQuery('abx'))).toBeNull();
  });
});

describe('searchModels on the real catalog', () => {
  // The models are found by their names, so the test survives refreshes that renumber or re-id them.
  const models = loadCatalog().models;
  const named = (name: string) => models.filter((x) => x.modelName === name && x.variant === null && !x.id.startsWith('@'));

  it.each([
    ['llama 3.1 8b', 'Llama 3.1 8B Instruct'],
    ['mixtral 8x7b', 'Mixtral 8x7B Instruct'],
  ])('ranks the model called what "%s" says first', (query, name) => {
    const expected = named(name);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.map((x) => x.id)).toContain(searchModels(models, query)[0]!.id);
  });

  it('ranks a Claude Sonnet first for "claude sonnet" and still finds Claude 3.5 Sonnet', () => {
    const results = searchModels(models, 'claude sonnet', { limit: 1000 });
    expect(results[0]!.displayName).toMatch(/Claude Sonnet/);
    expect(results[0]!.id.startsWith('@')).toBe(false);
    expect(results.map((x) => x.modelName)).toContain('Claude 3.5 Sonnet');
  });
});
