/**
 * Where a model can be called: OpenRouter and each provider whose OpenAI-compatible API the data
 * states, from the site fixture's offers (test/fixtures/site-data/offers.json). The card prints its
 * samples with endpointSampleRequest(); the sample for Mistral's own API runs against the local
 * server with only the base URL swapped.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Catalog, OfferCatalog } from '../../src/lib/data/schema.ts';
import { sampleCode } from '../../src/lib/card/sample-code.ts';
import { createApiKeyStore, keyStorageName, type KeyValueStorage } from '../../src/lib/browser/api-key-store.ts';
import { apiKeyEnvOf, endpointAt, endpointSampleRequest, trialEndpoints, usableBaseUrl } from '../../src/lib/trial/endpoints.ts';
import { withSampleRunEnvironment } from '../support/openai-test-server.ts';

const fixture = (file: string) => JSON.parse(readFileSync(new URL(`../fixtures/site-data/${file}`, import.meta.url), 'utf8')) as unknown;
const catalog = Catalog.parse(fixture('models.json'));
const offerCatalog = OfferCatalog.parse(fixture('offers.json'));
const providers = new Map(offerCatalog.providers.map((p) => [p.id, p]));
const offersOf = (id: string) => offerCatalog.offers.filter((o) => o.modelId === id);
const mixtral = catalog.models.find((m) => m.id === 'mistralai/mixtral-8x7b-instruct');
if (!mixtral) throw new Error('the fixture has no Mixtral 8x7B Instruct');
const endpoints = trialEndpoints(mixtral, offersOf(mixtral.id), (id) => providers.get(id));

describe('trial endpoints', () => {
  it('offers OpenRouter first, then each provider with a stated OpenAI-compatible API and its own model id', () => {
    // From the fixture: Mistral, Nvidia and Deep Infra state an `api`; Amazon Bedrock states none.
    expect(endpoints.map((e) => [e.providerName, e.baseUrl, e.modelId, e.apiKeyEnv])).toEqual([
      ['OpenRouter', 'https://openrouter.ai/api/v1', 'mistralai/mixtral-8x7b-instruct', 'OPENROUTER_API_KEY'],
      ['Deep Infra', 'https://api.deepinfra.com/v1/openai', 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'DEEPINFRA_API_KEY'],
      ['Mistral', 'https://api.mistral.ai/v1', 'open-mixtral-8x7b', 'MISTRAL_API_KEY'],
      ['Nvidia', 'https://integrate.api.nvidia.com/v1', 'mistralai/mixtral-8x7b-instruct', 'NVIDIA_API_KEY'],
    ]);
    // Mistral's own price, $0.70/$0.70 per M, as the fixture states it.
    expect(endpoints.find((e) => e.providerId === 'mistral')?.pricing.perMillionTokens).toMatchObject({ input: '0.7', output: '0.7' });
  });

  it('leaves out a provider whose stated base URL is not a plain https URL', () => {
    expect(usableBaseUrl('javascript:alert(4)')).toBeNull();
    expect(usableBaseUrl('http://api.example/v1')).toBeNull();
    expect(usableBaseUrl('https://user:pw@api.example/v1')).toBeNull();
    expect(usableBaseUrl('https://api.example/v1/')).toBe('https://api.example/v1');
    const hostile = catalog.models.find((m) => m.id === 'fixture/hostile-description');
    if (!hostile) throw new Error('the fixture has no hostile model');
    expect(trialEndpoints(hostile, offersOf(hostile.id), (id) => providers.get(id)).map((e) => e.providerId)).toEqual(['openrouter']);
  });

  it('names key variables that every language accepts, and finds the endpoint of a base URL', () => {
    expect(apiKeyEnvOf('amazon-bedrock')).toBe('AMAZON_BEDROCK_API_KEY');
    expect(apiKeyEnvOf('01-ai')).toBe('P01_AI_API_KEY');
    expect(endpointAt(endpoints, 'https://api.mistral.ai/v1/')?.providerId).toBe('mistral');
    expect(endpointAt(endpoints, 'http://localhost:11434/v1')).toBeNull();
  });
});

describe('one key per API origin', () => {
  class MemoryStorage implements KeyValueStorage {
    readonly map = new Map<string, string>();
    getItem = (k: string) => this.map.get(k) ?? null;
    setItem = (k: string, v: string) => void this.map.set(k, v);
    removeItem = (k: string) => void this.map.delete(k);
  }

  it('keeps an OpenRouter key away from another provider, and finds it again when switching back', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    const store = (baseUrl: string) => createApiKeyStore(() => session, () => local, keyStorageName(baseUrl));
    store('https://openrouter.ai/api/v1').save('sk-or-secret', false);
    expect(store('https://api.mistral.ai/v1').load()).toEqual({ key: '', remembered: false });
    store('https://api.mistral.ai/v1').save('mistral-secret', false);
    expect(store('https://openrouter.ai/api/v1/').load().key).toBe('sk-or-secret');
    expect(store('https://api.mistral.ai/v1').load().key).toBe('mistral-secret');
    // OpenRouter's key keeps the name it always had, so keys stored before stay found.
    expect(keyStorageName('https://openrouter.ai/api/v1')).toBe('model-atlas.trial.api-key');
  });
});

describe('the card sample for Mistral runs against an OpenAI-compatible server', () => {
  const KEY = 'mistral-sample-key-9';
  const env = withSampleRunEnvironment('endpoint-sample-');

  const run = promisify(execFile);
  const mistral = endpoints.find((e) => e.providerId === 'mistral');
  if (!mistral) throw new Error('no Mistral endpoint');

  for (const [kind, file, command] of [
    ['openai-ts', 'sample.ts', process.execPath],
    ['fetch', 'sample.mjs', process.execPath],
    ['curl', 'sample.sh', 'sh'],
  ] as const) {
    it(`${kind}: sends Mistral's model id with the key from MISTRAL_API_KEY`, async () => {
      const code = sampleCode(kind, endpointSampleRequest(mistral));
      expect(code).toContain('https://api.mistral.ai/v1');
      expect(code).not.toMatch(/OPENROUTER|HTTP-Referer|X-Title/);
      const target = path.join(env.dir, file);
      writeFileSync(target, code.replaceAll('https://api.mistral.ai/v1', env.server.baseUrl));
      const before = env.server.requests.length;
      const { stdout } = await run(command, [target], { env: { ...process.env, MISTRAL_API_KEY: KEY }, encoding: 'utf8', timeout: 30_000 });
      expect(stdout).toContain('Hello from the **test server**.');
      expect(env.server.requests[before]?.authorization).toBe(`Bearer ${KEY}`);
      expect(env.server.requests[before]?.body).toMatchObject({ model: 'open-mixtral-8x7b' });
    });
  }
});
