/**
 * Raw upstream snapshots → the normalized catalog. Pure: the caller (scripts/normalize.ts) reads the
 * files and writes the results; everything here is deterministic for the same inputs.
 *
 * Rules worth knowing:
 * - Snapshots are read oldest first; the newest snapshot defines what is listed now.
 * - A model missing from the newest snapshot stays, with its last known data, marked retired since the
 *   first snapshot after its last appearance.
 * - One malformed entry is reported (file, index, id, field) and left out; the rest still normalizes.
 *   An envelope that is not the expected shape makes the whole input unusable: that throws.
 * - models.dev states fewer price dimensions than OpenRouter. Its prices override the dimensions it
 *   states; the others carry over from the model's last OpenRouter record.
 */
import {
  CuratedNotesFile,
  RawOpenRouterEndpoints,
  RawOpenRouterModel,
  RawOpenRouterModelsEnvelope,
  type Architecture,
  type Catalog,
  type HistoryPoint,
  type Model,
  type Pricing,
  type ProviderEndpoint,
  type Provenance,
  type Rejection,
  type SnapshotChanges,
} from './schema.ts';
import { normalizeOpenRouterPricing } from './price-units.ts';
import { RawModelsDevModel, RawModelsDevOpenRouter, normalizeModelsDevCost } from './sources/models-dev.ts';
import { UnusableInputError } from './sources/source-file.ts';
import { splitDisplayName, splitVariant, unixToIsoDate } from './model-names.ts';
import { deriveTags } from './tags.ts';
import { authorOf, toSlug } from '../format/slug.ts';
import { architectureForModel } from './architecture-source.ts';
import { canonicalJson } from './stable-json.ts';

export interface RawSnapshot {
  date: string;
  source: 'openrouter' | 'models.dev';
  /** Path relative to the raw folder, used in messages and provenance. */
  file: string;
  body: unknown;
}

export interface RawInputs {
  snapshots: RawSnapshot[];
  /** Endpoints responses of the newest endpoints folder, keyed by file path. */
  endpoints: { file: string; body: unknown }[];
  /** Hugging Face config.json files keyed by path under huggingface/ ("org__name.config.json", "abridged/…"), parsed with parseConfigText. */
  huggingFaceConfigs: Record<string, unknown>;
  notes: unknown;
  provenance: Provenance;
}

export interface NormalizeResult {
  catalog: Catalog;
  history: SnapshotChanges[];
  /** Problems that do not reject anything but deserve a line in the run's output. */
  warnings: string[];
}

export { UnusableInputError };

/** One model as one snapshot states it. */
interface SnapshotRecord {
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
  /** models.dev names only some price dimensions; the rest are carried over (see top comment). */
  pricingIsPartial: boolean;
}

export function normalizeCatalog(inputs: RawInputs): NormalizeResult {
  const snapshots = [...inputs.snapshots].sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source));
  if (snapshots.length === 0) throw new UnusableInputError('no snapshots found: expected openrouter/openrouter-models-YYYY-MM-DD.json files');
  const dates = [...new Set(snapshots.map((s) => s.date))];
  if (dates.length !== snapshots.length) throw new UnusableInputError(`two snapshots share a date: ${snapshots.map((s) => s.file).join(', ')}`);

  const rejected: Rejection[] = [];
  const warnings: string[] = [];
  const recordsBySnapshot = snapshots.map((snapshot) => readSnapshot(snapshot, rejected));
  const notes = parseNotes(inputs.notes);
  const endpointsById = readEndpoints(inputs.endpoints, rejected);

  const ids = withUsableSlugs([...new Set(recordsBySnapshot.flatMap((records) => [...records.keys()]))].sort(), recordsBySnapshot, rejected);
  const newestDate = dates[dates.length - 1]!;
  const unknownPriceKeys: Catalog['unknownPriceKeys'] = [];

  const models: Model[] = ids.map((id) => {
    const appearances = recordsBySnapshot
      .map((records, index) => ({ record: records.get(id), snapshot: snapshots[index]! }))
      .filter((a): a is { record: SnapshotRecord; snapshot: RawSnapshot } => a.record !== undefined);
    const resolved = resolveRecords(appearances.map((a) => a.record));
    const latest = resolved[resolved.length - 1]!;
    const lastSeen = latest.date;
    const listed = lastSeen === newestDate;
    const retiredSince = listed ? null : dates.find((d) => d > lastSeen) ?? null;
    for (const [key, value] of Object.entries(latest.pricing.unknown)) unknownPriceKeys.push({ id, key, value });

    const { architecture, notes: modelNotes, configSource } = architectureFor(id, latest.huggingFaceId, notes, inputs, warnings);
    const author = authorOf(id);
    const { authorLabel, modelName } = splitDisplayName(latest.displayName, author);
    const { variant } = splitVariant(id);
    const description = latest.description ?? '';
    const inputModalities = latest.inputModalities ?? ['text'];
    const outputModalities = latest.outputModalities ?? ['text'];
    const supportedParameters = latest.supportedParameters ?? [];

    return {
      id,
      slug: toSlug(id),
      author,
      authorLabel,
      modelName,
      displayName: latest.displayName,
      variant,
      baseId: null,
      variantIds: [],
      canonicalSlug: latest.canonicalSlug,
      huggingFaceId: latest.huggingFaceId,
      created: latest.created ?? appearances[0]!.snapshot.date,
      description,
      contextLength: latest.contextLength,
      maxCompletionTokens: latest.maxCompletionTokens,
      inputModalities,
      outputModalities,
      tokenizer: latest.tokenizer,
      instructType: latest.instructType,
      supportedParameters,
      isModerated: latest.isModerated,
      expirationDate: latest.expirationDate,
      pricing: latest.pricing,
      tags: deriveTags({
        description,
        pricing: latest.pricing,
        inputModalities,
        outputModalities,
        supportedParameters,
        huggingFaceId: latest.huggingFaceId,
        experts: architecture.experts?.value,
      }),
      architecture,
      notes: modelNotes,
      providers: endpointsById.get(id) ?? [],
      listed,
      firstSeen: appearances[0]!.snapshot.date,
      lastSeen,
      retiredSince,
      history: historyPoints(resolved),
      sources: sourcesFor(id, appearances, configSource, inputs.provenance),
      aliases: [],
      quality: null,
      knowledgeCutoff: null,
      reasoningEfforts: [],
    };
  });

  linkVariants(models);
  return {
    catalog: {
      generatedFrom: snapshots.map((s, i) => ({ date: s.date, source: s.source, file: s.file, models: recordsBySnapshot[i]!.size })),
      asOf: newestDate,
      counts: {
        listed: models.filter((m) => m.listed).length,
        retired: models.filter((m) => !m.listed).length,
        rejected: rejected.length,
      },
      rejected,
      unknownPriceKeys,
      models,
    },
    history: snapshotChanges(snapshots, recordsBySnapshot, models),
    warnings,
  };
}

/**
 * Every model needs a URL of its own. An id whose slug is empty, or the same as an earlier id's
 * (ids that differ only in case or punctuation), is rejected where it last appeared. OpenRouter ids
 * are lower case, so a lower-case id keeps its slug over a differently cased one.
 */
function withUsableSlugs(ids: string[], recordsBySnapshot: Map<string, SnapshotRecord>[], rejected: Rejection[]): string[] {
  const owners = new Map<string, string>();
  const lowerCaseFirst = [...ids].sort((a, b) => Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0));
  const usable = new Set(lowerCaseFirst.filter((id) => {
    const slug = toSlug(id);
    const owner = owners.get(slug);
    if (slug !== '' && owner === undefined) {
      owners.set(slug, id);
      return true;
    }
    const last = recordsBySnapshot.map((records) => records.get(id)).filter((r) => r !== undefined).pop()!;
    const message = slug === '' ? 'gives an empty URL slug' : `gives the URL slug "${slug}", already used by ${owner}`;
    rejected.push({ file: last.file, index: last.index, id, field: 'id', message });
    return false;
  }));
  return ids.filter((id) => usable.has(id));
}

// ---------------------------------------------------------------------------------------------
// Reading snapshots

function readSnapshot(snapshot: RawSnapshot, rejected: Rejection[]): Map<string, SnapshotRecord> {
  return snapshot.source === 'openrouter' ? readOpenRouterSnapshot(snapshot, rejected) : readModelsDevSnapshot(snapshot, rejected);
}

function readOpenRouterSnapshot(snapshot: RawSnapshot, rejected: Rejection[]): Map<string, SnapshotRecord> {
  const envelope = RawOpenRouterModelsEnvelope.safeParse(snapshot.body);
  if (!envelope.success) {
    throw new UnusableInputError(`${snapshot.file}: expected {"data": [...]} from the OpenRouter models API, got ${describeShape(snapshot.body)}`);
  }
  const records = new Map<string, SnapshotRecord>();
  envelope.data.data.forEach((entry, index) => {
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
    records.set(raw.id, {
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
      pricingIsPartial: false,
    });
  });
  return records;
}

function readModelsDevSnapshot(snapshot: RawSnapshot, rejected: Rejection[]): Map<string, SnapshotRecord> {
  const envelope = RawModelsDevOpenRouter.safeParse(snapshot.body);
  if (!envelope.success) {
    throw new UnusableInputError(`${snapshot.file}: expected {"openrouter": {"models": {...}}} from models.dev, got ${describeShape(snapshot.body)}`);
  }
  const records = new Map<string, SnapshotRecord>();
  Object.entries(envelope.data.openrouter.models).forEach(([key, entry], index) => {
    const parsed = RawModelsDevModel.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      rejected.push({ file: snapshot.file, index, id: key, field: issue.path.join('.') || '(entry)', message: issue.message });
      return;
    }
    const raw = parsed.data;
    const supported = [...(raw.tool_call ? ['tools'] : []), ...(raw.reasoning ? ['reasoning'] : [])];
    records.set(raw.id, {
      date: snapshot.date,
      source: 'models.dev',
      file: snapshot.file,
      index,
      displayName: raw.name,
      // models.dev sometimes gives only a month; the first of that month stands in for the day.
      created: raw.release_date ? (raw.release_date.length === 7 ? `${raw.release_date}-01` : raw.release_date) : null,
      description: null,
      contextLength: raw.limit.context > 0 ? raw.limit.context : null,
      maxCompletionTokens: raw.limit.output && raw.limit.output > 0 ? raw.limit.output : null,
      inputModalities: raw.modalities?.input ?? null,
      outputModalities: raw.modalities?.output ?? null,
      tokenizer: null,
      instructType: null,
      supportedParameters: supported,
      huggingFaceId: null,
      canonicalSlug: null,
      isModerated: null,
      expirationDate: null,
      pricing: normalizeModelsDevCost(raw.cost),
      pricingIsPartial: true,
    });
  });
  return records;
}

/**
 * Fills what a models.dev record does not state from the model's previous record, so a model keeps
 * its description, tokenizer and other price dimensions when the newest source is models.dev.
 */
function resolveRecords(records: SnapshotRecord[]): SnapshotRecord[] {
  const resolved: SnapshotRecord[] = [];
  for (const record of records) {
    const previous = resolved[resolved.length - 1];
    if (!previous || record.source === 'openrouter') {
      resolved.push(record);
      continue;
    }
    const carried: SnapshotRecord = {
      ...record,
      description: previous.description ?? record.description,
      tokenizer: previous.tokenizer ?? record.tokenizer,
      instructType: previous.instructType ?? record.instructType,
      huggingFaceId: previous.huggingFaceId ?? record.huggingFaceId,
      canonicalSlug: previous.canonicalSlug ?? record.canonicalSlug,
      isModerated: previous.isModerated ?? record.isModerated,
      expirationDate: previous.expirationDate ?? record.expirationDate,
      created: previous.created ?? record.created,
      // OpenRouter's display name carries the author label ("Mistral: …"); models.dev's does not.
      displayName: previous.displayName,
    };
    if (previous.supportedParameters) carried.supportedParameters = previous.supportedParameters;
    if (record.pricingIsPartial) {
      const stated = record.pricing;
      carried.pricing = {
        ...previous.pricing,
        perMillionTokens: { ...previous.pricing.perMillionTokens, ...stated.perMillionTokens },
        tiers: stated.tiers.length > 0 ? stated.tiers : previous.pricing.tiers,
      };
    }
    resolved.push(carried);
  }
  return resolved;
}

function readEndpoints(files: RawInputs['endpoints'], rejected: Rejection[]): Map<string, ProviderEndpoint[]> {
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

// ---------------------------------------------------------------------------------------------
// Architecture and notes

function parseNotes(raw: unknown): CuratedNotesFile {
  if (raw === undefined) return {};
  const parsed = CuratedNotesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnusableInputError(`curated/architecture-notes.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

function architectureFor(
  id: string,
  huggingFaceId: string | null,
  notes: CuratedNotesFile,
  inputs: RawInputs,
  warnings: string[],
): { architecture: Architecture; notes: Model['notes']; configSource: Model['sources'][number] | null } {
  const found = architectureForModel({ id, baseId: splitVariant(id).baseId, huggingFaceId, notes, configs: inputs.huggingFaceConfigs, provenance: inputs.provenance });
  warnings.push(...found.warnings);
  return found;
}

// ---------------------------------------------------------------------------------------------
// History, variants, sources

function historyPoints(records: SnapshotRecord[]): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const record of records) {
    const point: HistoryPoint = { date: record.date, contextLength: record.contextLength, pricing: record.pricing };
    const last = points[points.length - 1];
    if (!last || last.contextLength !== point.contextLength || canonicalJson(last.pricing) !== canonicalJson(point.pricing)) points.push(point);
  }
  return points;
}

function linkVariants(models: Model[]): void {
  const byId = new Map(models.map((m) => [m.id, m]));
  for (const model of models) {
    if (!model.variant) continue;
    const base = byId.get(splitVariant(model.id).baseId);
    if (!base) continue;
    model.baseId = base.id;
    base.variantIds.push(model.id);
  }
  for (const model of models) model.variantIds.sort();
}

function sourcesFor(
  id: string,
  appearances: { record: SnapshotRecord; snapshot: RawSnapshot }[],
  configSource: Model['sources'][number] | null,
  provenance: Provenance,
): Model['sources'] {
  const sources: Model['sources'] = [];
  const lastOf = (source: RawSnapshot['source']) => appearances.filter((a) => a.snapshot.source === source).pop();
  const openRouter = lastOf('openrouter');
  if (openRouter) {
    sources.push({ kind: 'openrouter', label: 'OpenRouter models API', url: `https://openrouter.ai/${id}`, fetchedAt: provenance[openRouter.snapshot.file]?.fetchedAt ?? openRouter.snapshot.date });
  }
  const modelsDev = lastOf('models.dev');
  if (modelsDev) {
    sources.push({ kind: 'models.dev', label: 'models.dev catalog', url: 'https://models.dev/', fetchedAt: provenance[modelsDev.snapshot.file]?.fetchedAt ?? modelsDev.snapshot.date });
  }
  if (configSource) sources.push(configSource);
  return sources;
}

function snapshotChanges(snapshots: RawSnapshot[], recordsBySnapshot: Map<string, SnapshotRecord>[], models: Model[]): SnapshotChanges[] {
  const historyById = new Map(models.map((m) => [m.id, m.history]));
  return snapshots.map((snapshot, index) => {
    const current = recordsBySnapshot[index]!;
    const previous = index > 0 ? recordsBySnapshot[index - 1]! : null;
    const added = previous ? [...current.keys()].filter((id) => !previous.has(id)).sort() : [];
    const removed = previous ? [...previous.keys()].filter((id) => !current.has(id)).sort() : [];
    const changed: SnapshotChanges['changed'] = [];
    for (const [id, history] of historyById) {
      const at = history.findIndex((p) => p.date === snapshot.date);
      if (at <= 0 || !previous?.has(id)) continue;
      const before = history[at - 1]!;
      const after = history[at]!;
      const fields = [
        ...(before.contextLength !== after.contextLength ? ['contextLength'] : []),
        ...diffPricingFields(before.pricing, after.pricing),
      ];
      if (fields.length > 0) changed.push({ id, fields, before: { contextLength: before.contextLength, pricing: before.pricing }, after: { contextLength: after.contextLength, pricing: after.pricing } });
    }
    return { date: snapshot.date, previous: index > 0 ? snapshots[index - 1]!.date : null, added, removed, changed };
  });
}

function diffPricingFields(before: Pricing, after: Pricing): string[] {
  const fields: string[] = [];
  const keys = new Set([...Object.keys(before.perMillionTokens), ...Object.keys(after.perMillionTokens)]);
  for (const key of [...keys].sort()) {
    const a = (before.perMillionTokens as Record<string, string | undefined>)[key];
    const b = (after.perMillionTokens as Record<string, string | undefined>)[key];
    if (a !== b) fields.push(`perMillionTokens.${key}`);
  }
  for (const key of ['perUnit', 'tiers', 'discount', 'unknown'] as const) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) fields.push(key);
  }
  return fields;
}

function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}
