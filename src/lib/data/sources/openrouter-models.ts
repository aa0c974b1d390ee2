/**
 * OpenRouter `GET /api/v1/models` snapshots (https://openrouter.ai/docs/api-reference/models). The
 * recordings come in three envelopes, all accepted: the API's own `{data: [...]}` (plus any extra
 * keys a recorder added, such as `fetchedAt` or `source`), a bare array (`jq '.data'`), and
 * `{fetchedAt, count, data}`. Prices are strings in USD per token.
 *
 * The reader gives the validated raw models (the catalog's OpenRouter fields: description, tokenizer,
 * reasoning efforts, AA indices…) and a SourceListing of OpenRouter's own offers: provider
 * "openrouter", whose whole catalog each snapshot is.
 */
import { z } from 'astro/zod';
import { RawOpenRouterModel } from './openrouter-schemas.ts';
import { normalizeOpenRouterPricing } from '../price-units.ts';
import { unixToIsoDate } from '../model-names.ts';
import type { ListingEntry, SourceListing } from './listing.ts';
import { EntryLog, TEXT_LIMITS, UnusableInputError, describeShape, unstatedEntry } from './source-file.ts';

/** `{data: [...]}` with or without a recorder's `fetchedAt`/`count`/`source` next to it. */
const WrappedModels = z.looseObject({ data: z.array(z.unknown()), count: z.number().int().nonnegative().optional() });

/** The entries of any accepted envelope; an envelope that is none of them makes the file unusable. */
export function openRouterModelEntries(file: string, body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const wrapped = WrappedModels.safeParse(body);
  if (!wrapped.success) {
    throw new UnusableInputError(`${file}: expected OpenRouter's models list ({"data": [...]}, a bare array, or {"fetchedAt", "count", "data"}), got ${describeShape(body)}`);
  }
  const { data, count } = wrapped.data;
  if (count !== undefined && count !== data.length) {
    throw new UnusableInputError(`${file}: the envelope says count ${count} but holds ${data.length} models; the recording looks truncated`);
  }
  return data;
}

export interface OpenRouterModelsFile {
  file: string;
  date: string;
  /** Each valid model with its position in the file (for messages). */
  models: { index: number; model: RawOpenRouterModel }[];
  listing: SourceListing;
}

export function readOpenRouterModelsFile(file: string, date: string, body: unknown): OpenRouterModelsFile {
  const log = new EntryLog(file);
  const models: OpenRouterModelsFile['models'] = [];
  const entries: ListingEntry[] = [];
  const seen = new Set<string>();
  openRouterModelEntries(file, body).forEach((raw, index) => {
    const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    const id = rawId === null ? null : rawId.slice(0, TEXT_LIMITS.id) || null;
    const model = log.parse(RawOpenRouterModel, raw, index, id);
    if (!model) return;
    const { pricing, problems } = normalizeOpenRouterPricing(model.pricing);
    if (!log.clean(index, model.id, problems)) return;
    if (seen.has(model.id)) {
      log.reject(index, model.id, 'id', `duplicate id ${model.id} in the same snapshot`);
      return;
    }
    seen.add(model.id);
    const { name, description } = log.texts(index, model.id, model.name, model.description);
    const capped: RawOpenRouterModel = { ...model, name: name ?? model.name, description };
    models.push({ index, model: capped });
    entries.push({
      ...unstatedEntry(),
      providerId: 'openrouter',
      providerName: 'OpenRouter',
      providerModelId: model.id,
      key: model.id,
      index,
      keys: {
        openRouterId: model.id,
        ...(model.canonical_slug ? { canonicalSlug: model.canonical_slug } : {}),
        ...(model.hugging_face_id ? { huggingFaceId: model.hugging_face_id } : {}),
      },
      name,
      description,
      pricing,
      contextLength: model.context_length ?? model.top_provider?.context_length ?? null,
      maxOutputTokens: model.top_provider?.max_completion_tokens ?? null,
      releaseDate: unixToIsoDate(model.created),
      knowledgeCutoff: model.knowledge_cutoff ?? null,
      openWeights: model.hugging_face_id ? true : null,
      inputModalities: model.architecture.input_modalities ?? null,
      outputModalities: model.architecture.output_modalities ?? null,
    });
  });
  const listing = log.listing({ source: 'openrouter', date, completeFor: ['openrouter'], entries });
  return { file, date, models, listing };
}
