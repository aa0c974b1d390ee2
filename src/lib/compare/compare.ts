/**
 * Side-by-side comparison of 2 to 6 models: the rows of every normalized field, which rows differ,
 * the best value in each row, the workload cost rows, chart series, the `?models=` URL state, and the
 * curated pairs that get static pages. Pure: the static pair pages and the compare island both call it,
 * so a comparison reads the same with and without JavaScript.
 *
 * Best-value rules (a row marks a best value only when its values differ and at least two models have
 * a comparable value; ties are all marked):
 * - prices and workload costs: lowest ("cheapest"); "variable" and "not offered" take no part;
 * - context, max output, supported parameters, modalities, providers: highest ("longest"/"most");
 * - created: most recent ("newest");
 * - self-hosting memory (weights, KV cache): lowest ("smallest").
 * Architecture figures get no mark: more parameters or layers are not better or worse in themselves.
 */
import type { Architecture, ArchitectureField, HistoryPoint, Model, Price, Pricing, TokenPriceKey, UnitPriceKey } from '../data/schema.ts';
import { compareCosts } from '../pricing/pricing.ts';
import { singleRequest, workloadCost, type Workload, type WorkloadCost } from '../pricing/workload.ts';

export { workloadCost };
import { kvCacheBytes, weightsMemoryBytes } from '../data/architecture.ts';
import {
  formatBytes,
  formatCount,
  formatDate,
  formatParams,
  formatDiscount,
  formatPricePerMillion,
  formatUnitPrice,
  formatUsdRounded,
} from '../format/format.ts';
import { toSlug } from '../format/slug.ts';
import type { ArchitectureValues, CompareModel } from './compare-payload.ts';
import { TOKEN_PRICE_LABELS, UNIT_PRICE_LABELS } from '../pricing/price-labels.ts';

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 6;

// ---------------------------------------------------------------------------------------------
// The compact model the compare island fetches (/api/compare.json) and the static pages render.

export type { ArchitectureValues, CompareData, CompareModel } from './compare-payload.ts';

export function toCompareModel(model: Model): CompareModel {
  const { description: _d, notes: _n, sources: _s, providers, architecture, ...rest } = model;
  const values: Record<string, unknown> = {};
  for (const [key, figure] of Object.entries(architecture)) if (figure !== undefined) values[key] = figure.value;
  const sourceFigure = architecture.layers ?? architecture.totalParams ?? Object.values(architecture).find((f) => f !== undefined);
  return {
    ...rest,
    architecture: values as ArchitectureValues,
    architectureSource: sourceFigure ? { label: sourceFigure.source.label, url: sourceFigure.source.url } : null,
    providerCount: providers.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Workload and URL state

export type { Workload };

/** Compare counts requests per day over a 30-day month; its URL sets the token counts, cache shares and requests. */
export const DEFAULT_WORKLOAD: Readonly<Workload> = { ...singleRequest(2000, 500), requests: 1000, per: 'day', daysPerMonth: 30 };
/** The context at which self-hosting rows size the KV cache unless the user picks another. */
export const DEFAULT_KV_CONTEXT = 32_768;

export interface CompareState {
  /** Requested ids, in the order given, duplicates and the overflow past MAX_COMPARE removed. */
  ids: string[];
  duplicates: string[];
  /** Ids past the sixth, left out. */
  overflow: string[];
  workload: Workload;
  kvContext: number;
}

const WORKLOAD_PARAMS = { inputTokens: 'in', outputTokens: 'out', cacheReadPercent: 'cached', cacheWritePercent: 'cachewrite', requests: 'rpd' } as const;

function wholeNumberParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null || !/^\d{1,12}$/.test(raw.trim())) return fallback;
  return Math.min(Number(raw.trim()), max);
}

/**
 * Reads `?models=a,b,c` (also repeated `models=` or `compare=` parameters, which a plain HTML form of
 * checkboxes submits) and the optional workload parameters. Malformed numbers fall back to defaults.
 */
export function parseCompareQuery(search: string): CompareState {
  const params = new URLSearchParams(search);
  const requested = [...params.getAll('models'), ...params.getAll('compare')]
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const unique: string[] = [];
  for (const id of requested) {
    if (seen.has(id)) duplicates.push(id);
    else {
      seen.add(id);
      unique.push(id);
    }
  }
  return {
    ids: unique.slice(0, MAX_COMPARE),
    duplicates,
    overflow: unique.slice(MAX_COMPARE),
    workload: workloadParams(params),
    kvContext: wholeNumberParam(params, 'ctx', DEFAULT_KV_CONTEXT, 100_000_000) || DEFAULT_KV_CONTEXT,
  };
}

function workloadParams(params: URLSearchParams): Workload {
  const cacheReadPercent = wholeNumberParam(params, WORKLOAD_PARAMS.cacheReadPercent, DEFAULT_WORKLOAD.cacheReadPercent, 100);
  return {
    ...DEFAULT_WORKLOAD,
    inputTokens: wholeNumberParam(params, WORKLOAD_PARAMS.inputTokens, DEFAULT_WORKLOAD.inputTokens, 100_000_000),
    outputTokens: wholeNumberParam(params, WORKLOAD_PARAMS.outputTokens, DEFAULT_WORKLOAD.outputTokens, 100_000_000),
    cacheReadPercent,
    // Read and write shares are parts of one input: the write share takes at most what reading left.
    cacheWritePercent: wholeNumberParam(params, WORKLOAD_PARAMS.cacheWritePercent, DEFAULT_WORKLOAD.cacheWritePercent, 100 - cacheReadPercent),
    requests: wholeNumberParam(params, WORKLOAD_PARAMS.requests, DEFAULT_WORKLOAD.requests, 1_000_000_000),
  };
}

/** Ids keep "/" and ":" readable in the URL; everything else is percent-encoded. */
function encodeId(id: string): string {
  return encodeURIComponent(id).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

/**
 * The URL of a comparison: `/compare/?models=a,b`. Workload and KV context are written only when they
 * differ from the defaults, so shared links stay short.
 */
export function compareUrl(ids: readonly string[], options: { workload?: Workload; kvContext?: number } = {}): string {
  const parts = [`models=${ids.map(encodeId).join(',')}`];
  const { workload, kvContext } = options;
  if (workload) {
    for (const [field, name] of Object.entries(WORKLOAD_PARAMS) as [keyof typeof WORKLOAD_PARAMS, string][]) {
      if (workload[field] !== DEFAULT_WORKLOAD[field]) parts.push(`${name}=${workload[field]}`);
    }
  }
  if (kvContext !== undefined && kvContext !== DEFAULT_KV_CONTEXT) parts.push(`ctx=${kvContext}`);
  return `/compare/?${parts.join('&')}`;
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

// ---------------------------------------------------------------------------------------------
// Rows

export type BestRule = 'lowest' | 'highest';

export interface CompareCell {
  text: string;
  /** What equality means for this cell: two cells with the same key show the same value. */
  key: string;
  /** A comparable value for the best mark: a number, or an exact decimal string for money. */
  rank: number | { decimal: string } | null;
  href?: string;
  code?: boolean;
  /** A short qualifier shown under the value ("at its 16,384 maximum"). */
  note?: string;
}

export interface CompareRow {
  id: string;
  label: string;
  /** What the row means, for a tooltip-free explanation under the label. */
  hint?: string;
  cells: CompareCell[];
  differs: boolean;
  /** Per column: whether the cell holds the best value of the row. */
  best: boolean[];
  /** The word shown on the best cells ("cheapest", "longest"…); null when the row has no best rule. */
  bestLabel: string | null;
  /** One statement about all the models (every cell the same): shown once across the columns. */
  shared?: boolean;
}

export interface RowGroup {
  id: string;
  title: string;
  rows: CompareRow[];
}

function compareRanks(a: NonNullable<CompareCell['rank']>, b: NonNullable<CompareCell['rank']>): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'object' && typeof b === 'object') return compareCosts(a.decimal, b.decimal);
  throw new TypeError('a row mixes numeric and decimal ranks');
}

/** Which cells hold the best value: only when values differ and two or more can be ranked. */
export function bestCells(cells: readonly CompareCell[], rule: BestRule | null): boolean[] {
  const none = cells.map(() => false);
  if (rule === null || new Set(cells.map((c) => c.key)).size < 2) return none;
  const ranked = cells.filter((c) => c.rank !== null);
  if (ranked.length < 2) return none;
  let extreme = ranked[0]!.rank!;
  for (const cell of ranked) {
    const order = compareRanks(cell.rank!, extreme);
    if (rule === 'lowest' ? order < 0 : order > 0) extreme = cell.rank!;
  }
  const isBest = cells.map((c) => c.rank !== null && compareRanks(c.rank, extreme) === 0);
  // All ranked values equal (the row differs only by unknowns): nothing is better than anything else.
  return isBest.filter(Boolean).length === ranked.length ? none : isBest;
}

function row(
  id: string,
  label: string,
  cells: CompareCell[],
  best: { rule: BestRule; label: string } | null = null,
  hint?: string,
): CompareRow {
  const marks = bestCells(cells, best?.rule ?? null);
  return {
    id,
    label,
    ...(hint === undefined ? {} : { hint }),
    cells,
    differs: new Set(cells.map((c) => c.key)).size > 1,
    best: marks,
    bestLabel: marks.some(Boolean) ? (best?.label ?? null) : null,
  };
}

const UNKNOWN: CompareCell = { text: 'unknown', key: 'unknown', rank: null };

function textCell(value: string | null | undefined, fallback = 'none'): CompareCell {
  return value === null || value === undefined || value === '' ? { text: fallback, key: `∅${fallback}`, rank: null } : { text: value, key: value, rank: null };
}

function countCell(value: number | null | undefined): CompareCell {
  return value === null || value === undefined ? UNKNOWN : { text: formatCount(value), key: String(value), rank: value };
}

function daysSinceEpoch(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

function dateCell(isoDate: string | null, fallback: string): CompareCell {
  if (isoDate === null) return { text: fallback, key: `∅${fallback}`, rank: null };
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
    ? { text: formatDate(isoDate), key: isoDate, rank: daysSinceEpoch(isoDate) }
    : { text: isoDate, key: isoDate, rank: null };
}

function listCell(values: readonly string[]): CompareCell {
  const sorted = [...values].sort();
  return values.length === 0 ? { text: 'none', key: '∅', rank: 0 } : { text: values.join(', '), key: sorted.join(','), rank: values.length };
}

function priceCell(price: Price | undefined, format: (p: Price | undefined) => string): CompareCell {
  const text = format(price);
  if (price === undefined || price === 'variable') return { text, key: text, rank: null };
  return { text, key: price, rank: { decimal: price } };
}

/** 1000000 → "1e6 (1,000,000)": rope-theta is usually quoted in exponent form. */
export function formatRopeTheta(value: number): string {
  const exponent = value.toExponential().replace('e+', 'e');
  return value >= 10_000 ? `${exponent} (${formatCount(value)})` : formatCount(value);
}


const TOKEN_KEYS = Object.keys(TOKEN_PRICE_LABELS) as TokenPriceKey[];
const UNIT_KEYS = Object.keys(UNIT_PRICE_LABELS) as UnitPriceKey[];

function tiersText(pricing: Pricing): string {
  if (pricing.tiers.length === 0) return 'none';
  return pricing.tiers
    .map((tier) => {
      const prices = TOKEN_KEYS.filter((k) => tier.perMillionTokens[k] !== undefined)
        .map((k) => `${TOKEN_PRICE_LABELS[k].toLowerCase()} ${formatPricePerMillion(tier.perMillionTokens[k])}`)
        .join(', ');
      return `from ${formatCount(tier.minPromptTokens)} prompt tokens: ${prices || 'same prices'}`;
    })
    .join('; ');
}

const CHEAPEST = { rule: 'lowest', label: 'cheapest' } as const;
const LONGEST = { rule: 'highest', label: 'longest' } as const;
const MOST = { rule: 'highest', label: 'most' } as const;
const NEWEST = { rule: 'highest', label: 'newest' } as const;
const SMALLEST = { rule: 'lowest', label: 'smallest' } as const;

/** Whether any architecture figure is known, i.e. an absent figure means "not in this architecture". */
function architectureKnown(model: CompareModel): boolean {
  return Object.keys(model.architecture).length > 0;
}

function identityRows(models: readonly CompareModel[]): CompareRow[] {
  return [
    row('id', 'Id', models.map((m) => ({ text: m.id, key: m.id, rank: null, code: true }))),
    row('author', 'Author', models.map((m) => ({ text: `${m.authorLabel} (${m.author})`, key: m.author, rank: null }))),
    row('model-name', 'Model name', models.map((m) => textCell(m.modelName))),
    row(
      'variant',
      'Variant',
      models.map((m) =>
        m.variant === null
          ? { text: m.variantIds.length > 0 ? `base model (variants: ${m.variantIds.join(', ')})` : 'none', key: '∅', rank: null }
          : { text: `:${m.variant}${m.baseId ? ` of ${m.baseId}` : ''}`, key: m.variant, rank: null, ...(m.baseId ? { href: `/models/${toSlug(m.baseId)}/` } : {}) },
      ),
    ),
    row(
      'hugging-face',
      'Hugging Face repository',
      models.map((m) =>
        m.huggingFaceId === null
          ? { text: 'none (closed weights or not stated)', key: '∅', rank: null }
          : { text: m.huggingFaceId, key: m.huggingFaceId, rank: null, href: `https://huggingface.co/${m.huggingFaceId}`, code: true },
      ),
    ),
    row('canonical-slug', 'Canonical slug', models.map((m) => ({ ...textCell(m.canonicalSlug), code: m.canonicalSlug !== null }))),
    row(
      'status',
      'Status',
      models.map((m) =>
        m.listed
          ? { text: 'listed', key: 'listed', rank: null }
          : { text: `retired since ${m.retiredSince ? formatDate(m.retiredSince) : 'unknown'}`, key: `retired ${m.retiredSince}`, rank: null },
      ),
    ),
    row('tags', 'Tags', models.map((m) => ({ ...listCell(m.tags), rank: null }))),
  ];
}

function dateRows(models: readonly CompareModel[]): CompareRow[] {
  return [
    row('created', 'Created', models.map((m) => dateCell(m.created, 'unknown')), NEWEST),
    row('first-seen', 'First seen in a snapshot', models.map((m) => ({ ...dateCell(m.firstSeen, 'unknown'), rank: null }))),
    row('last-seen', 'Last seen in a snapshot', models.map((m) => ({ ...dateCell(m.lastSeen, 'unknown'), rank: null }))),
    row('expiration', 'Expiration date', models.map((m) => ({ ...dateCell(m.expirationDate, 'none announced'), rank: null }))),
  ];
}

function limitRows(models: readonly CompareModel[]): CompareRow[] {
  return [
    row('context', 'Context length (tokens)', models.map((m) => countCell(m.contextLength)), LONGEST),
    row('max-output', 'Max output tokens', models.map((m) => countCell(m.maxCompletionTokens)), LONGEST),
    row('input-modalities', 'Input modalities', models.map((m) => listCell(m.inputModalities)), MOST),
    row('output-modalities', 'Output modalities', models.map((m) => listCell(m.outputModalities)), MOST),
    row('tokenizer', 'Tokenizer', models.map((m) => textCell(m.tokenizer, 'unknown'))),
    row('instruct-type', 'Instruct type', models.map((m) => textCell(m.instructType))),
    row(
      'supported-parameters',
      'Supported parameters',
      models.map((m) => {
        const cell = listCell(m.supportedParameters);
        return m.supportedParameters.length === 0 ? cell : { ...cell, text: `${m.supportedParameters.length}: ${cell.text}` };
      }),
      MOST,
    ),
    row(
      'moderated',
      'Moderated by the provider',
      models.map((m) => textCell(m.isModerated === null ? null : m.isModerated ? 'yes' : 'no', 'unknown')),
    ),
    row('providers', 'Providers (endpoints)', models.map((m) => countCell(m.providerCount)), MOST),
  ];
}

function pricingRows(models: readonly CompareModel[]): CompareRow[] {
  const rows: CompareRow[] = [];
  const unpriced: string[] = [];
  for (const key of TOKEN_KEYS) {
    const stated = models.some((m) => m.pricing.perMillionTokens[key] !== undefined);
    if (!stated && key !== 'input' && key !== 'output') {
      unpriced.push(TOKEN_PRICE_LABELS[key].toLowerCase());
      continue;
    }
    rows.push(
      row(`price-${key}`, `${TOKEN_PRICE_LABELS[key]} ($ per 1M tokens)`, models.map((m) => priceCell(m.pricing.perMillionTokens[key], formatPricePerMillion)), CHEAPEST),
    );
  }
  for (const key of UNIT_KEYS) {
    if (!models.some((m) => m.pricing.perUnit[key] !== undefined)) {
      unpriced.push(UNIT_PRICE_LABELS[key].toLowerCase());
      continue;
    }
    rows.push(row(`price-${key}`, `${UNIT_PRICE_LABELS[key]} ($)`, models.map((m) => priceCell(m.pricing.perUnit[key], formatUnitPrice)), CHEAPEST));
  }
  rows.push(
    row(
      'discount',
      'Discount',
      models.map((m) =>
        m.pricing.discount === undefined
          ? { text: 'none', key: '∅', rank: null }
          : { text: formatDiscount(m.pricing.discount), key: m.pricing.discount, rank: null },
      ),
    ),
    row('tiers', 'Prompt-length tiers', models.map((m) => textCell(tiersText(m.pricing)))),
  );
  if (models.some((m) => Object.keys(m.pricing.unknown).length > 0)) {
    rows.push(
      row(
        'price-unknown',
        'Other upstream prices (as stated, per token or unit)',
        models.map((m) => listCell(Object.entries(m.pricing.unknown).map(([k, v]) => `${k}: ${v}`))),
      ),
    );
  }
  if (unpriced.length > 0) {
    rows.push({
      ...row(
        'price-unpriced',
        'Not priced by any model here',
        models.map(() => ({ text: unpriced.join(', '), key: 'same', rank: null })),
        null,
        'Dimensions none of these models states a price for.',
      ),
      shared: true,
    });
  }
  return rows;
}

function costCell(cost: WorkloadCost, period: 'perRequest' | 'perDay' | 'perMonth'): CompareCell {
  if (cost.kind !== 'priced') {
    const text = `${cost.kind === 'variable' ? 'variable' : 'not available'}: ${cost.reason}`;
    return { text, key: text, rank: null };
  }
  const amount = cost[period];
  return { text: formatUsdRounded(amount), key: amount, rank: { decimal: amount } };
}

export function describeWorkload(workload: Workload): string {
  const shares = [
    workload.cacheReadPercent > 0 ? `${workload.cacheReadPercent}% read from cache` : null,
    workload.cacheWritePercent > 0 ? `${workload.cacheWritePercent}% written to cache` : null,
  ].filter((s): s is string => s !== null);
  const cached = shares.length > 0 ? ` (${shares.join(', ')})` : '';
  return `${formatCount(workload.inputTokens)} input tokens${cached} and ${formatCount(workload.outputTokens)} output tokens per request, ${formatCount(workload.requests)} requests a day, ${workload.daysPerMonth}-day month`;
}

function workloadRows(models: readonly CompareModel[], workload: Workload): CompareRow[] {
  const costs = models.map((m) => workloadCost(m.pricing, workload));
  const rows = [
    row('cost-request', 'Per request', costs.map((c) => costCell(c, 'perRequest')), CHEAPEST),
    row('cost-day', 'Per day', costs.map((c) => costCell(c, 'perDay')), CHEAPEST),
    row('cost-month', `Per month (${workload.daysPerMonth} days)`, costs.map((c) => costCell(c, 'perMonth')), CHEAPEST),
  ];
  if (costs.some((c) => c.kind === 'priced' && (c.tier !== null || c.discount !== null))) {
    rows.push(
      row(
        'cost-tier',
        'Tier or discount applied',
        costs.map((c) => {
          if (c.kind !== 'priced') return textCell(null, 'n/a');
          const parts = [
            c.tier ? `tier from ${formatCount(c.tier.minPromptTokens)} prompt tokens` : null,
            c.discount ? formatDiscount(c.discount) : null,
          ].filter((p): p is string => p !== null);
          return textCell(parts.join(', '), 'none');
        }),
      ),
    );
  }
  if (workload.cacheReadPercent > 0) {
    rows.push(
      row(
        'cost-cache-note',
        'Cached input billed at',
        models.map((m) =>
          m.pricing.perMillionTokens.cacheRead === undefined
            ? { text: 'the input price (no cache read price stated)', key: 'input', rank: null }
            : { text: formatPricePerMillion(m.pricing.perMillionTokens.cacheRead), key: m.pricing.perMillionTokens.cacheRead, rank: null },
        ),
      ),
    );
  }
  return rows;
}

function archCount(
  models: readonly CompareModel[],
  field: ArchitectureField,
  label: string,
  format: (value: number) => string = formatCount,
  absent = 'unknown',
): CompareRow {
  return row(
    `arch-${field}`,
    label,
    models.map((m) => {
      const value = m.architecture[field];
      if (typeof value !== 'number') return { text: absent, key: `∅${absent}`, rank: null };
      return { text: format(value), key: String(value), rank: null };
    }),
  );
}

function architectureRows(models: readonly CompareModel[]): CompareRow[] {
  const expertsCell = (m: CompareModel, field: 'experts' | 'expertsPerToken' | 'sharedExperts'): CompareCell => {
    const value = m.architecture[field];
    if (typeof value === 'number') return { text: formatCount(value), key: String(value), rank: null };
    if (!architectureKnown(m)) return UNKNOWN;
    if (m.architecture.experts === undefined) return { text: field === 'experts' ? 'none (dense)' : 'n/a (dense)', key: 'none', rank: null };
    return { text: 'not stated', key: 'not stated', rank: null };
  };
  return [
    archCount(models, 'totalParams', 'Total parameters', formatParams),
    archCount(models, 'activeParams', 'Active parameters per token', formatParams),
    archCount(models, 'layers', 'Layers'),
    archCount(models, 'hiddenSize', 'Hidden size'),
    archCount(models, 'intermediateSize', 'Intermediate (MLP) size'),
    archCount(models, 'attentionHeads', 'Attention heads'),
    archCount(models, 'kvHeads', 'Key/value heads'),
    archCount(models, 'headDim', 'Head dimension'),
    archCount(models, 'vocabSize', 'Vocabulary size'),
    archCount(models, 'maxPositionEmbeddings', 'Max position embeddings'),
    archCount(models, 'ropeTheta', 'RoPE theta', formatRopeTheta),
    row(
      'arch-slidingWindow',
      'Sliding window',
      models.map((m) => {
        const value = m.architecture.slidingWindow;
        if (value === undefined) return UNKNOWN;
        return value === 'none' ? { text: 'none (full attention)', key: 'none', rank: null } : { text: `${formatCount(value)} tokens`, key: String(value), rank: null };
      }),
    ),
    row('arch-experts', 'Experts (MoE)', models.map((m) => expertsCell(m, 'experts'))),
    row('arch-expertsPerToken', 'Experts per token', models.map((m) => expertsCell(m, 'expertsPerToken'))),
    row('arch-sharedExperts', 'Shared experts', models.map((m) => expertsCell(m, 'sharedExperts'))),
    archCount(models, 'kvCacheBytesPerToken', 'KV cache per token (16-bit)', formatBytes),
    row('arch-dtype', 'Weights dtype', models.map((m) => textCell(m.architecture.dtype, 'unknown'))),
    row('arch-modelType', 'Model type', models.map((m) => ({ ...textCell(m.architecture.modelType, 'unknown'), code: m.architecture.modelType !== undefined }))),
    row(
      'arch-source',
      'Architecture source',
      models.map((m) =>
        m.architectureSource === null
          ? { text: 'none found', key: '∅', rank: null }
          : { text: m.architectureSource.label, key: m.architectureSource.url ?? m.architectureSource.label, rank: null, ...(m.architectureSource.url ? { href: m.architectureSource.url } : {}) },
      ),
    ),
  ];
}

/** architecture.ts sizes the KV cache from figures with sources; the values alone carry no source. */
function asArchitecture(values: ArchitectureValues): Architecture {
  const source = { kind: 'computed', label: 'compare', url: null } as const;
  const architecture: Architecture = {};
  if (values.kvCacheBytesPerToken !== undefined) architecture.kvCacheBytesPerToken = { value: values.kvCacheBytesPerToken, source };
  if (values.slidingWindow !== undefined) architecture.slidingWindow = { value: values.slidingWindow, source };
  return architecture;
}

function bytesCell(bytes: number | null, note?: string): CompareCell {
  if (bytes === null) return UNKNOWN;
  return { text: formatBytes(bytes), key: String(bytes), rank: bytes, ...(note ? { note } : {}) };
}

function selfHostingRows(models: readonly CompareModel[], kvContext: number): CompareRow[] {
  const weights = (bits: 16 | 8 | 4) =>
    row(
      `weights-${bits}`,
      `Weights memory at ${bits}-bit`,
      models.map((m) => bytesCell(m.architecture.totalParams === undefined ? null : weightsMemoryBytes(m.architecture.totalParams, bits))),
      SMALLEST,
    );
  return [
    weights(16),
    weights(8),
    weights(4),
    row(
      'kv-cache',
      `KV cache at ${formatCount(kvContext)} tokens (16-bit, one sequence)`,
      models.map((m) => {
        const tokens = m.contextLength !== null && m.contextLength < kvContext ? m.contextLength : kvContext;
        const note = tokens < kvContext ? `at its ${formatCount(tokens)}-token maximum` : undefined;
        return bytesCell(kvCacheBytes(asArchitecture(m.architecture), tokens), note);
      }),
      SMALLEST,
      'A sliding-window model caches at most its window.',
    ),
  ];
}

export interface CompareOptions {
  workload: Workload;
  kvContext: number;
}

/** Every row of the comparison, grouped, for the models in the order given. */
export function compareRows(models: readonly CompareModel[], options: CompareOptions): RowGroup[] {
  return [
    { id: 'identity', title: 'Identity', rows: identityRows(models) },
    { id: 'dates', title: 'Dates', rows: dateRows(models) },
    { id: 'limits', title: 'Context, output and capabilities', rows: limitRows(models) },
    { id: 'pricing', title: 'Pricing', rows: pricingRows(models) },
    { id: 'workload', title: `Workload cost: ${describeWorkload(options.workload)}`, rows: workloadRows(models, options.workload) },
    { id: 'architecture', title: 'Architecture', rows: architectureRows(models) },
    { id: 'self-hosting', title: 'Self-hosting memory', rows: selfHostingRows(models, options.kvContext) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Chart series. Numbers here only position marks on a chart; every figure a reader sees in text
// comes from the exact decimal strings.

export interface PriceHistoryStep {
  date: string;
  input: Price;
  output: Price;
  contextLength: number | null;
  /** The closing step: the same prices carried to the last date seen, not a change. */
  closing: boolean;
}

/**
 * A model's price history as steps: one per snapshot where input or output price changed, plus a
 * closing step at the last date the model was seen (or the catalog date while listed), so the last
 * price shows as a segment rather than a lone point.
 */
export function priceHistorySteps(model: Pick<CompareModel, 'history' | 'listed' | 'lastSeen'>, asOf: string): PriceHistoryStep[] {
  const steps: PriceHistoryStep[] = [];
  const sorted = [...model.history].sort((a: HistoryPoint, b: HistoryPoint) => a.date.localeCompare(b.date));
  for (const point of sorted) {
    const step = {
      date: point.date,
      input: point.pricing.perMillionTokens.input,
      output: point.pricing.perMillionTokens.output,
      contextLength: point.contextLength,
      closing: false,
    };
    const last = steps.at(-1);
    if (last && last.input === step.input && last.output === step.output && last.contextLength === step.contextLength) continue;
    steps.push(step);
  }
  const end = model.listed ? asOf : model.lastSeen;
  const last = steps.at(-1);
  if (last && end > last.date) steps.push({ ...last, date: end, closing: true });
  return steps;
}

/** Days since 1970-01-01 for a date axis (chart.js needs numbers; no date adapter is shipped). */
export function dayNumber(isoDate: string): number {
  return daysSinceEpoch(isoDate);
}

export function isoFromDayNumber(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

/** A decimal price as a number for plotting; null for "variable" or absent prices. */
export function plotPrice(price: Price | undefined): number | null {
  return price === undefined || price === 'variable' ? null : Number(price);
}

/** The token price dimensions at least one of the models states, in label order. */
export function statedTokenDimensions(models: readonly CompareModel[]): TokenPriceKey[] {
  return TOKEN_KEYS.filter((key) => models.some((m) => m.pricing.perMillionTokens[key] !== undefined));
}

// ---------------------------------------------------------------------------------------------
// Curated pairs with static pages

export const SEED_PAIR = ['mistralai/mistral-7b-instruct-v0.2', 'mistralai/mixtral-8x7b-instruct'] as const;

export type PairReason = 'seeds' | 'variant' | 'predecessor';

export interface CuratedPair {
  slug: string;
  ids: [string, string];
  reason: PairReason;
}

/**
 * `/compare/<a>-vs-<b>/`: each id through toSlug with "/" as "-", so
 * mistralai/mistral-7b-instruct-v0.2 vs mistralai/mixtral-8x7b-instruct becomes
 * "mistralai-mistral-7b-instruct-v0.2-vs-mistralai-mixtral-8x7b-instruct". Pages are looked up by
 * this slug, never parsed back; curatedPairs() refuses two pairs with the same slug.
 */
export function pairSlug(a: string, b: string): string {
  const part = (id: string) => toSlug(id).replace(/\//g, '-');
  return `${part(a)}-vs-${part(b)}`;
}

export function pairPath(pair: Pick<CuratedPair, 'slug'>): string {
  return `/compare/${pair.slug}/`;
}

const VERSION_TOKEN = /^v?\d{1,3}(\.\d+)*$/;
/** Four digits or more ("2407", "0528") or a date stamp: a snapshot, not a version. */
const SNAPSHOT_TOKEN = /^\d{4,}$/;

const familyCache = new Map<string, string>();
const versionCache = new Map<string, number[] | null>();

function nameTokens(modelName: string): string[] {
  return modelName.toLowerCase().split(/[\s\-_/:(),]+/).filter(Boolean);
}

/**
 * The name family: the model name's words without version numbers or snapshot stamps, a trailing
 * version glued to a word ("Qwen2.5" → "qwen", "o3" → "o") removed, as a sorted set so "Claude 3.5
 * Sonnet" and "Claude Sonnet 4" are one family. Size words ("7b", "8x7b") stay: sizes are lines.
 */
export function nameFamily(modelName: string): string {
  const cached = familyCache.get(modelName);
  if (cached !== undefined) return cached;
  const words = nameTokens(modelName)
    .filter((t) => !VERSION_TOKEN.test(t) && !SNAPSHOT_TOKEN.test(t))
    .map((t) => t.replace(/^([a-z]+)\d+(\.\d+)*$/, '$1'));
  const family = [...new Set(words)].sort().join(' ');
  familyCache.set(modelName, family);
  return family;
}

/** The first version number in a name ("Qwen3.5 Plus 2026-02-15" → [3, 5]); null when it has none. */
export function nameVersion(modelName: string): number[] | null {
  const cached = versionCache.get(modelName);
  if (cached !== undefined) return cached;
  let version: number[] | null = null;
  for (const token of nameTokens(modelName)) {
    if (SNAPSHOT_TOKEN.test(token)) continue;
    const match = /^(?:[a-z]*?)v?(\d{1,3}(?:\.\d+)*)$/.exec(token);
    if (match?.[1]) {
      version = match[1].split('.').map(Number);
      break;
    }
  }
  versionCache.set(modelName, version);
  return version;
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

type PairModel = Pick<Model, 'id' | 'author' | 'modelName' | 'variant' | 'created' | 'baseId' | 'variantIds'>;

/**
 * A model's predecessor: of the base (non-variant) models by the same author, in the same name family
 * and with a different name, created strictly earlier and not carrying a higher version number, the
 * most recently created one (ties: the higher version, then the id). Null when there is none.
 */
export function predecessorOf<M extends PairModel>(model: M, models: readonly M[]): M | null {
  if (model.variant !== null) return null;
  const family = nameFamily(model.modelName);
  if (family === '') return null;
  const version = nameVersion(model.modelName);
  let best: M | null = null;
  for (const other of models) {
    if (other.id === model.id || other.variant !== null || other.author !== model.author) continue;
    if (other.modelName === model.modelName || other.created >= model.created) continue;
    if (nameFamily(other.modelName) !== family) continue;
    const otherVersion = nameVersion(other.modelName);
    if (version && otherVersion && compareVersions(otherVersion, version) > 0) continue;
    if (best === null || other.created > best.created) best = other;
    else if (other.created === best.created) {
      const bestVersion = nameVersion(best.modelName);
      const order = otherVersion && bestVersion ? compareVersions(otherVersion, bestVersion) : 0;
      if (order > 0 || (order === 0 && other.id < best.id)) best = other;
    }
  }
  return best;
}

/**
 * The pairs that get static pages: the seeds pair first, then every base model against each of its
 * variants, then every model against its predecessor. A pair of the same two models is listed once.
 */
export function curatedPairs<M extends PairModel>(models: readonly M[]): CuratedPair[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const pairs: CuratedPair[] = [];
  const seenSets = new Set<string>();
  const slugs = new Map<string, string>();
  const add = (a: string, b: string, reason: PairReason) => {
    const set = [a, b].sort().join('\n');
    if (a === b || seenSets.has(set)) return;
    const slug = pairSlug(a, b);
    const clash = slugs.get(slug);
    if (clash !== undefined) throw new Error(`Compare pages ${clash} and ${a} vs ${b} would both be /compare/${slug}/; change pairSlug().`);
    seenSets.add(set);
    slugs.set(slug, `${a} vs ${b}`);
    pairs.push({ slug, ids: [a, b], reason });
  };
  if (byId.has(SEED_PAIR[0]) && byId.has(SEED_PAIR[1])) add(SEED_PAIR[0], SEED_PAIR[1], 'seeds');
  const sorted = [...models].sort((a, b) => a.id.localeCompare(b.id));
  for (const model of sorted) {
    for (const variantId of [...model.variantIds].sort()) if (byId.has(variantId)) add(model.id, variantId, 'variant');
  }
  for (const model of sorted) {
    const predecessor = predecessorOf(model, models);
    if (predecessor) add(model.id, predecessor.id, 'predecessor');
  }
  return pairs;
}

export function pairSummary(pair: CuratedPair, names: [string, string]): string {
  switch (pair.reason) {
    case 'seeds':
      return `${names[0]} against ${names[1]}: Mistral's dense 7B model and its sparse mixture-of-experts sibling.`;
    case 'variant':
      return `${names[0]} against its variant ${names[1]} (${pair.ids[1].slice(pair.ids[1].lastIndexOf(':'))}).`;
    case 'predecessor':
      return `${names[0]} against its predecessor ${names[1]}: the same author's earlier model of the same name family.`;
  }
}

/** Short column names for headers and chart legends; the id when two compared models share a name. */
export function columnLabels(models: readonly Pick<CompareModel, 'id' | 'modelName'>[]): string[] {
  return models.map((m) => (models.filter((o) => o.modelName === m.modelName).length > 1 ? m.id : m.modelName));
}

/**
 * Models offered as quick picks on /compare/: the two seeds, then the most recently created listed
 * base model of each of the ten authors with the most listed models.
 */
export function quickPicks<M extends Pick<Model, 'id' | 'author' | 'listed' | 'variant' | 'created'>>(models: readonly M[], authors = 10): M[] {
  const picks = SEED_PAIR.map((id) => models.find((m) => m.id === id)).filter((m): m is M => m !== undefined);
  const byAuthor = new Map<string, M[]>();
  for (const m of models) {
    if (!m.listed || m.variant !== null) continue;
    byAuthor.set(m.author, [...(byAuthor.get(m.author) ?? []), m]);
  }
  const top = [...byAuthor.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, authors);
  for (const [, list] of top) {
    const newest = [...list].sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id))[0];
    if (newest && !picks.includes(newest)) picks.push(newest);
  }
  return picks;
}
