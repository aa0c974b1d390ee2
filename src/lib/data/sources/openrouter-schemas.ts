/**
 * OpenRouter's raw API shapes: `GET /api/v1/models`, `/models/{author}/{slug}/endpoints` and
 * `/providers` (https://openrouter.ai/docs/api-reference). Upstream adds fields over time, and an
 * unknown field must never make a snapshot unusable: objects accept any other key. The models schema
 * leaves unknown keys out of its result (copying them was most of its cost over 15 snapshots); the
 * endpoint and provider schemas keep them. Prices are only checked
 * to be an object here; normalizeOpenRouterPricing (price-units.ts) names a bad key and value.
 * Imports nothing that imports schema.ts, so that schema.ts can re-export these without a cycle.
 */
import { z } from 'astro/zod';
import { ModelIdText, TokenCount, TokenCountOrZero, PlainObject } from './source-file.ts';

// GET /api/v1/models
export const RawOpenRouterPricing = PlainObject;

/** A model id as it becomes a URL path (see modelIdProblem). */
export const RawModelId = ModelIdText;

/** OpenRouter's copy of Artificial Analysis indices (`benchmarks.artificial_analysis`), 0–100. */
const indexFigure = z.number().min(0).max(100).nullish();

export const RawOpenRouterModel = z.object({
  id: RawModelId,
  canonical_slug: z.string().nullish(),
  hugging_face_id: z.string().nullish(),
  name: z.string().min(1),
  // Unix seconds; the upper bound (the last second of year 9999) keeps it a calendar date.
  created: z.number().int().positive().max(253_402_300_799, { error: 'is not a Unix time before year 10000' }),
  description: z.string().nullish(),
  context_length: TokenCount.nullable(),
  architecture: z.object({
    modality: z.string().nullish(),
    input_modalities: z.array(z.string()).nullish(),
    output_modalities: z.array(z.string()).nullish(),
    tokenizer: z.string().nullish(),
    instruct_type: z.string().nullish(),
  }),
  pricing: RawOpenRouterPricing,
  top_provider: z
    .object({
      context_length: TokenCount.nullish(),
      max_completion_tokens: TokenCount.nullish(),
      is_moderated: z.boolean().nullish(),
    })
    .nullish(),
  per_request_limits: z.unknown().optional(),
  supported_parameters: z.array(z.string()).nullish(),
  default_parameters: PlainObject.nullish(),
  expiration_date: z.string().nullish(),
  // Fields of the 2026 API (https://openrouter.ai/docs/api-reference/models).
  knowledge_cutoff: z.string().nullish(),
  reasoning: z
    .object({
      mandatory: z.boolean().nullish(),
      default_enabled: z.boolean().nullish(),
      supported_efforts: z.array(z.string()).nullish(),
      default_effort: z.string().nullish(),
    })
    .nullish(),
  /** On moving aliases ("~z-ai/glm-latest"): the model the alias points to now. */
  alias_target: z.object({ name: z.string().nullish(), slug: z.string() }).nullish(),
  links: PlainObject.nullish(),
  benchmarks: z
    .object({
      artificial_analysis: z
        .object({ intelligence_index: indexFigure, coding_index: indexFigure, agentic_index: indexFigure })
        .nullish(),
    })
    .nullish(),
  supported_voices: z.array(z.unknown()).nullish(),
});
export type RawOpenRouterModel = z.infer<typeof RawOpenRouterModel>;

/** The envelope is checked on its own, so that one bad entry is reported and skipped, not fatal. */
export const RawOpenRouterModelsEnvelope = z.looseObject({ data: z.array(z.unknown()) });

// Raw: OpenRouter  GET /api/v1/models/{author}/{slug}/endpoints
export const RawOpenRouterEndpoint = z.looseObject({
  name: z.string().nullish(),
  provider_name: z.string().min(1),
  tag: z.string().nullish(),
  // 0 where the endpoint does not say (Amazon Bedrock's Qwen3 Coder 30B, 2026-05-31).
  context_length: TokenCountOrZero.nullish(),
  max_completion_tokens: TokenCount.nullish(),
  max_prompt_tokens: TokenCount.nullish(),
  quantization: z.string().nullish(),
  pricing: RawOpenRouterPricing,
  supported_parameters: z.array(z.string()).nullish(),
  status: z.number().nullish(),
  uptime_last_30m: z.number().min(0).max(100).nullish(),
  uptime_last_5m: z.number().min(0).max(100).nullish(),
  uptime_last_1d: z.number().min(0).max(100).nullish(),
});
export const RawOpenRouterEndpoints = z.looseObject({
  data: z.looseObject({
    id: RawModelId,
    endpoints: z.array(RawOpenRouterEndpoint),
  }),
});
export type RawOpenRouterEndpoints = z.infer<typeof RawOpenRouterEndpoints>;

// Raw: OpenRouter  GET /api/v1/providers
export const RawOpenRouterProvider = z.looseObject({
  name: z.string().min(1),
  slug: z.string().min(1),
  privacy_policy_url: z.string().nullish(),
  terms_of_service_url: z.string().nullish(),
  status_page_url: z.string().nullish(),
  headquarters: z.string().nullish(),
});
export const RawOpenRouterProviders = z.looseObject({ data: z.array(RawOpenRouterProvider) });
