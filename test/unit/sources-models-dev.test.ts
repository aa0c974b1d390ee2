import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readModelsDevFile } from '../../src/lib/data/sources/models-dev.ts';
import { UnusableInputError } from '../../src/lib/data/sources/source-file.ts';

// Trimmed from data/raw/models-dev/models-dev-api-2026-08-22.json.gz (see the fixtures README).
const fixture = () => JSON.parse(readFileSync('test/fixtures/upstream/readers/models-dev-api-2026-08-22.json', 'utf8'));
const read = (body: unknown) => readModelsDevFile('models-dev/m-2026-08-22.json', '2026-08-22', body);

function withModel(model: Record<string, unknown>) {
  return { acme: { id: 'acme', name: 'Acme', models: { m: { id: 'm', name: 'M', limit: { context: 1000, output: 100 }, cost: { input: 1, output: 2 }, ...model } } } };
}

describe('models.dev reader', () => {
  it('lists every provider, with the stated keys, limits and dates (seed: mistral/open-mixtral-8x7b)', () => {
    const listing = read(fixture());
    expect(listing.completeFor).toEqual(['302ai', 'mistral', 'openrouter']);
    expect(listing.providers.find((p) => p.id === 'mistral')).toEqual({ id: 'mistral', name: 'Mistral', apiBaseUrl: null, docUrl: 'https://docs.mistral.ai/getting-started/models/' });
    const mixtral = listing.entries.find((e) => e.key === 'mistral/open-mixtral-8x7b')!;
    expect(mixtral).toMatchObject({
      providerId: 'mistral',
      providerModelId: 'open-mixtral-8x7b',
      keys: { family: 'mixtral' },
      name: 'Mixtral 8x7B',
      contextLength: 32000,
      maxOutputTokens: 32000,
      releaseDate: '2023-12-11',
      knowledgeCutoff: '2024-01',
      openWeights: true,
      viaOpenRouter: false,
    });
    expect(mixtral.pricing!.perMillionTokens).toEqual({ input: '0.7', output: '0.7' });
    expect(listing.entries.find((e) => e.key === 'openrouter/mistralai/mistral-nemo')!.keys.openRouterId).toBe('mistralai/mistral-nemo');
  });

  it('reads tiers from their stated size, preferring `tiers` over the deprecated context_over_200k', () => {
    const listing = read(fixture());
    const gpt = listing.entries.find((e) => e.key === '302ai/gpt-5.4')!;
    // context_over_200k says 200k, tiers says 272,000: the explicit size wins.
    expect(gpt.pricing!.tiers).toEqual([{ minPromptTokens: 272000, perMillionTokens: { input: '5', output: '22.5' } }]);
    const legacyOnly = read(withModel({ cost: { input: 5, output: 25, context_over_200k: { input: 10, output: 37.5 } } })).entries[0]!;
    expect(legacyOnly.pricing!.tiers).toEqual([{ minPromptTokens: 200000, perMillionTokens: { input: '10', output: '37.5' } }]);
  });

  it('keeps a stated zero cache price on a paid model (issue 12 #7)', () => {
    const gpt = read(fixture()).entries.find((e) => e.key === '302ai/gpt-5.4')!;
    expect(gpt.pricing!.perMillionTokens).toEqual({ input: '2.5', output: '15', cacheRead: '0.25', cacheWrite: '0' });
    const zeroRead = read(withModel({ cost: { input: 3, output: 15, cache_read: 0, reasoning: 0 } })).entries[0]!;
    expect(zeroRead.pricing!.perMillionTokens).toEqual({ input: '3', output: '15', cacheRead: '0' });
  });

  it('lists an entry without a cost with no price, and keeps unknown cost keys verbatim', () => {
    const unpriced = read(withModel({ cost: undefined })).entries[0]!;
    expect(unpriced.pricing).toBeNull();
    const odd = read(withModel({ cost: { input: 1, output: 2, input_video: 0.5 } })).entries[0]!;
    expect(odd.pricing!.unknown).toEqual({ 'cost.input_video': '0.5' });
  });

  it('bounds numbers and dates at the edge: release_date "2025", tier size 2^53−1 (issue 12 #9)', () => {
    const listing = read({
      acme: {
        name: 'Acme',
        models: {
          year: { id: 'year', name: 'Y', release_date: '2025', limit: { context: 1000, output: 10 } },
          month: { id: 'month', name: 'M', release_date: '2025-02', limit: { context: 1000, output: 10 } },
          impossible: { id: 'impossible', name: 'I', release_date: '2025-25-11', limit: { context: 1000, output: 10 } },
          size: { id: 'size', name: 'S', limit: { context: 1000, output: 10 }, cost: { input: 1, output: 1, tiers: [{ input: 2, tier: { size: 2 ** 53 - 1, type: 'context' } }] } },
          context: { id: 'context', name: 'C', limit: { context: 1e300, output: 10 } },
          price: { id: 'price', name: 'P', limit: { context: 1000, output: 10 }, cost: { input: 1e300, output: 1 } },
          negative: { id: 'negative', name: 'N', limit: { context: 1000, output: 10 }, cost: { input: -1, output: 1 } },
          path: { id: 'path', name: 'P', limit: { context: 1000, output: 10 } },
        },
      },
    });
    expect(listing.entries.map((e) => [e.key, e.releaseDate])).toEqual([
      ['acme/month', '2025-02-01'],
      ['acme/path', null],
    ]);
    expect(listing.rejected.map((r) => `${r.index} ${r.id} ${r.field}`)).toEqual([
      '0 acme/year release_date',
      '2 acme/impossible release_date',
      '3 acme/size cost.tiers[0].tier.size',
      '4 acme/context limit.context',
      '5 acme/price cost.input',
      '6 acme/negative cost.input',
    ]);
    expect(listing.rejected[0]!.message).toBe('is not a YYYY-MM or YYYY-MM-DD date');
    const dotted = read({ acme: { name: 'A', models: { '..': { id: '..', name: 'D', limit: { context: 1, output: 1 } } } } });
    expect(dotted.rejected[0]).toMatchObject({ id: 'acme/..', field: 'id' });
  });

  it('reads the real newest catalog: 193 providers and 7,250 entries, nothing rejected', () => {
    const body = JSON.parse(gunzipSync(readFileSync('data/raw/models-dev/models-dev-api-2026-08-22.json.gz')).toString('utf8'));
    const listing = readModelsDevFile('models-dev/models-dev-api-2026-08-22.json.gz', '2026-08-22', body);
    expect(listing.completeFor).toHaveLength(193);
    expect(listing.entries).toHaveLength(7250);
    expect(listing.rejected).toEqual([]);
    expect(listing.entries.find((e) => e.key === 'mistral/open-mistral-7b')!.pricing!.perMillionTokens).toEqual({ input: '0.25', output: '0.25' });
  });

  it('refuses a file that is not a provider map, naming the file', () => {
    expect(() => read([])).toThrow(UnusableInputError);
    expect(() => read([])).toThrow('models-dev/m-2026-08-22.json: expected models.dev\'s {"<provider>": {"models": {...}}}, got an array');
    expect(() => read({ acme: { name: 'A' } })).toThrow(/provider acme: acme\.models/);
  });
});
