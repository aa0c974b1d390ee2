/**
 * What a refresh fetches and where each response lands under data/raw. This layout is the contract
 * with scripts/normalize.ts:
 *
 *   openrouter/openrouter-models-<date>.json            GET /models, verbatim, one per UTC fetch date
 *   openrouter/endpoints/<date>/<author>__<slug>.json   GET /models/<author>/<slug>/endpoints
 *   openrouter/providers-<date>.json                    GET /providers, written only when it changed
 *   huggingface/<org>__<name>.config.json               <hf>/<org>/<name>/resolve/main/config.json
 *   models-dev/models-dev-api-<date>.json               models.dev's whole api.json, every provider
 *   litellm/litellm-<date>.json                         LiteLLM's model_prices_and_context_window.json
 *
 * models.dev and LiteLLM, like providers, get a new dated file only when they changed since the newest
 * copy (which may be a gzipped recording, models-dev-api-<date>.json.gz).
 * Endpoints are fetched only for ids without a `:variant` suffix (`a/b:free` shares a page with `a/b`
 * and has no path of its own in the endpoints API), so one file per base model and date.
 * Ids are used in file names, so only plain path-safe segments are accepted.
 *
 * PROVENANCE.json gets one entry per file, except endpoints: one entry per dated endpoints folder
 * (key `openrouter/endpoints/<date>`, URL with `{author}/{slug}` placeholders), because a few hundred
 * near-identical entries a day would bury every other change in the provenance diff.
 */
import { z } from 'astro/zod';
import {
  RawHuggingFaceConfig,
  RawOpenRouterEndpoints,
  RawOpenRouterModelsEnvelope,
  RawOpenRouterProviders,
} from '../../src/lib/data/schema.ts';

export type SourceKind = 'models' | 'models-dev' | 'litellm' | 'providers' | 'endpoints' | 'huggingface';

/**
 * The envelope a stored copy must have. models.dev and LiteLLM are checked only as envelopes here:
 * their entries are validated one by one (and reported) by their readers at normalize time.
 */
export const RawModelsDevCatalogEnvelope = z.record(z.string(), z.looseObject({ models: z.record(z.string(), z.unknown()) }));
export const RawLiteLlmEnvelope = z.record(z.string(), z.unknown());

export const SCHEMA_BY_KIND = {
  models: RawOpenRouterModelsEnvelope,
  'models-dev': RawModelsDevCatalogEnvelope,
  litellm: RawLiteLlmEnvelope,
  providers: RawOpenRouterProviders,
  endpoints: RawOpenRouterEndpoints,
  huggingface: RawHuggingFaceConfig,
} as const;

/** The `source` written to PROVENANCE.json, matching the wording of the committed entries. */
export const PROVENANCE_SOURCE: Record<SourceKind, string> = {
  models: 'OpenRouter models API',
  'models-dev': 'models.dev api.json',
  litellm: 'LiteLLM model_prices_and_context_window.json',
  providers: 'OpenRouter providers API',
  endpoints: 'OpenRouter model endpoints API',
  huggingface: 'Hugging Face config.json',
};

/** Listings that say what a source sells now: a copy that lost most of them is refused (issue 12 #11). */
export const LISTING_KINDS: ReadonlySet<SourceKind> = new Set(['models', 'models-dev']);

export interface FetchJob {
  kind: SourceKind;
  /** What the summary calls this source: a model id, a Hugging Face id, or "providers". */
  label: string;
  url: string;
  /** Relative to the raw folder, with forward slashes (also the PROVENANCE.json key). */
  path: string;
}

export interface BaseUrls {
  openRouter: string;
  huggingFace: string;
  /** models.dev origin (api.json is below it); not fetched when absent. */
  modelsDev?: string;
  /** The full URL of LiteLLM's cost map; not fetched when absent. */
  litellm?: string;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/;

/** `author/slug` as two path-safe segments, or null (variants, odd ids) when it has no file of its own. */
export function splitRepoId(id: string): { owner: string; name: string } | null {
  const parts = id.split('/');
  if (parts.length !== 2) return null;
  const [owner, name] = parts as [string, string];
  if (!SAFE_SEGMENT.test(owner) || !SAFE_SEGMENT.test(name)) return null;
  return { owner, name };
}

export function isVariantId(id: string): boolean {
  return id.includes(':');
}

export function trimBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}

export function modelsSnapshotPath(date: string): string {
  return `openrouter/openrouter-models-${date}.json`;
}

export function modelsDevSnapshotPath(date: string): string {
  return `models-dev/models-dev-api-${date}.json`;
}

export function litellmSnapshotPath(date: string): string {
  return `litellm/litellm-${date}.json`;
}

export function providersSnapshotPath(date: string): string {
  return `openrouter/providers-${date}.json`;
}

export function endpointsPath(date: string, modelId: string): string | null {
  const repo = isVariantId(modelId) ? null : splitRepoId(modelId);
  return repo ? `openrouter/endpoints/${date}/${repo.owner}__${repo.name}.json` : null;
}

export function huggingFaceConfigPath(huggingFaceId: string): string | null {
  const repo = splitRepoId(huggingFaceId);
  return repo ? `huggingface/${repo.owner}__${repo.name}.config.json` : null;
}

export function modelsUrl(base: BaseUrls): string {
  return `${trimBaseUrl(base.openRouter)}/models`;
}

export function modelsDevUrl(modelsDevBase: string): string {
  return `${trimBaseUrl(modelsDevBase)}/api.json`;
}

export function providersUrl(base: BaseUrls): string {
  return `${trimBaseUrl(base.openRouter)}/providers`;
}

export function endpointsUrl(base: BaseUrls, modelId: string): string {
  const [owner, name] = modelId.split('/').map(encodeURIComponent);
  return `${trimBaseUrl(base.openRouter)}/models/${owner}/${name}/endpoints`;
}

export function huggingFaceConfigUrl(base: BaseUrls, huggingFaceId: string): string {
  const [owner, name] = huggingFaceId.split('/').map(encodeURIComponent);
  return `${trimBaseUrl(base.huggingFace)}/${owner}/${name}/resolve/main/config.json`;
}

/** The PROVENANCE.json key and entry (without the time) for a written file. */
export function provenanceFor(job: FetchJob, date: string, base: BaseUrls): { key: string; source: string; url: string; note?: string } {
  if (job.kind !== 'endpoints') return { key: job.path, source: PROVENANCE_SOURCE[job.kind], url: job.url };
  return {
    key: `openrouter/endpoints/${date}`,
    source: PROVENANCE_SOURCE.endpoints,
    url: `${trimBaseUrl(base.openRouter)}/models/{author}/{slug}/endpoints`,
    note: 'One file per model id without a :variant suffix, named <author>__<slug>.json.',
  };
}

export interface FetchPlan {
  jobs: FetchJob[];
  /** Ids that cannot be fetched as asked (unsafe for a file name, or colliding with another id). */
  skipped: { kind: SourceKind; label: string; reason: string }[];
  /** `:variant` ids, skipped by design (see the module comment). */
  variantCount: number;
}

function stringField(entry: unknown, key: string): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const value = (entry as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Everything to fetch once the models list is in: providers, the endpoints of every base model, and
 * the config of every distinct Hugging Face id. Entries are read loosely: one odd entry must not stop
 * the others (the normalizer reports invalid entries itself).
 */
export function buildFetchPlan(entries: readonly unknown[], date: string, base: BaseUrls): FetchPlan {
  const jobs: FetchJob[] = [
    ...(base.modelsDev ? [{ kind: 'models-dev' as const, label: 'models.dev catalog', url: modelsDevUrl(base.modelsDev), path: modelsDevSnapshotPath(date) }] : []),
    ...(base.litellm ? [{ kind: 'litellm' as const, label: 'LiteLLM cost map', url: base.litellm, path: litellmSnapshotPath(date) }] : []),
    { kind: 'providers', label: 'providers', url: providersUrl(base), path: providersSnapshotPath(date) },
  ];
  const skipped: FetchPlan['skipped'] = [];
  const claimed = new Map<string, string>();
  let variantCount = 0;

  const claim = (job: FetchJob): void => {
    const owner = claimed.get(job.path);
    if (owner === job.label) return;
    if (owner !== undefined) {
      skipped.push({ kind: job.kind, label: job.label, reason: `its file ${job.path} is already used by ${owner}` });
      return;
    }
    claimed.set(job.path, job.label);
    jobs.push(job);
  };

  const modelIds = [...new Set(entries.map((entry) => stringField(entry, 'id')).filter((id) => id !== null))].sort();
  for (const id of modelIds) {
    if (isVariantId(id)) {
      variantCount += 1;
      continue;
    }
    const path = endpointsPath(date, id);
    if (path === null) skipped.push({ kind: 'endpoints', label: id, reason: 'model id is not a plain author/slug usable as a file name' });
    else claim({ kind: 'endpoints', label: id, url: endpointsUrl(base, id), path });
  }

  const huggingFaceIds = [
    ...new Set(entries.map((entry) => stringField(entry, 'hugging_face_id')).filter((id) => id !== null)),
  ].sort();
  for (const id of huggingFaceIds) {
    const path = huggingFaceConfigPath(id);
    if (path === null) skipped.push({ kind: 'huggingface', label: id, reason: 'Hugging Face id is not a plain org/name usable as a file name' });
    else claim({ kind: 'huggingface', label: id, url: huggingFaceConfigUrl(base, id), path });
  }
  return { jobs, skipped, variantCount };
}

/** Newest `<prefix><YYYY-MM-DD><suffix>` not after `date`: the last good copy of a dated source. */
export function latestDatedName(names: readonly string[], prefix: string, suffix: string, date: string): string | null {
  let best: string | null = null;
  let bestDate = '';
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const middle = name.slice(prefix.length, name.length - suffix.length);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(middle) || middle > date) continue;
    if (middle > bestDate) {
      best = name;
      bestDate = middle;
    }
  }
  return best;
}
