/**
 * Every row of a comparison, grouped (identity, dates, limits, pricing, workload cost, architecture,
 * self-hosting memory), for the models in the order given. Pure: the static pair pages and the compare
 * page's script both call it, so a comparison reads the same with and without JavaScript.
 */
import type { Architecture, ArchitectureField, Pricing, TokenPriceKey, UnitPriceKey } from '../data/schema.ts';
import { workloadCost, type Workload, type WorkloadCost } from '../pricing/workload.ts';
import { offerAndQualityGroups } from './compare-offers.ts';
import { kvCacheBytes, weightsMemoryBytes } from '../data/architecture.ts';
import { formatBytes, formatCount, formatDate, formatDiscount, formatParams, formatPricePerMillion, formatRopeTheta, formatUnitPrice, formatUsdRounded } from '../format/format.ts';
import { modelPath, toSlug } from '../format/slug.ts';
import { TOKEN_PRICE_LABELS, UNIT_PRICE_LABELS } from '../pricing/price-labels.ts';
import type { ArchitectureValues, CompareModel } from './compare-payload.ts';
import {
  CHEAPEST,
  LONGEST,
  MOST,
  NEWEST,
  SMALLEST,
  UNKNOWN,
  cellOr,
  countCell,
  dateCell,
  listCell,
  priceCell,
  row,
  textCell,
  type CompareCell,
  type CompareRow,
  type RowGroup,
} from './compare-cells.ts';

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

/** Whether any architecture figure is known, i.e. an absent figure means "not in this architecture". */
function architectureKnown(model: CompareModel): boolean {
  return Object.keys(model.architecture).length > 0;
}

function variantCell(m: CompareModel): CompareCell {
  const base = m.variantIds.length > 0 ? `base model (variants: ${m.variantIds.join(', ')})` : 'none';
  return cellOr(m.variant, base, (variant) => ({ text: `:${variant}${m.baseId ? ` of ${m.baseId}` : ''}`, key: variant, rank: null, ...(m.baseId ? { href: modelPath(toSlug(m.baseId)) } : {}) }));
}

function identityRows(models: readonly CompareModel[]): CompareRow[] {
  return [
    row('id', 'Id', models.map((m) => ({ text: m.id, key: m.id, rank: null, code: true }))),
    row('author', 'Author', models.map((m) => ({ text: `${m.authorLabel} (${m.author})`, key: m.author, rank: null }))),
    row('model-name', 'Model name', models.map((m) => textCell(m.modelName))),
    row('variant', 'Variant', models.map(variantCell)),
    row(
      'hugging-face',
      'Hugging Face repository',
      models.map((m) => cellOr(m.huggingFaceId, 'none (closed weights or not stated)', (id) => ({ text: id, key: id, rank: null, href: `https://huggingface.co/${id}`, code: true }))),
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
      null,
      'Whether OpenRouter says the provider checks prompts and answers against its content policy and may refuse them.',
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
    row('discount', 'Discount', models.map((m) => cellOr(m.pricing.discount, 'none', (discount) => ({ text: formatDiscount(discount), key: discount, rank: null })))),
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
  ].filter((share): share is string => share !== null);
  const cached = shares.length > 0 ? ` (${shares.join(', ')})` : '';
  const per = workload.per === 'day' ? 'a day' : 'a month';
  return `${formatCount(workload.inputTokens)} input tokens${cached} and ${formatCount(workload.outputTokens)} output tokens per request, ${formatCount(workload.requests)} requests ${per}, ${workload.daysPerMonth}-day month`;
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
      models.map((m) => cellOr(m.architectureSource, 'none found', ({ label, url }) => ({ text: label, key: url ?? label, rank: null, ...(url ? { href: url } : {}) }))),
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
    ...offerAndQualityGroups(models, options.workload),
    { id: 'architecture', title: 'Architecture', rows: architectureRows(models) },
    { id: 'self-hosting', title: 'Self-hosting memory', rows: selfHostingRows(models, options.kvContext) },
  ];
}
