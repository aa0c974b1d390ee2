/**
 * The JSON the compare island fetches, as a zod/mini schema: the island checks what it receives
 * instead of casting it (a stale or hand-edited file gives a message naming the field, not a blank
 * island), and zod/mini keeps that check to a few KB of script. The types the island and the compare
 * rows use are inferred from here; `toCompareModel` (compare-model.ts) builds this shape from the
 * normalized `Model` of src/lib/data/schema.ts, so the type checker holds the two together.
 */
import * as z from 'zod/mini';
import { PricingMini, priceMini } from '../pricing/pricing-schema-mini.ts';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not an ISO date (YYYY-MM-DD)'));
const count = z.nullable(z.number());

export const ComparePricing = PricingMini;

const historyPoint = z.object({ date: isoDate, contextLength: count, pricing: ComparePricing });

const architectureValues = z.object({
  totalParams: z.optional(z.number()),
  activeParams: z.optional(z.number()),
  layers: z.optional(z.number()),
  hiddenSize: z.optional(z.number()),
  intermediateSize: z.optional(z.number()),
  attentionHeads: z.optional(z.number()),
  kvHeads: z.optional(z.number()),
  headDim: z.optional(z.number()),
  vocabSize: z.optional(z.number()),
  maxPositionEmbeddings: z.optional(z.number()),
  ropeTheta: z.optional(z.number()),
  slidingWindow: z.optional(z.union([z.number(), z.literal('none')])),
  experts: z.optional(z.number()),
  expertsPerToken: z.optional(z.number()),
  sharedExperts: z.optional(z.number()),
  kvCacheBytesPerToken: z.optional(z.number()),
  dtype: z.optional(z.string()),
  modelType: z.optional(z.string()),
});

/** One provider's offer of the model; history keeps input and output only (the chart draws those). */
export const CompareOffer = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerModelId: z.string(),
  pricing: ComparePricing,
  contextLength: count,
  maxOutputTokens: count,
  quantization: z.nullable(z.string()),
  listed: z.boolean(),
  lastSeen: isoDate,
  retiredSince: z.nullable(isoDate),
  /** Which sources state the offer and when (newest statement of each). */
  statedBy: z.array(z.object({ source: z.string(), date: isoDate })),
  history: z.array(z.object({ date: isoDate, input: priceMini, output: priceMini })),
});
export type CompareOffer = z.infer<typeof CompareOffer>;

/** Artificial Analysis figures, with the attribution its terms ask for. */
export const CompareQuality = z.object({
  intelligenceIndex: z.nullable(z.number()),
  codingIndex: z.nullable(z.number()),
  mathIndex: z.nullable(z.number()),
  outputTokensPerSecond: z.nullable(z.number()),
  timeToFirstTokenSeconds: z.nullable(z.number()),
  source: z.object({ name: z.string(), url: z.string(), date: isoDate }),
});
export type CompareQuality = z.infer<typeof CompareQuality>;

export const CompareModel = z.object({
  id: z.string(),
  slug: z.string(),
  author: z.string(),
  authorLabel: z.string(),
  modelName: z.string(),
  displayName: z.string(),
  variant: z.nullable(z.string()),
  baseId: z.nullable(z.string()),
  variantIds: z.array(z.string()),
  canonicalSlug: z.nullable(z.string()),
  huggingFaceId: z.nullable(z.string()),
  created: isoDate,
  contextLength: count,
  maxCompletionTokens: count,
  inputModalities: z.array(z.string()),
  outputModalities: z.array(z.string()),
  tokenizer: z.nullable(z.string()),
  instructType: z.nullable(z.string()),
  supportedParameters: z.array(z.string()),
  isModerated: z.nullable(z.boolean()),
  expirationDate: z.nullable(z.string()),
  pricing: ComparePricing,
  tags: z.array(z.string()),
  listed: z.boolean(),
  firstSeen: isoDate,
  lastSeen: isoDate,
  retiredSince: z.nullable(isoDate),
  history: z.array(historyPoint),
  architecture: architectureValues,
  /** Where the architecture figures were read (the source of the layer or parameter count, else of the first figure). */
  architectureSource: z.nullable(z.object({ label: z.string(), url: z.nullable(z.string()) })),
  providerCount: z.number(),
  offers: z.array(CompareOffer),
  quality: z.nullable(CompareQuality),
});
export type CompareModel = z.infer<typeof CompareModel>;
export type ArchitectureValues = CompareModel['architecture'];

/** /api/compare/<slug>.json: one model, with the catalog date its figures are from. */
export const CompareModelFile = z.object({ asOf: isoDate, model: CompareModel });
export type CompareModelFile = z.infer<typeof CompareModelFile>;

/** /api/compare/models.json: what the model picker searches, fetched only when someone uses it. */
export const PickerEntry = z.object({ id: z.string(), displayName: z.string(), listed: z.boolean(), created: z.string(), retiredSince: z.nullable(z.string()) });
export type PickerEntry = z.infer<typeof PickerEntry>;
export const PickerIndex = z.object({ asOf: isoDate, models: z.array(PickerEntry) });
