/**
 * The one source of truth for the shapes of Model Atlas data.
 *
 * Raw schemas describe what upstream sends (OpenRouter, Hugging Face, models.dev). They are loose
 * objects on purpose: upstream adds fields over time, and an unknown field must never make a whole
 * snapshot unusable. Normalized schemas describe what `scripts/normalize.ts` writes to `data/` and what
 * every page, island and script reads. All TypeScript types are inferred from here.
 */
import { z } from 'astro/zod';

// ---------------------------------------------------------------------------------------------
// Shared scalars

/** A non-negative decimal number written as a string, e.g. "0.54" or "0.0000002"; never exponent form. */
export const DecimalString = z.string().regex(DECIMAL, { error: 'is not a non-negative decimal number' });

import { VARIABLE_PRICE } from '../pricing/variable-price.ts';
import { DECIMAL, DISCOUNT_FRACTION } from '../pricing/decimal.ts';

export { VARIABLE_PRICE };

/** A normalized price: an exact decimal string, or "variable" when upstream cannot say in advance. */
export const Price = z.union([DecimalString, z.literal(VARIABLE_PRICE)]);
export type Price = z.infer<typeof Price>;

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'is not an ISO date (YYYY-MM-DD)' });
export type IsoDate = z.infer<typeof IsoDate>;

// ---------------------------------------------------------------------------------------------
// Raw: OpenRouter's models, endpoints and providers APIs live with their readers.
export * from './sources/openrouter-schemas.ts';

// Raw: Hugging Face transformers config.json. Only the fields we read are named; everything else passes.
const positiveInt = z.number().int().positive();
export const RawHuggingFaceConfig = z.looseObject({
  architectures: z.array(z.string()).nullish(),
  model_type: z.string().nullish(),
  text_config: z.record(z.string(), z.unknown()).nullish(),
  hidden_size: positiveInt.nullish(),
  num_hidden_layers: positiveInt.nullish(),
  num_attention_heads: positiveInt.nullish(),
  num_key_value_heads: positiveInt.nullish(),
  intermediate_size: positiveInt.nullish(),
  vocab_size: positiveInt.nullish(),
  max_position_embeddings: positiveInt.nullish(),
  rope_theta: z.number().positive().nullish(),
  sliding_window: z.number().int().positive().nullish(),
  use_sliding_window: z.boolean().nullish(),
  torch_dtype: z.string().nullish(),
});
export type RawHuggingFaceConfig = z.infer<typeof RawHuggingFaceConfig>;

/** Where a figure or note was stated. */
export const SourceRef = z.object({
  /** What kind of source this is; cards show it next to each figure. */
  kind: z.enum(['hf-config', 'note', 'description', 'computed', 'openrouter', 'models.dev']),
  label: z.string(),
  url: z.string().nullable(),
});
export type SourceRef = z.infer<typeof SourceRef>;


/** Where and when each raw file came from; kept next to the raw files. */
export const ProvenanceEntry = z.strictObject({
  source: z.string(),
  url: z.string(),
  fetchedAt: z.string(),
  note: z.string().optional(),
  /** For a file copied from a public git repository: where it was taken (`git show <commit>:<path>`). */
  repository: z.string().optional(),
  path: z.string().optional(),
  commit: z.string().optional(),
  /**
   * How faithful a copy is, for sources that say so. Hugging Face configs: "exact-verified",
   * "exact-unverified", "derivative", "base-model", "abridged" (see src/lib/data/architecture-source.ts).
   */
  kind: z.string().optional(),
  /** The Hugging Face id whose config.json this file is, when it is not the file name's own model's. */
  configOf: z.string().optional(),
});
export const Provenance = z.record(z.string(), ProvenanceEntry);
export type Provenance = z.infer<typeof Provenance>;

// ---------------------------------------------------------------------------------------------
// Normalized

/** Token-metered prices, USD per 1M tokens. */
export const TokenPrices = z.strictObject({
  input: Price,
  output: Price,
  cacheRead: Price.optional(),
  /** Cache write with the default (5 minute) lifetime. */
  cacheWrite: Price.optional(),
  cacheWrite1h: Price.optional(),
  reasoning: Price.optional(),
  audioInput: Price.optional(),
  audioCacheRead: Price.optional(),
  audioOutput: Price.optional(),
  imageOutput: Price.optional(),
});
export type TokenPrices = z.infer<typeof TokenPrices>;
export type TokenPriceKey = keyof TokenPrices;

/** Unit-metered prices, USD per unit (one request, one input image, one web search). */
export const UnitPrices = z.strictObject({
  request: Price.optional(),
  image: Price.optional(),
  webSearch: Price.optional(),
});
export type UnitPrices = z.infer<typeof UnitPrices>;
export type UnitPriceKey = keyof UnitPrices;

/** A tier applies to a whole request once its prompt has at least `minPromptTokens` tokens. */
export const PriceTier = z.strictObject({
  minPromptTokens: z.number().int().positive(),
  perMillionTokens: TokenPrices.partial(),
  perUnit: UnitPrices.optional(),
});
export type PriceTier = z.infer<typeof PriceTier>;

export const Pricing = z.strictObject({
  perMillionTokens: TokenPrices,
  perUnit: UnitPrices,
  /** A fraction off every price (0.2 = 20 % off), as upstream states it: from 0 up to, not including, 1. */
  discount: z.string().regex(DISCOUNT_FRACTION, { error: 'is not a discount fraction from 0 up to, not including, 1' }).optional(),
  tiers: z.array(PriceTier),
  /**
   * Pricing keys this pipeline does not know yet, kept verbatim (USD per token or unit, as upstream).
   * Sorted by key where prices are built (price-units.ts): upstream's order would otherwise reach the
   * written files (see schemaJson).
   */
  unknown: z.record(z.string(), z.string()),
});
export type Pricing = z.infer<typeof Pricing>;

const figure = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: SourceRef });
const countFigure = figure(z.number().int().positive());

export const Architecture = z.strictObject({
  totalParams: countFigure.optional(),
  activeParams: countFigure.optional(),
  layers: countFigure.optional(),
  hiddenSize: countFigure.optional(),
  intermediateSize: countFigure.optional(),
  attentionHeads: countFigure.optional(),
  kvHeads: countFigure.optional(),
  headDim: countFigure.optional(),
  vocabSize: countFigure.optional(),
  maxPositionEmbeddings: countFigure.optional(),
  ropeTheta: figure(z.number().positive()).optional(),
  /** Window size in tokens, or "none" when the model attends to the full context. */
  slidingWindow: figure(z.union([z.number().int().positive(), z.literal('none')])).optional(),
  experts: countFigure.optional(),
  expertsPerToken: countFigure.optional(),
  sharedExperts: countFigure.optional(),
  /** KV-cache bytes for one token at 16-bit, all layers, K and V. */
  kvCacheBytesPerToken: countFigure.optional(),
  dtype: figure(z.string()).optional(),
  modelType: figure(z.string()).optional(),
});
export type Architecture = z.infer<typeof Architecture>;
export type ArchitectureField = keyof Architecture;

// Curated architecture notes: facts stated outside config.json, each with where it was stated.
/**
 * Curated notes are checked with the same Architecture schema the catalog is written with, so that a
 * typo in a figure's name or value is reported at read time with its field, not by the output check.
 */
export const CuratedModelNotes = z.strictObject({
  /** Config file under huggingface/ to use when the HF id has none of its own (e.g. base model's config). */
  configFile: z.string().optional(),
  configNote: z.string().optional(),
  /**
   * What the configFile is to this model when that differs from what PROVENANCE.json says of the file
   * itself (an exact copy of Mixtral-8x7B-v0.1 is the base model's config for the Instruct model):
   * one of the config kinds in src/lib/data/architecture-source.ts.
   */
  configKind: z.string().optional(),
  notes: z.array(z.strictObject({ text: z.string().min(1), source: SourceRef })).default([]),
  /** Published figures that a config does not give (e.g. parameter counts of MLA models). */
  figures: Architecture.default({}),
});
export const CuratedNotesFile = z.record(z.string(), CuratedModelNotes);
export type CuratedNotesFile = z.infer<typeof CuratedNotesFile>;

export const ProviderEndpoint = z.strictObject({
  provider: z.string(),
  tag: z.string().nullable(),
  quantization: z.string().nullable(),
  contextLength: z.number().int().positive().nullable(),
  maxCompletionTokens: z.number().int().positive().nullable(),
  pricing: Pricing,
  status: z.number().nullable(),
  uptimeLast30m: z.number().nullable(),
});
export type ProviderEndpoint = z.infer<typeof ProviderEndpoint>;

/** Every upstream source the pipeline reads; offers and figures name the one that stated them. */
export const SOURCE_NAMES = ['openrouter', 'openrouter-endpoints', 'models.dev', 'litellm', 'genai-prices', 'artificial-analysis'] as const;
export const SourceName = z.enum(SOURCE_NAMES);
export type SourceName = z.infer<typeof SourceName>;

export const HistoryPoint = z.strictObject({
  date: IsoDate,
  contextLength: z.number().int().positive().nullable(),
  pricing: Pricing,
  /** The source whose statement changed the figures on that date (offer histories merge several sources). */
  source: SourceName.optional(),
});
export type HistoryPoint = z.infer<typeof HistoryPoint>;

/** What one source stated about one offer on one date (the newest statement of each source is kept). */
export const OfferStatement = z.strictObject({
  source: SourceName,
  date: IsoDate,
  /** The raw file under data/raw that says it. */
  file: z.string(),
  /** The source's own key for the entry (LiteLLM key, models.dev "provider/model", OpenRouter id and endpoint). */
  key: z.string(),
  pricing: Pricing,
  contextLength: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
});
export type OfferStatement = z.infer<typeof OfferStatement>;

/** Two or more sources state different figures for one price dimension of the same offer. */
export const PriceDisagreement = z.strictObject({
  /** A dimension path such as "perMillionTokens.input" or "perUnit.request". */
  dimension: z.string(),
  /** Each source's newest figure, newest first; the first is the one shown. */
  values: z.array(z.strictObject({ source: SourceName, date: IsoDate, value: Price.nullable() })).min(2),
});
export type PriceDisagreement = z.infer<typeof PriceDisagreement>;

/** How an offer was tied to its model: a stated key, a tested name rule, a curated alias, or its own page. */
export const OfferMatch = z.strictObject({
  by: z.enum(['key', 'rule', 'alias', 'own']),
  /** Which key, rule or alias (with its reason) made the match, in words. */
  detail: z.string(),
});
export type OfferMatch = z.infer<typeof OfferMatch>;

/** One provider selling one model. OpenRouter's own listed price is an offer of provider "openrouter". */
export const Offer = z.strictObject({
  /** "<providerId>/<providerModelId>", unique in the catalog. */
  id: z.string().min(1),
  /** The Model.id this offer sells. */
  modelId: z.string().min(1),
  providerId: z.string().min(1),
  /** The id to send to this provider's API ("open-mixtral-8x7b"). */
  providerModelId: z.string().min(1),
  /** The provider is (also) reachable through OpenRouter's routing, as its endpoints state. */
  viaOpenRouter: z.boolean(),
  /** From the newest statement; any disagreement between sources is in `disagreements`. */
  pricing: Pricing,
  contextLength: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  quantization: z.string().nullable(),
  /** Share of successful requests (0–100) as OpenRouter's endpoints report it, with its window. */
  uptime: z.strictObject({ percent: z.number().min(0).max(100), window: z.string(), date: IsoDate }).nullable(),
  listed: z.boolean(),
  firstSeen: IsoDate,
  lastSeen: IsoDate,
  /** The first date of the offer's own source's listing without it; null while listed. */
  retiredSince: IsoDate.nullable(),
  match: OfferMatch,
  /**
   * The newest statement of each source's key for this offer: the one shown first, then newest first.
   * A source that names the seller's model under several ids (Bedrock regions, endpoint tags) has one
   * statement per id.
   */
  statements: z.array(OfferStatement).min(1),
  disagreements: z.array(PriceDisagreement),
  /** One point per date where the offer's prices or context changed, across all dated sources. */
  history: z.array(HistoryPoint),
});
export type Offer = z.infer<typeof Offer>;

export const Provider = z.strictObject({
  /** models.dev's provider id where it has one ("mistral", "togetherai", "amazon-bedrock"), else a slug. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** OpenAI-compatible base URL when a source states one (models.dev `api`). */
  apiBaseUrl: z.string().nullable(),
  docUrl: z.string().nullable(),
  /** OpenRouter's provider slug and display name, when OpenRouter routes to it. */
  openRouterSlug: z.string().nullable(),
  openRouterName: z.string().nullable(),
  sources: z.array(SourceName),
});
export type Provider = z.infer<typeof Provider>;

/** Artificial Analysis figures (its terms ask for attribution wherever they appear). */
export const Quality = z.strictObject({
  intelligenceIndex: z.number().nullable(),
  codingIndex: z.number().nullable(),
  mathIndex: z.number().nullable(),
  outputTokensPerSecond: z.number().nonnegative().nullable(),
  timeToFirstTokenSeconds: z.number().nonnegative().nullable(),
  source: z.strictObject({
    name: z.string(),
    url: z.string(),
    date: IsoDate,
    /** Where the figures came from: AA's own API, or OpenRouter's `benchmarks.artificial_analysis`. */
    via: SourceName,
    /** AA's slug for the model, when matched through AA's own data. */
    slug: z.string().nullable(),
  }),
});
export type Quality = z.infer<typeof Quality>;

/** data/offers.json: every offer of every model, sorted by id. */
export const OfferCatalog = z.strictObject({
  asOf: IsoDate,
  providers: z.array(Provider),
  offers: z.array(Offer),
});
export type OfferCatalog = z.infer<typeof OfferCatalog>;

export const TAGS = ['moe', 'open-weights', 'free', 'vision', 'audio', 'image-output', 'reasoning', 'tools', 'variable-price'] as const;
export const Tag = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const Model = z.strictObject({
  id: z.string().min(1),
  /** URL path below /models/, from toSlug(): "mistralai/mixtral-8x7b-instruct". */
  slug: z.string().min(1),
  author: z.string(),
  /** The label before the colon in the display name ("Mistral"), or the author id when there is none. */
  authorLabel: z.string(),
  /** The model's own name, without the author label ("Mixtral 8x7B Instruct"). */
  modelName: z.string(),
  displayName: z.string(),
  variant: z.string().nullable(),
  /** For a variant (":free"…), the id of its base model when the catalog has it. */
  baseId: z.string().nullable(),
  variantIds: z.array(z.string()),
  canonicalSlug: z.string().nullable(),
  huggingFaceId: z.string().nullable(),
  created: IsoDate,
  description: z.string(),
  contextLength: z.number().int().positive().nullable(),
  maxCompletionTokens: z.number().int().positive().nullable(),
  inputModalities: z.array(z.string()),
  outputModalities: z.array(z.string()),
  tokenizer: z.string().nullable(),
  instructType: z.string().nullable(),
  supportedParameters: z.array(z.string()),
  isModerated: z.boolean().nullable(),
  expirationDate: z.string().nullable(),
  pricing: Pricing,
  tags: z.array(Tag),
  architecture: Architecture,
  notes: z.array(z.strictObject({ text: z.string(), source: SourceRef })),
  providers: z.array(ProviderEndpoint),
  listed: z.boolean(),
  firstSeen: IsoDate,
  lastSeen: IsoDate,
  /** The first snapshot date at which the model was missing upstream; null while it is listed. */
  retiredSince: IsoDate.nullable(),
  history: z.array(HistoryPoint),
  sources: z.array(SourceRef.extend({ fetchedAt: z.string() })),
  /** Other ids the model is known under (older OpenRouter ids, other sources' unmatched pages merged in); each answers with a redirect. */
  aliases: z.array(z.string()).default([]),
  quality: Quality.nullable().default(null),
  knowledgeCutoff: z.string().nullable().default(null),
  reasoningEfforts: z.array(z.string()).default([]),
});
export type Model = z.infer<typeof Model>;

export const SnapshotInfo = z.strictObject({
  date: IsoDate,
  source: SourceName,
  file: z.string(),
  models: z.number().int().nonnegative(),
});

export const Rejection = z.strictObject({
  file: z.string(),
  index: z.number().int().nonnegative(),
  id: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});
export type Rejection = z.infer<typeof Rejection>;

export const Catalog = z.strictObject({
  generatedFrom: z.array(SnapshotInfo),
  /** Date of the newest snapshot: what "listed now" means. */
  asOf: IsoDate,
  counts: z.strictObject({ listed: z.number(), retired: z.number(), rejected: z.number(), offers: z.number().optional(), providers: z.number().optional() }),
  rejected: z.array(Rejection),
  unknownPriceKeys: z.array(z.strictObject({ id: z.string(), key: z.string(), value: z.string() })),
  models: z.array(Model),
});
export type Catalog = z.infer<typeof Catalog>;

/** One record per snapshot date in data/history/: what changed against the snapshot before. */
export const SnapshotChanges = z.strictObject({
  date: IsoDate,
  previous: IsoDate.nullable(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(
    z.strictObject({
      id: z.string(),
      fields: z.array(z.string()),
      before: HistoryPoint.omit({ date: true }),
      after: HistoryPoint.omit({ date: true }),
    }),
  ),
});
export type SnapshotChanges = z.infer<typeof SnapshotChanges>;
