/**
 * How pages name the upstream sources that state offers and figures, and where a reader can check
 * them. One table, so a card, a provider page and /about/ call a source by the same name.
 */
import type { SourceName } from '../data/schema.ts';

export const SOURCE_INFO: Readonly<Record<SourceName, { label: string; url: string; usedFor: string }>> = {
  openrouter: {
    label: 'OpenRouter',
    url: 'https://openrouter.ai/models',
    usedFor: 'model ids, names, descriptions, context, modalities, supported parameters and OpenRouter\'s own price; its dated snapshots give the price history and retirement dates',
  },
  'openrouter-endpoints': {
    label: 'OpenRouter endpoints',
    url: 'https://openrouter.ai/docs/api-reference/list-endpoints-for-a-model',
    usedFor: 'the providers OpenRouter routes each model to, with their prices, quantization, limits and uptime',
  },
  'models.dev': { label: 'models.dev', url: 'https://models.dev', usedFor: 'offers of first-party APIs and hosts, with prices, limits, knowledge cutoff, and each provider\'s API base URL and docs' },
  litellm: { label: 'LiteLLM', url: 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json', usedFor: 'offers and prices per provider from LiteLLM\'s price table' },
  'genai-prices': { label: 'genai-prices', url: 'https://github.com/pydantic/genai-prices', usedFor: 'offers and prices per provider from Pydantic\'s price data, compared with the other sources' },
  'artificial-analysis': { label: 'Artificial Analysis', url: 'https://artificialanalysis.ai', usedFor: 'intelligence, coding and math indices, output speed and time to first token' },
};

export function sourceLabel(source: SourceName): string {
  return SOURCE_INFO[source].label;
}
