/**
 * The compare page's URL is its state: `/compare/?models=a,b,c` plus the workload and KV-cache
 * context when they differ from the defaults (so shared links stay short). Spelled through the
 * shared query helpers of src/lib/format/url-state.ts.
 */
import { readList, readWholeNumber, uniqueItems, writeQuery } from '../format/url-state.ts';
import { singleRequest, workloadField, type Workload } from '../pricing/workload.ts';

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

/** What compare prices unless the link says otherwise: a chat-sized request, 1,000 a day, 30-day month. */
export const DEFAULT_WORKLOAD: Readonly<Workload> = { ...singleRequest(2000, 500), requests: 1000, per: 'day', daysPerMonth: 30 };
/** The context at which self-hosting rows size the KV cache unless the user picks another. */
export const DEFAULT_KV_CONTEXT = 32_768;

/**
 * The workload fields a compare link may set: the calculator's parameters, except that compare's
 * requests are always per day (`rpd`).
 */
export const COMPARE_WORKLOAD_PARAMS = [
  ...(['inputTokens', 'outputTokens', 'cacheReadPercent', 'cacheWritePercent'] as const).map((field) => {
    const { param, max, label } = workloadField(field);
    return { field, param, max, label };
  }),
  { field: 'requests', param: 'rpd', max: 1_000_000_000, label: 'Requests per day' },
] as const satisfies readonly { field: keyof Workload; param: string; max: number; label: string }[];

export const KV_CONTEXT_PARAM = { param: 'ctx', max: 100_000_000, label: 'KV cache sized at (tokens)' } as const;

export interface CompareState {
  /** Requested ids, in the order given, duplicates and the overflow past MAX_COMPARE removed. */
  ids: string[];
  duplicates: string[];
  /** Ids past the sixth, left out. */
  overflow: string[];
  workload: Workload;
  kvContext: number;
}

/**
 * Reads `?models=a,b,c` (also repeated `models=` or `compare=` parameters, which a plain HTML form of
 * checkboxes submits) and the optional workload parameters. Malformed numbers fall back to defaults;
 * a cache-write share larger than what reading left is cut to fit.
 */
export function parseCompareQuery(search: string): CompareState {
  const params = new URLSearchParams(search);
  const { unique, repeated } = uniqueItems(readList(params, ['models', 'compare']));
  const workload: Workload = { ...DEFAULT_WORKLOAD };
  for (const { field, param, max } of COMPARE_WORKLOAD_PARAMS) {
    const read = readWholeNumber(params, param, { min: 0, max });
    if (read.state === 'ok') workload[field] = read.value;
  }
  workload.cacheWritePercent = Math.min(workload.cacheWritePercent, 100 - workload.cacheReadPercent);
  const kv = readWholeNumber(params, KV_CONTEXT_PARAM.param, { min: 1, max: KV_CONTEXT_PARAM.max });
  return {
    ids: unique.slice(0, MAX_COMPARE),
    duplicates: repeated,
    overflow: unique.slice(MAX_COMPARE),
    workload,
    kvContext: kv.state === 'ok' ? kv.value : DEFAULT_KV_CONTEXT,
  };
}

/** The URL of a comparison, `/compare/?models=a,b`; workload and KV context only when not the defaults. */
export function compareUrl(ids: readonly string[], options: { workload?: Workload; kvContext?: number } = {}): string {
  const { workload, kvContext } = options;
  const query = writeQuery([
    ['models', ids],
    ...COMPARE_WORKLOAD_PARAMS.map(({ field, param }) => [param, workload && workload[field] !== DEFAULT_WORKLOAD[field] ? workload[field] : null] as const),
    [KV_CONTEXT_PARAM.param, kvContext !== undefined && kvContext !== DEFAULT_KV_CONTEXT ? kvContext : null],
  ]);
  return `/compare/?${query}`;
}

export interface Resolved<M> {
  models: M[];
  unknown: string[];
}

/** The known models in the order asked, and the ids the catalog does not have. */
export function resolveIds<M>(ids: readonly string[], lookup: (id: string) => M | undefined): Resolved<M> {
  const models: M[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const model = lookup(id);
    if (model === undefined) unknown.push(id);
    else models.push(model);
  }
  return { models, unknown };
}
