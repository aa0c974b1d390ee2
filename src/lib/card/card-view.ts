/**
 * What a model card shows, as plain rows of text: every pricing dimension, the architecture figures
 * with their sources, and the self-hosting estimate. Components only lay these rows out, so the rule
 * "never an empty cell, never undefined" is enforced (and tested) here.
 */
import Big from 'big.js';
import { VARIABLE_PRICE, type Architecture, type ArchitectureField, type Model, type Pricing, type SourceRef, type TokenPriceKey, type UnitPriceKey } from '../data/schema.ts';
import { formatBytes, formatCount, formatDiscount, formatParams, formatPricePerMillion, formatRopeTheta, formatUnitPrice } from '../format/format.ts';
import { kvCacheBytes, weightsMemoryBytes } from '../data/architecture.ts';
import { TOKEN_PRICE_LABELS, UNIT_PRICE_LABELS } from '../pricing/price-labels.ts';

export interface PriceRow {
  label: string;
  text: string;
  /** Extra words a reader needs: "per 1M tokens", "per unit". */
  unit: string;
}

export interface PriceTierView {
  heading: string;
  rows: PriceRow[];
}

export interface PricingView {
  free: boolean;
  variable: boolean;
  rows: PriceRow[];
  tiers: PriceTierView[];
  discount: string | null;
  /** Pricing keys the pipeline does not know, verbatim as upstream wrote them. */
  unknown: PriceRow[];
}

function tokenRows(prices: Partial<Record<TokenPriceKey, string>>, always: readonly TokenPriceKey[]): PriceRow[] {
  return (Object.keys(TOKEN_PRICE_LABELS) as TokenPriceKey[])
    .filter((key) => always.includes(key) || prices[key] !== undefined)
    .map((key) => ({ label: TOKEN_PRICE_LABELS[key], text: formatPricePerMillion(prices[key]), unit: 'per 1M tokens' }));
}

function unitRows(prices: Partial<Record<UnitPriceKey, string>> | undefined): PriceRow[] {
  return (Object.keys(UNIT_PRICE_LABELS) as UnitPriceKey[])
    .filter((key) => prices?.[key] !== undefined)
    .map((key) => ({ label: UNIT_PRICE_LABELS[key], text: formatUnitPrice(prices?.[key]), unit: 'USD each' }));
}

const isZero = (price: string | undefined) => price !== undefined && price !== VARIABLE_PRICE && new Big(price).eq(0);

/** Free means input and output tokens cost nothing: the same rule as the `free` tag (lib/tags.ts). */
export function isFreeModel(pricing: Pricing): boolean {
  return isZero(pricing.perMillionTokens.input) && isZero(pricing.perMillionTokens.output);
}

export function pricingView(pricing: Pricing): PricingView {
  const all = [...Object.values(pricing.perMillionTokens), ...Object.values(pricing.perUnit)];
  return {
    free: isFreeModel(pricing),
    variable: all.includes(VARIABLE_PRICE),
    rows: [...tokenRows(pricing.perMillionTokens, ['input', 'output']), ...unitRows(pricing.perUnit)],
    tiers: pricing.tiers.map((tier) => ({
      heading: `Prompts of ${formatCount(tier.minPromptTokens)} tokens or more`,
      rows: [...tokenRows(tier.perMillionTokens, []), ...unitRows(tier.perUnit)],
    })),
    discount: pricing.discount === undefined ? null : formatDiscount(pricing.discount),
    unknown: Object.entries(pricing.unknown).map(([key, value]) => ({ label: key, text: value, unit: 'as upstream states it' })),
  };
}

// ---------------------------------------------------------------------------------------------
// Architecture

export interface FigureRow {
  field: ArchitectureField;
  label: string;
  text: string;
  source: SourceRef | null;
}

const FIGURE_LABELS: [ArchitectureField, string][] = [
  ['totalParams', 'Total parameters'],
  ['activeParams', 'Active parameters per token'],
  ['experts', 'Experts'],
  ['expertsPerToken', 'Experts per token'],
  ['sharedExperts', 'Shared experts'],
  ['layers', 'Layers'],
  ['hiddenSize', 'Hidden size'],
  ['intermediateSize', 'Intermediate (MLP) size'],
  ['attentionHeads', 'Attention heads'],
  ['kvHeads', 'Key/value heads'],
  ['headDim', 'Head dimension'],
  ['vocabSize', 'Vocabulary'],
  ['maxPositionEmbeddings', 'Max position embeddings'],
  ['ropeTheta', 'RoPE theta'],
  ['slidingWindow', 'Sliding window'],
  ['kvCacheBytesPerToken', 'KV cache per token (16-bit)'],
  ['dtype', 'Weights dtype'],
  ['modelType', 'Model type'],
];

/** Rows every card with any architecture data shows, known or not. */
const CORE_FIELDS: ArchitectureField[] = ['totalParams', 'layers', 'ropeTheta', 'slidingWindow'];
const MOE_FIELDS: ArchitectureField[] = ['activeParams', 'experts', 'expertsPerToken'];

function figureText(field: ArchitectureField, architecture: Architecture): string {
  const figure = architecture[field];
  if (figure === undefined) return 'not stated';
  const value = figure.value;
  switch (field) {
    case 'totalParams':
    case 'activeParams':
      return typeof value === 'number' ? `${formatParams(value)} (${formatCount(value)})` : String(value);
    case 'ropeTheta':
      return typeof value === 'number' ? formatRopeTheta(value) : String(value);
    case 'slidingWindow':
      return value === 'none' ? 'none: every layer attends to the full context' : `${formatCount(Number(value))} tokens`;
    case 'kvCacheBytesPerToken':
      return typeof value === 'number' ? `${formatBytes(value)} (${formatCount(value)} bytes)` : String(value);
    default:
      return typeof value === 'number' ? formatCount(value) : String(value);
  }
}

export function isMoe(model: Pick<Model, 'architecture' | 'tags'>): boolean {
  return model.tags.includes('moe') || (model.architecture.experts?.value ?? 0) > 1;
}

/**
 * The architecture figures to show, each with its source. A model with no figures gets no rows (the
 * card says the architecture is not published); otherwise the core rows appear even when unknown.
 */
export function architectureRows(model: Pick<Model, 'architecture' | 'tags'>): FigureRow[] {
  const { architecture } = model;
  if (Object.keys(architecture).length === 0) return [];
  const moe = isMoe(model);
  return FIGURE_LABELS.filter(
    ([field]) => architecture[field] !== undefined || CORE_FIELDS.includes(field) || (moe && MOE_FIELDS.includes(field)),
  ).map(([field, label]) => ({ field, label, text: figureText(field, architecture), source: architecture[field]?.source ?? null }));
}

/** A compact name for a source, for table cells: "config.json", "computed from config.json", a note's label. */
export function shortSourceLabel(source: SourceRef): string {
  switch (source.kind) {
    case 'hf-config':
      return 'config.json';
    case 'computed':
      return source.url?.endsWith('config.json') ? 'computed from config.json' : 'computed';
    case 'description':
      return 'description';
    case 'openrouter':
      return 'OpenRouter';
    case 'models.dev':
      return 'models.dev';
    default:
      return source.label;
  }
}

/** The distinct sources behind a set of rows, once each, for a list under the table. */
export function distinctSources(rows: readonly FigureRow[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const row of rows) {
    if (row.source === null || row.source.kind === 'computed') continue;
    seen.set(`${row.source.url ?? ''} ${row.source.label}`, row.source);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------
// Self-hosting

export interface WeightsRow {
  bits: 16 | 8 | 4;
  label: string;
  bytes: number;
  text: string;
}

export function weightsRows(architecture: Architecture): WeightsRow[] {
  const params = architecture.totalParams?.value;
  if (params === undefined) return [];
  return ([16, 8, 4] as const).map((bits) => {
    const bytes = weightsMemoryBytes(params, bits);
    return { bits, label: bits === 16 ? '16-bit (fp16/bf16)' : bits === 8 ? '8-bit (int8/fp8)' : '4-bit (int4)', bytes, text: formatBytes(bytes) };
  });
}

export interface KvOption {
  tokens: number;
  text: string;
  bytes: number;
}

/**
 * Context sizes offered for the KV-cache estimate: powers of two from 1K up to the model's context,
 * plus the context itself. Null bytes (unknown per-token size) yield no options.
 */
export function kvCacheOptions(architecture: Architecture, contextLength: number | null): KvOption[] {
  const limit = contextLength ?? architecture.maxPositionEmbeddings?.value ?? null;
  if (limit === null || architecture.kvCacheBytesPerToken === undefined) return [];
  const sizes = new Set<number>();
  for (let tokens = 1024; tokens < limit; tokens *= 2) sizes.add(tokens);
  sizes.add(limit);
  return [...sizes].map((tokens) => {
    const bytes = kvCacheBytes(architecture, tokens) ?? 0;
    return { tokens, bytes, text: formatBytes(bytes) };
  });
}
