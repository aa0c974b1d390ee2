/**
 * Where a model can be called with the OpenAI chat API: OpenRouter, and every provider whose offer
 * is listed and whose OpenAI-compatible base URL the data states (models.dev `api`). The sample code
 * and the live trial offer these, each with the provider's own model id and prices.
 */
import type { Model, Offer, Pricing, Provider } from '../data/schema.ts';
import { DEFAULT_BASE_URL, type SampleRequest } from '../card/sample-code.ts';

export interface TrialEndpoint {
  providerId: string;
  providerName: string;
  /** OpenAI-compatible base URL, without a trailing slash. */
  baseUrl: string;
  /** The id this provider's API expects ("open-mixtral-8x7b" at Mistral). */
  modelId: string;
  /** What a call costs there: the offer's prices (OpenRouter's: the model's). */
  pricing: Pricing;
  /** The environment variable the samples read the key from ("MISTRAL_API_KEY"). */
  apiKeyEnv: string;
}

export const OPENROUTER_PROVIDER_ID = 'openrouter';

/** "deep-infra" → "DEEP_INFRA_API_KEY": the usual name of a provider's key variable. */
export function apiKeyEnvOf(providerId: string): string {
  const name = providerId.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  // A variable name may not start with a digit in sh, JavaScript or Python.
  return `${/^[0-9]/.test(name) ? `P${name}` : name}_API_KEY`;
}

/**
 * A stated base URL the browser and the samples may call, or null: https only (a key must not
 * travel in clear), no credentials or query in it. Upstream text is untrusted.
 */
export function usableBaseUrl(stated: string | null): string | null {
  if (stated === null) return null;
  let url: URL;
  try {
    url = new URL(stated.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return null;
  return url.href.replace(/\/+$/, '');
}

/** OpenRouter first (the default), then each other provider by name. */
export function trialEndpoints(model: Pick<Model, 'id' | 'pricing'>, offers: readonly Offer[], providerById: (id: string) => Provider | undefined): TrialEndpoint[] {
  const openRouter: TrialEndpoint = {
    providerId: OPENROUTER_PROVIDER_ID,
    providerName: 'OpenRouter',
    baseUrl: DEFAULT_BASE_URL,
    modelId: model.id,
    pricing: model.pricing,
    apiKeyEnv: apiKeyEnvOf(OPENROUTER_PROVIDER_ID),
  };
  const others: TrialEndpoint[] = [];
  for (const offer of offers) {
    if (!offer.listed || offer.providerId === OPENROUTER_PROVIDER_ID) continue;
    const provider = providerById(offer.providerId);
    const baseUrl = usableBaseUrl(provider?.apiBaseUrl ?? null);
    if (!provider || baseUrl === null) continue;
    others.push({
      providerId: provider.id,
      providerName: provider.name,
      baseUrl,
      modelId: offer.providerModelId,
      pricing: offer.pricing,
      apiKeyEnv: apiKeyEnvOf(provider.id),
    });
  }
  others.sort((a, b) => a.providerName.localeCompare(b.providerName) || a.modelId.localeCompare(b.modelId));
  return [openRouter, ...others];
}

/** The prompt of the card's sample code. */
export const CARD_SAMPLE_PROMPT = 'Explain the difference between a process and a thread in two sentences.';

/** The card's sample request at one endpoint; the attribution headers are OpenRouter's alone. */
export function endpointSampleRequest(endpoint: TrialEndpoint): SampleRequest {
  const openRouter = endpoint.providerId === OPENROUTER_PROVIDER_ID;
  return {
    model: endpoint.modelId,
    messages: [{ role: 'user', content: CARD_SAMPLE_PROMPT }],
    baseUrl: endpoint.baseUrl,
    apiKeyEnv: endpoint.apiKeyEnv,
    referer: openRouter ? 'https://your-app.example' : null,
    title: openRouter ? 'Your app name' : null,
  };
}

/** The endpoint whose base URL is `baseUrl` (trailing slashes aside), or null for another server. */
export function endpointAt(endpoints: readonly TrialEndpoint[], baseUrl: string): TrialEndpoint | null {
  const wanted = baseUrl.trim().replace(/\/+$/, '');
  return endpoints.find((e) => e.baseUrl === wanted) ?? null;
}
