/**
 * A model's own page data from its snapshot records: names, limits, pricing, architecture from its
 * Hugging Face config or curated notes, variants and sources.
 */
import { CuratedNotesFile, type Architecture, type Model, type Provenance, type Quality, type Rejection } from './schema.ts';
import { UnusableInputError, type RawSnapshot, type SnapshotRecord } from './normalize-snapshots.ts';
import { splitDisplayName, splitVariant } from './model-names.ts';
import { authorOf, toSlug } from '../format/slug.ts';
import { architectureForModel } from './architecture-source.ts';
import { deriveTags } from './tags.ts';
import { historyPoints } from './normalize-history.ts';

export interface ModelInputs {
  notes: CuratedNotesFile;
  huggingFaceConfigs: Record<string, unknown>;
  provenance: Provenance;
  /** Snapshot dates, oldest first: a model missing from a later one is retired since that date. */
  dates: string[];
  warnings: string[];
}

/** OpenRouter's copy of Artificial Analysis' indices (`benchmarks.artificial_analysis`), newest first. */
function qualityFromOpenRouter(records: SnapshotRecord[]): Quality | null {
  const record = [...records].reverse().find((r) => r.benchmarks && (r.benchmarks.intelligence !== null || r.benchmarks.coding !== null));
  if (!record) return null;
  return {
    intelligenceIndex: record.benchmarks!.intelligence,
    codingIndex: record.benchmarks!.coding,
    mathIndex: null,
    outputTokensPerSecond: null,
    timeToFirstTokenSeconds: null,
    source: { name: 'Artificial Analysis', url: 'https://artificialanalysis.ai/', date: record.date, via: 'openrouter', slug: null },
  };
}

/** One model from every snapshot that states it (oldest first). */
export function modelFromAppearances(id: string, appearances: { record: SnapshotRecord; snapshot: RawSnapshot }[], inputs: ModelInputs): Model {
  const resolved = appearances.map((a) => a.record);
  const latest = resolved[resolved.length - 1]!;
  const lastSeen = latest.date;
  const newestDate = inputs.dates[inputs.dates.length - 1]!;
  const listed = lastSeen === newestDate;
  const retiredSince = listed ? null : inputs.dates.find((d) => d > lastSeen) ?? null;
  const { architecture, notes: modelNotes, configSource } = architectureFor(id, latest.huggingFaceId, inputs.notes, inputs.huggingFaceConfigs, inputs.provenance, inputs.warnings);
  const author = authorOf(id);
  const { authorLabel, modelName } = splitDisplayName(latest.displayName, author);
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
    variant: splitVariant(id).variant,
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
    tags: deriveTags({ description, pricing: latest.pricing, inputModalities, outputModalities, supportedParameters, huggingFaceId: latest.huggingFaceId, experts: architecture.experts?.value }),
    architecture,
    notes: modelNotes,
    providers: [],
    listed,
    firstSeen: appearances[0]!.snapshot.date,
    lastSeen,
    retiredSince,
    history: historyPoints(resolved),
    sources: sourcesFor(id, appearances, configSource, inputs.provenance),
    aliases: [],
    quality: qualityFromOpenRouter(resolved),
    knowledgeCutoff: [...resolved].reverse().find((r) => r.knowledgeCutoff)?.knowledgeCutoff ?? null,
    reasoningEfforts: latest.reasoningEfforts ?? [],
  };
}

/**
 * Every model needs a URL of its own. An id whose slug is empty, or the same as an earlier id's
 * (ids that differ only in case or punctuation), is rejected where it last appeared. OpenRouter ids
 * are lower case, so a lower-case id keeps its slug over a differently cased one.
 */
export function withUsableSlugs(ids: string[], recordsBySnapshot: Map<string, SnapshotRecord>[], rejected: Rejection[]): string[] {
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
// Architecture and notes

export function parseNotes(raw: unknown): CuratedNotesFile {
  if (raw === undefined) return {};
  const parsed = CuratedNotesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnusableInputError(`curated/architecture-notes.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function architectureFor(
  id: string,
  huggingFaceId: string | null,
  notes: CuratedNotesFile,
  huggingFaceConfigs: Record<string, unknown>,
  provenance: Provenance,
  warnings: string[],
): { architecture: Architecture; notes: Model['notes']; configSource: Model['sources'][number] | null } {
  const found = architectureForModel({ id, baseId: splitVariant(id).baseId, huggingFaceId, notes, configs: huggingFaceConfigs, provenance });
  warnings.push(...found.warnings);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Variants and sources

export function linkVariants(models: Model[]): void {
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

export function sourcesFor(
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
  if (configSource) sources.push(configSource);
  return sources;
}

