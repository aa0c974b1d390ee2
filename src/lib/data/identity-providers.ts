/**
 * Provider identity: every source names sellers its own way ("Together" on OpenRouter's endpoints,
 * "together_ai" in LiteLLM, "together" in genai-prices, "togetherai" on models.dev). The catalog uses
 * models.dev's provider ids, the widest public list; a seller models.dev does not know keeps a slug of
 * its own name.
 */
import type { SourceName } from './schema.ts';

/** OpenRouter provider slugs (GET /api/v1/providers) whose models.dev id is spelled differently. */
const OPENROUTER_SLUG_TO_MODELS_DEV: Readonly<Record<string, string>> = {
  'together': 'togetherai',
  'fireworks': 'fireworks-ai',
  'novita': 'novita-ai',
  'google-ai-studio': 'google',
  'z-ai': 'zai',
  'arcee-ai': 'arcee',
  'cloudflare': 'cloudflare-workers-ai',
  'stepfun': 'stepfun-ai',
  'sakana-ai': 'sakana',
  'wafer': 'wafer.ai',
  'nex-agi': 'nex-agi',
};

/** OpenRouter endpoint provider names that the providers file does not list (newer sellers). */
const OPENROUTER_NAME_TO_SLUG: Readonly<Record<string, string>> = {
  'Google': 'google-vertex',
  'Google AI Studio': 'google-ai-studio',
  'Together': 'together',
  'Fireworks': 'fireworks',
  'Sakana AI': 'sakana-ai',
  'Wafer': 'wafer',
  'Meta': 'meta',
  'Nvidia': 'nvidia',
  'Tencent': 'tencent',
};

/** LiteLLM `litellm_provider` values whose models.dev id differs (LiteLLM splits some APIs by route). */
const LITELLM_TO_MODELS_DEV: Readonly<Record<string, string>> = {
  'together_ai': 'togetherai',
  'fireworks_ai': 'fireworks-ai',
  'bedrock': 'amazon-bedrock',
  'bedrock_converse': 'amazon-bedrock',
  'gemini': 'google',
  'vertex_ai': 'google-vertex',
  'vertex_ai-language-models': 'google-vertex',
  'vertex_ai-anthropic_models': 'google-vertex-anthropic',
  'azure_ai': 'azure',
  'azure_text': 'azure',
  'text-completion-openai': 'openai',
  'cohere_chat': 'cohere',
  'novita': 'novita-ai',
  'cloudflare': 'cloudflare-workers-ai',
  'snowflake': 'snowflake-cortex',
  'dashscope': 'alibaba',
  'moonshot': 'moonshotai',
  'friendliai': 'friendli',
  'vercel_ai_gateway': 'vercel',
  'github_copilot': 'github-copilot',
  'gmi': 'gmicloud',
  'meta_llama': 'llama',
  'codestral': 'mistral',
  'text-completion-codestral': 'mistral',
};

/** genai-prices provider ids whose models.dev id differs. */
const GENAI_PRICES_TO_MODELS_DEV: Readonly<Record<string, string>> = {
  'aws': 'amazon-bedrock',
  'together': 'togetherai',
  'fireworks': 'fireworks-ai',
  'x-ai': 'xai',
  'novita': 'novita-ai',
};

/** "Amazon Bedrock" → "amazon-bedrock", "Z.AI" → "z-ai": the slug OpenRouter itself uses for most names. */
export function slugOfName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export interface ProviderNaming {
  /** models.dev provider ids known to the run (from its listings). */
  modelsDevIds: ReadonlySet<string>;
  /** OpenRouter provider display name → slug, from GET /api/v1/providers. */
  openRouterSlugByName: ReadonlyMap<string, string>;
}

/** The OpenRouter slug for an endpoint's provider name, from the providers file or the name itself. */
export function openRouterSlugOf(name: string, naming: ProviderNaming): string {
  return naming.openRouterSlugByName.get(name) ?? OPENROUTER_NAME_TO_SLUG[name] ?? slugOfName(name);
}

/** A source's own provider id → the catalog's provider id. */
export function catalogProviderId(source: SourceName, sourceProviderId: string, naming: ProviderNaming): string {
  const known = (id: string) => naming.modelsDevIds.has(id);
  switch (source) {
    case 'models.dev':
      return sourceProviderId;
    case 'openrouter':
      return 'openrouter';
    case 'openrouter-endpoints': {
      const slug = openRouterSlugOf(sourceProviderId, naming);
      return OPENROUTER_SLUG_TO_MODELS_DEV[slug] ?? slug;
    }
    case 'litellm': {
      if (Object.hasOwn(LITELLM_TO_MODELS_DEV, sourceProviderId)) return LITELLM_TO_MODELS_DEV[sourceProviderId]!;
      if (sourceProviderId.startsWith('vertex_ai-')) return 'google-vertex';
      return firstKnown([sourceProviderId, sourceProviderId.replace(/_/g, '-'), sourceProviderId.replace(/_ai$/, '-ai'), sourceProviderId.replace(/_ai$/, '')], known);
    }
    case 'genai-prices': {
      if (Object.hasOwn(GENAI_PRICES_TO_MODELS_DEV, sourceProviderId)) return GENAI_PRICES_TO_MODELS_DEV[sourceProviderId]!;
      // Hugging Face's router sells through several hosts at their own prices: one provider per host.
      return firstKnown([sourceProviderId.replace(/_/g, '-')], known);
    }
    case 'artificial-analysis':
      return sourceProviderId;
  }
}

function firstKnown(candidates: string[], known: (id: string) => boolean): string {
  return candidates.find(known) ?? slugOfName(candidates[0]!);
}
