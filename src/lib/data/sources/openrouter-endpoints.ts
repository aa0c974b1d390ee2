/**
 * Which providers serve each OpenRouter model, from `GET /api/v1/models/{author}/{slug}/endpoints`
 * (https://openrouter.ai/docs/api-reference/list-endpoints-for-a-model). Three shapes are read:
 * - the raw API body, one file per model, as `npm run data:fetch` writes it under
 *   openrouter/endpoints/<date>/: `{data: {id, endpoints: [...]}}`;
 * - a recording of all of them (2026-05-31): `{fetchedAt, source, data: [{modelId, response}]}`, each
 *   `response` a raw body;
 * - a trimmed recording (2026-07-22): `{collected_at, count, models: [{id, …catalog fields, endpoints}]}`,
 *   whose endpoints keep the API's field names.
 * Every endpoint is an offer reached through OpenRouter (viaOpenRouter). Its provider is OpenRouter's
 * provider slug, the first segment of the endpoint's tag ("google-vertex/global/flex" → "google-vertex").
 */
import { z } from 'astro/zod';
import { RawModelId, RawOpenRouterEndpoint } from './openrouter-schemas.ts';
import { normalizeOpenRouterPricing } from '../price-units.ts';
import type { ListingEntry, SourceListing } from './listing.ts';
import { EntryLog, UnusableInputError, describeShape, unstatedEntry } from './source-file.ts';

const ModelEndpoints = z.object({ id: RawModelId, endpoints: z.array(z.unknown()) });
const RawEndpointsBody = z.object({ data: ModelEndpoints });
const Recording = z.object({ data: z.array(z.object({ modelId: z.string(), response: z.unknown() })) });
const TrimmedRecording = z.object({ models: z.array(z.unknown()), count: z.number().int().nonnegative().optional() });

/** Uptime windows in the order we prefer them: the longest one stated says most about an endpoint. */
const UPTIME_WINDOWS = [
  ['uptime_last_1d', '1d'],
  ['uptime_last_30m', '30m'],
  ['uptime_last_5m', '5m'],
] as const;

interface ModelRecord {
  /** Position of the model in the file, for messages. */
  index: number;
  /** The id the recording asked for ("x:free"); the API may answer for the base model. */
  askedFor: string | null;
  body: unknown;
}

/** One model's endpoints per record, whatever the file's shape. */
function modelRecords(file: string, body: unknown): { records: ModelRecord[]; full: boolean } {
  const single = RawEndpointsBody.safeParse(body);
  if (single.success) return { records: [{ index: 0, askedFor: null, body: single.data.data }], full: false };
  const recording = Recording.safeParse(body);
  if (recording.success) {
    return { records: recording.data.data.map((row, index) => ({ index, askedFor: row.modelId, body: (row.response as { data?: unknown } | null)?.data })), full: true };
  }
  const trimmed = TrimmedRecording.safeParse(body);
  if (trimmed.success) {
    const { models, count } = trimmed.data;
    if (count !== undefined && count !== models.length) throw new UnusableInputError(`${file}: the envelope says count ${count} but holds ${models.length} models; the recording looks truncated`);
    return { records: models.map((model, index) => ({ index, askedFor: null, body: model })), full: true };
  }
  throw new UnusableInputError(
    `${file}: expected an OpenRouter endpoints body ({"data": {"id", "endpoints"}}), a recording ({"data": [{"modelId", "response"}]}) or a trimmed recording ({"models": [{"id", "endpoints"}]}), got ${describeShape(body)}`,
  );
}

export function readOpenRouterEndpointsFile(file: string, date: string, body: unknown): SourceListing {
  const log = new EntryLog(file);
  const entries: ListingEntry[] = [];
  const { records, full } = modelRecords(file, body);
  const seen = new Set<string>();
  // A model's own row first, so that a variant row answered with the same model is the one skipped.
  const ownRowsFirst = [...records].sort((a, b) => Number(isVariantRow(a)) - Number(isVariantRow(b)) || a.index - b.index);
  for (const record of ownRowsFirst) {
    const model = log.parse(ModelEndpoints, record.body, record.index, record.askedFor);
    if (!model) continue;
    const { id, endpoints } = model;
    if (record.askedFor !== null && record.askedFor !== id && seen.has(`${id}@`)) {
      // Asking for "x:free" returns x's endpoints; x's own row already lists them.
      log.skip('a variant id answered with its base model\'s endpoints, already listed', record.askedFor);
      continue;
    }
    seen.add(`${id}@`);
    const tagCount = new Map<string, number>();
    endpoints.forEach((raw, position) => {
      const entry = readEndpoint(log, record.index, id, position, raw, tagCount);
      if (!entry) return;
      if (seen.has(entry.key)) {
        log.skip('endpoint listed twice for the same model', entry.key);
        return;
      }
      seen.add(entry.key);
      entries.push(entry);
    });
  }
  const completeFor = full ? [...new Set(entries.map((e) => e.providerId))].sort() : [];
  return log.listing({ source: 'openrouter-endpoints', date, completeFor, entries });
}

function isVariantRow(record: ModelRecord): boolean {
  const answered = (record.body as { id?: unknown } | null | undefined)?.id;
  return record.askedFor !== null && record.askedFor !== answered;
}

function readEndpoint(log: EntryLog, index: number, modelId: string, position: number, raw: unknown, tagCount: Map<string, number>): ListingEntry | null {
  const prefix = `endpoints[${position}]`;
  const endpoint = log.parse(RawOpenRouterEndpoint, raw, index, modelId, prefix);
  if (!endpoint) return null;
  const { pricing, problems } = normalizeOpenRouterPricing(endpoint.pricing);
  if (!log.clean(index, modelId, problems, prefix)) return null;
  const tag = endpoint.tag || null;
  const slug = (tag ?? endpoint.provider_name).split('/')[0]!;
  // Two endpoints can share a tag (Together serves Gemma 4 31B twice, at two contexts and prices).
  const handle = tag ?? endpoint.provider_name;
  const nth = (tagCount.get(handle) ?? 0) + 1;
  tagCount.set(handle, nth);
  const window = UPTIME_WINDOWS.find(([field]) => typeof endpoint[field] === 'number');
  return {
    ...unstatedEntry(),
    providerId: slug,
    providerName: endpoint.provider_name,
    endpointTag: tag,
    providerModelId: modelId,
    key: `${modelId}@${handle}${nth > 1 ? `#${nth}` : ''}`,
    index,
    keys: { openRouterId: modelId },
    pricing,
    contextLength: endpoint.context_length || null,
    maxOutputTokens: endpoint.max_completion_tokens ?? null,
    quantization: endpoint.quantization ?? null,
    uptime: window ? { percent: endpoint[window[0]]!, window: window[1] } : null,
    viaOpenRouter: true,
  };
}
