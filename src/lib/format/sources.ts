/**
 * How pages name the upstream sources that state offers and figures, and where a reader can check
 * them. One table, so a card, a provider page and /about/ call a source by the same name.
 */
import type { SourceName } from '../data/schema.ts';

export const SOURCE_INFO: Readonly<Record<SourceName, { label: string; url: string }>> = {
  openrouter: { label: 'OpenRouter', url: 'https://openrouter.ai/models' },
  'openrouter-endpoints': { label: 'OpenRouter endpoints', url: 'https://openrouter.ai/docs/api-reference/list-endpoints-for-a-model' },
  'models.dev': { label: 'models.dev', url: 'https://models.dev' },
  litellm: { label: 'LiteLLM', url: 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json' },
  'genai-prices': { label: 'genai-prices', url: 'https://github.com/pydantic/genai-prices' },
  'artificial-analysis': { label: 'Artificial Analysis', url: 'https://artificialanalysis.ai' },
};

export function sourceLabel(source: SourceName): string {
  return SOURCE_INFO[source].label;
}
