/**
 * OpenRouter models snapshots (and OpenRouter's per-model endpoints files) → one record per model per
 * snapshot. One malformed entry is reported (file, index, id, field) and left out; an envelope that is
 * not a known shape makes the whole input unusable: that throws.
 */
import {
  RawOpenRouterEndpoints,
  RawOpenRouterModel,
  type Pricing,
  type ProviderEndpoint,
  type Rejection,
} from './schema.ts';
import { normalizeOpenRouterPricing } from './price-units.ts';
import { UnusableInputError, describeShape } from './sources/source-file.ts';
import { unixToIsoDate } from './model-names.ts';

export interface RawSnapshot {
  date: string;
  source: 'openrouter';
  /** Path relative to the raw folder, used in messages and provenance. */
  file: string;
  body: unknown;
  /**
   * The entries as the source reader already validated them (src/lib/data/sources/openrouter-models.ts),
   * with their position in the file and normalized pricing: read as they are, not validated twice.
   */
  validated?: { index: number; model: RawOpenRouterModel; pricing: Pricing }[];
}

export { UnusableInputError };

/** One model as one snapshot states it. */
export interface SnapshotRecord {
  date: string;
  source: RawSnapshot['source'];
  file: string;
  /** Position of the entry in its file, for messages. */
  index: number;
  displayName: string;
  created: string | null;
  description: string | null;
  contextLength: number | null;
  maxCompletionTokens: number | null;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
  tokenizer: string | null;
  instructType: string | null;
  supportedParameters: string[] | null;
  huggingFaceId: string | null;
  canonicalSlug: string | null;
  isModerated: boolean | null;
  expirationDate: string | null;
  pricing: Pricing;
  /** OpenRouter's newer fields: AA indices, knowledge cutoff, reasoning efforts (null where not stated). */
  benchmarks: { intelligence: number | null; coding: number | null } | null;
  knowledgeCutoff: string | null;
  reasoningEfforts: string[] | null;
}

export function readSnapshot(snapshot: RawSnapshot, rejected: Rejection[]): Map<string, SnapshotRecord> {
  return readOpenRouterSnapshot(snapshot, rejected);
}

function readOpenRouterSnapshot(snapshot: RawSnapshot, rejected: Rejection[]): Map<string, SnapshotRecord> {
  if (snapshot.validated) return new Map(snapshot.validated.map(({ index, model, pricing }) => [model.id, recordOf(snapshot, index, model, pricing)]));
  const entries = openRouterEntries(snapshot);
  const records = new Map<string, SnapshotRecord>();
  entries.forEach((entry, index) => {
    const rawId = typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : null;
    const reject = (field: string, message: string) => rejected.push({ file: snapshot.file, index, id: rawId || null, field, message });
    const parsed = RawOpenRouterModel.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      reject(issue.path.join('.') || '(entry)', issue.message);
      return;
    }
    const raw = parsed.data;
    const { pricing, problems } = normalizeOpenRouterPricing(raw.pricing);
    if (problems.length > 0) {
      reject(problems[0]!.field, problems[0]!.message);
      return;
    }
    if (records.has(raw.id)) {
      reject('id', `duplicate id ${raw.id} in the same snapshot`);
      return;
    }
    records.set(raw.id, recordOf(snapshot, index, raw, pricing));
  });
  return records;
}



function recordOf(snapshot: RawSnapshot, index: number, raw: RawOpenRouterModel, pricing: Pricing): SnapshotRecord {
  return {
    date: snapshot.date,
    source: 'openrouter',
    file: snapshot.file,
    index,
    displayName: raw.name,
    created: unixToIsoDate(raw.created),
    description: raw.description ?? '',
    contextLength: raw.context_length ?? raw.top_provider?.context_length ?? null,
    maxCompletionTokens: raw.top_provider?.max_completion_tokens ?? null,
    inputModalities: raw.architecture.input_modalities ?? null,
    outputModalities: raw.architecture.output_modalities ?? null,
    tokenizer: raw.architecture.tokenizer ?? null,
    instructType: raw.architecture.instruct_type ?? null,
    supportedParameters: raw.supported_parameters ?? null,
    huggingFaceId: raw.hugging_face_id || null,
    canonicalSlug: raw.canonical_slug ?? null,
    isModerated: raw.top_provider?.is_moderated ?? null,
    expirationDate: raw.expiration_date ?? null,
    pricing,
    ...openRouterExtras(raw),
  };
}

/**
 * The models API answers `{data: [...]}`; recordings of it also come as a bare array (jq '.data') and
 * as `{fetchedAt, count, data}`. Anything else is not a models listing.
 */
function openRouterEntries(snapshot: RawSnapshot): unknown[] {
  const body = snapshot.body;
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null && Array.isArray((body as { data?: unknown }).data)) return (body as { data: unknown[] }).data;
  throw new UnusableInputError(`${snapshot.file}: expected {"data": [...]} from the OpenRouter models API, got ${describeShape(body)}`);
}

const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Fields newer snapshots carry (2026 on); looked at defensively, as older snapshots lack them. */
function openRouterExtras(raw: Record<string, unknown>): Pick<SnapshotRecord, 'benchmarks' | 'knowledgeCutoff' | 'reasoningEfforts'> {
  const aa = (raw.benchmarks as { artificial_analysis?: Record<string, unknown> } | null | undefined)?.artificial_analysis;
  const efforts = (raw.reasoning as { supported_efforts?: unknown } | null | undefined)?.supported_efforts;
  return {
    benchmarks: aa && typeof aa === 'object' ? { intelligence: finiteOrNull(aa.intelligence_index), coding: finiteOrNull(aa.coding_index) } : null,
    knowledgeCutoff: typeof raw.knowledge_cutoff === 'string' && raw.knowledge_cutoff.length <= 40 ? raw.knowledge_cutoff : null,
    reasoningEfforts: Array.isArray(efforts) ? efforts.filter((e): e is string => typeof e === 'string').slice(0, 20) : null,
  };
}

export function readEndpoints(files: { file: string; body: unknown }[], rejected: Rejection[]): Map<string, ProviderEndpoint[]> {
  const byId = new Map<string, ProviderEndpoint[]>();
  for (const { file, body } of files) {
    const parsed = RawOpenRouterEndpoints.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejected.push({ file, index: 0, id: null, field: issue.path.join('.') || '(file)', message: issue.message });
      continue;
    }
    const endpoints: ProviderEndpoint[] = [];
    parsed.data.data.endpoints.forEach((endpoint, index) => {
      const { pricing, problems } = normalizeOpenRouterPricing(endpoint.pricing);
      if (problems.length > 0) {
        rejected.push({ file, index, id: parsed.data.data.id, field: `endpoints[${index}].${problems[0]!.field}`, message: problems[0]!.message });
        return;
      }
      endpoints.push({
        provider: endpoint.provider_name,
        tag: endpoint.tag ?? null,
        quantization: endpoint.quantization ?? null,
        contextLength: endpoint.context_length || null,
        maxCompletionTokens: endpoint.max_completion_tokens ?? null,
        pricing,
        status: endpoint.status ?? null,
        uptimeLast30m: endpoint.uptime_last_30m ?? null,
      });
    });
    byId.set(parsed.data.data.id, endpoints.sort((a, b) => a.provider.localeCompare(b.provider) || (a.tag ?? '').localeCompare(b.tag ?? '')));
  }
  return byId;
}
