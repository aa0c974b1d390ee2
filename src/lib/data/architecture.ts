/**
 * Architecture figures read from a Hugging Face transformers `config.json`, the parameter counts and
 * KV-cache sizes that follow from them, and the memory arithmetic for self-hosting.
 *
 * Every figure carries its source: values read from the config keep the caller's source; values
 * derived here (parameter counts, KV cache per token, a head dim not stated in the config) carry a
 * `computed` source that names the config they came from. A figure that cannot be read or derived
 * reliably is left absent: the site shows "unknown" rather than a guess. A config with a size no
 * model could have, or whose sizes overflow the parameter count, yields no figures at all and a
 * problem naming the field (see architecture-config.ts).
 *
 * The parts: architecture-config.ts reads and bounds values, architecture-families.ts maps model
 * types to decoder shapes, architecture-params.ts counts them in closed form, architecture-source.ts
 * finds a model's config and labels how faithful a copy it is.
 */
import type { Architecture, SourceRef } from './schema.ts';
import { ConfigReader, isRecord, MAX_PLAUSIBLE_PARAMS, positiveNumber, type Config, type ConfigProblem } from './architecture-config.ts';
import { decoderShapeFromDeepSeekInference, decoderShapeFromHf, isDeepSeekInferenceConfig } from './architecture-families.ts';
import { countDecoderParams, kvElementsPerLayer, type DecoderShape, type ParamCounts } from './architecture-params.ts';
import { countNemotronH, nemotronHKvBytesPerToken, nemotronHShape } from './architecture-hybrid-ssm.ts';

export type { ConfigProblem } from './architecture-config.ts';

export type WeightBits = 16 | 8 | 4;

export interface SelfHostingEstimate {
  /** Bytes to hold all weights (every expert of an MoE model) at 16, 8 and 4 bits per parameter. */
  weights: { bits16: number; bits8: number; bits4: number } | null;
  /** Bytes of KV cache at 16 bits for one sequence filled to the given context. */
  kvCacheAtContext: number | null;
}

export interface ArchitectureReading {
  architecture: Architecture;
  /** Non-empty when the config was dropped: each names the offending field. */
  problems: ConfigProblem[];
}

// ---------------------------------------------------------------------------------------------
// Attention details that decide the KV cache.

function headDimOf(reader: ConfigReader, hidden: number | undefined, heads: number | undefined): { value: number; derived: boolean } | undefined {
  const explicit = reader.positiveInt('head_dim');
  if (explicit !== undefined) return { value: explicit, derived: false };
  if (hidden === undefined || heads === undefined || hidden % heads !== 0) return undefined;
  return { value: hidden / heads, derived: true };
}

/** Gemma 2/3 and Cohere 2 alternate local and global layers without listing them in the config. */
const INTERLEAVED_WINDOW_MODEL_TYPES = new Set(['gemma2', 'gemma3', 'gemma3_text', 'cohere2']);

/**
 * The sliding-window size, `'none'` when the config says every layer attends to the full context,
 * or undefined when the config does not say or when only some layers slide: a single window size
 * would then under-count the cache of the full-attention layers.
 */
function slidingWindowOf(reader: ConfigReader, layers: number | undefined, modelType: string | undefined): number | 'none' | undefined {
  const { config } = reader;
  if (config.use_sliding_window === false) return 'none'; // Qwen2.5 keeps a window size but switches it off
  if (!('sliding_window' in config)) return undefined;
  const window = config.sliding_window;
  if (window === null) return 'none';
  const size = reader.positiveInt('sliding_window');
  if (size === undefined) return undefined;
  const layerTypes = config.layer_types;
  if (Array.isArray(layerTypes)) {
    if (layerTypes.every((type) => type === 'sliding_attention')) return size;
    if (layerTypes.every((type) => type === 'full_attention')) return 'none';
    return undefined;
  }
  if (modelType !== undefined && INTERLEAVED_WINDOW_MODEL_TYPES.has(modelType)) return undefined;
  if ('sliding_window_pattern' in config) return undefined;
  // Qwen2: with the window switched on, the first `max_window_layers` layers still attend fully.
  const fullLayers = reader.nonNegativeInt('max_window_layers');
  if (config.use_sliding_window === true && fullLayers !== undefined && layers !== undefined) {
    if (fullLayers >= layers) return 'none';
    if (fullLayers > 0) return undefined;
  }
  return size;
}

/**
 * Layers that hold no ordinary KV cache (state-space blocks), extra per-token caches (the DeepSeek/GLM
 * sparse-attention indexer keeps its own key cache) or layers of different shapes (Gemma 4's global
 * layers, DeepSeek-V4's compressed ones) make the standard formula wrong, so such configs get no KV
 * figure unless their family's shape accounts for every layer.
 */
const UNCOUNTED_CACHE_KEYS = [
  'index_n_heads',
  'index_head_dim',
  'index_topk',
  'ssm_state_size',
  'mamba_d_state',
  'mamba_num_heads',
  'linear_num_value_heads',
  'global_head_dim',
  'num_global_key_value_heads',
  'attention_k_eq_v',
  'compress_ratios',
  'o_lora_rank',
  'hybrid_override_pattern',
  'linear_attn_config',
  'sparse_attention_config',
];

function hasUncountedCache(config: Config): boolean {
  const layerTypes = config.layer_types;
  if (Array.isArray(layerTypes) && !layerTypes.every((type) => type === 'full_attention' || type === 'sliding_attention')) {
    return true;
  }
  return UNCOUNTED_CACHE_KEYS.some((key) => key in config);
}

/** Bytes of K and V cached per token over all layers at 16 bits; linear-attention layers keep a fixed state. */
function kvCacheBytesPerTokenOf(shape: DecoderShape): number | undefined {
  const { attention, alternateAttention, census, layers } = shape;
  if (attention.kind === 'mla' && attention.indexer !== null) return undefined;
  const main = kvElementsPerLayer(attention);
  const alternate = alternateAttention === null ? 0 : kvElementsPerLayer(alternateAttention);
  if (main === null || (alternateAttention !== null && alternateAttention.kind !== 'gated-delta')) return undefined;
  return ((layers - census.alternateAttentionLayers) * main + census.alternateAttentionLayers * (alternate ?? 0)) * 2;
}

// ---------------------------------------------------------------------------------------------

export function computedSource(source: SourceRef): SourceRef {
  return { kind: 'computed', label: `computed from ${source.label}`, url: source.url };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** The count, or a problem when the sizes, each plausible alone, multiply past any real model. */
function countOrFlag(params: ParamCounts, sizes: { hidden: number; layers: number; vocab: number; experts?: number }, reader: ConfigReader): ParamCounts | undefined {
  if (Number.isSafeInteger(params.total) && params.total <= MAX_PLAUSIBLE_PARAMS && params.active > 0) return params;
  const described = `hidden ${sizes.hidden} × layers ${sizes.layers} × vocab ${sizes.vocab}${sizes.experts ? ` × experts ${sizes.experts}` : ''}`;
  reader.flag(
    isDeepSeekInferenceConfig(reader.config) ? 'dim' : 'hidden_size',
    `the sizes overflow the parameter count (${described} gives ${params.total}, above ${MAX_PLAUSIBLE_PARAMS})`,
  );
  return undefined;
}

function countShape(shape: DecoderShape, reader: ConfigReader): ParamCounts | undefined {
  return countOrFlag(countDecoderParams(shape), { ...shape, experts: shape.moe?.experts }, reader);
}

function readDeepSeekInference(reader: ConfigReader, source: SourceRef): Architecture {
  const read = <T>(value: T) => ({ value, source });
  const derived = <T>(value: T) => ({ value, source: computedSource(source) });
  const architecture: Architecture = {};
  const shape = decoderShapeFromDeepSeekInference(reader);
  const params = shape === undefined ? undefined : countShape(shape, reader);
  if (params !== undefined) {
    architecture.totalParams = derived(params.total);
    architecture.activeParams = derived(params.active);
  }
  const figures = [
    ['layers', 'n_layers'],
    ['hiddenSize', 'dim'],
    ['intermediateSize', 'inter_dim'],
    ['attentionHeads', 'n_heads'],
    ['vocabSize', 'vocab_size'],
    ['experts', 'n_routed_experts'],
    ['expertsPerToken', 'n_activated_experts'],
    ['sharedExperts', 'n_shared_experts'],
  ] as const;
  for (const [field, key] of figures) {
    const value = reader.positiveInt(key);
    if (value !== undefined) architecture[field] = read(value);
  }
  const kv = shape === undefined ? undefined : kvCacheBytesPerTokenOf(shape);
  if (kv !== undefined) architecture.kvCacheBytesPerToken = derived(kv);
  const dtype = reader.text('dtype');
  if (dtype !== undefined) architecture.dtype = read(dtype);
  return architecture;
}

function readHuggingFace(config: Config, source: SourceRef, problems: ConfigProblem[]): Architecture {
  const computed = computedSource(source);
  const read = <T>(value: T) => ({ value, source });
  const derived = <T>(value: T) => ({ value, source: computed });
  const architecture: Architecture = {};

  // Multimodal configs keep the language model under `text_config`; it is merged over the top level.
  const textConfig = isRecord(config.text_config) ? config.text_config : {};
  const reader = new ConfigReader({ ...config, ...textConfig }, (key) => (key in textConfig ? `text_config.${key}` : key), problems);
  const merged = reader.config;
  const modelType = reader.text('model_type');

  const layers = reader.positiveInt('num_hidden_layers');
  const hidden = reader.positiveInt('hidden_size');
  const heads = reader.positiveInt('num_attention_heads');
  const kvHeads = reader.positiveInt('num_key_value_heads');
  const intermediate = reader.positiveInt('intermediate_size');
  const vocab = reader.positiveInt('vocab_size');
  const maxPositions = reader.positiveInt('max_position_embeddings');
  const isMla = reader.positiveInt('kv_lora_rank') !== undefined;
  // MLA has separate query/key and value head sizes; hidden / heads would name neither.
  const headDim = isMla && reader.positiveInt('head_dim') === undefined ? undefined : headDimOf(reader, hidden, heads);
  // Newer transformers move rope settings into `rope_parameters`. Llama-2 configs have no rope_theta
  // at all (the 10000 default applies in code); that default is not stated, so no figure is made up.
  const ropeParameters = isRecord(merged.rope_parameters) ? merged.rope_parameters : {};
  const ropeTheta = positiveNumber(merged.rope_theta) ?? positiveNumber(ropeParameters.rope_theta);
  const slidingWindow = slidingWindowOf(reader, layers, modelType);
  const experts = reader.positiveInt('num_local_experts', 'num_experts', 'n_routed_experts');
  const perToken = reader.positiveInt('num_experts_per_tok', 'num_experts_per_token');
  const nShared = reader.positiveInt('n_shared_experts');
  const dtype = reader.text('torch_dtype', 'dtype');
  // The checkpoint's own type ("llama4"), not the nested language model's ("llama4_text").
  const checkpointType = (typeof config.model_type === 'string' && config.model_type !== '' ? config.model_type : undefined) ?? modelType;

  const shape = decoderShapeFromHf(reader, modelType);
  const hybridSsm = modelType === 'nemotron_h' ? nemotronHShape(reader) : undefined;
  const blocks = hybridSsm ? Object.values(hybridSsm.blocks).reduce((sum, n) => sum + n, 0) : undefined;
  // Language-model weights only: a vision tower under `vision_config` is not counted.
  const params =
    shape !== undefined
      ? countShape(shape, reader)
      : hybridSsm !== undefined
        ? countOrFlag(countNemotronH(hybridSsm), { hidden: hybridSsm.hidden, layers: blocks!, vocab: hybridSsm.vocab, experts: hybridSsm.moe?.experts }, reader)
        : undefined;
  if (params !== undefined) {
    architecture.totalParams = derived(params.total);
    architecture.activeParams = derived(params.active);
  }
  if (layers !== undefined) architecture.layers = read(layers);
  else if (blocks !== undefined) architecture.layers = derived(blocks); // Nemotron-H Ultra lists its blocks only
  if (hidden !== undefined) architecture.hiddenSize = read(hidden);
  if (intermediate !== undefined) architecture.intermediateSize = read(intermediate);
  if (heads !== undefined) architecture.attentionHeads = read(heads);
  if (kvHeads !== undefined) architecture.kvHeads = read(kvHeads);
  else if (heads !== undefined) architecture.kvHeads = derived(heads); // transformers' default: no GQA
  if (headDim !== undefined) architecture.headDim = headDim.derived ? derived(headDim.value) : read(headDim.value);
  if (vocab !== undefined) architecture.vocabSize = read(vocab);
  if (maxPositions !== undefined) architecture.maxPositionEmbeddings = read(maxPositions);
  if (ropeTheta !== undefined) architecture.ropeTheta = read(ropeTheta);
  if (slidingWindow !== undefined) architecture.slidingWindow = read(slidingWindow);
  if (experts !== undefined) architecture.experts = read(experts);
  if (perToken !== undefined) architecture.expertsPerToken = read(perToken);
  if (nShared !== undefined) architecture.sharedExperts = read(nShared);
  else if (experts !== undefined && shape?.moe && shape.moe.sharedIntermediate > 0) {
    architecture.sharedExperts = derived(1); // Qwen2-MoE, Qwen3-Next and Llama-4 have one shared expert
  }

  const kv = hybridSsm !== undefined ? nemotronHKvBytesPerToken(hybridSsm) : kvFigure(reader, shape, layers, heads, hidden);
  if (kv !== undefined) architecture.kvCacheBytesPerToken = derived(kv);
  if (dtype !== undefined) architecture.dtype = read(dtype);
  if (checkpointType !== undefined) architecture.modelType = read(checkpointType);
  return architecture;
}

function kvFigure(reader: ConfigReader, shape: DecoderShape | undefined, layers: number | undefined, heads: number | undefined, hidden: number | undefined): number | undefined {
  if (shape !== undefined) return kvCacheBytesPerTokenOf(shape);
  if (layers === undefined || heads === undefined || hidden === undefined || hasUncountedCache(reader.config)) return undefined;
  // An unfamiliar model type: the standard K and V per layer, when its attention looks standard.
  if (reader.positiveInt('kv_lora_rank') !== undefined) return undefined;
  const headDim = headDimOf(reader, hidden, heads)?.value;
  if (headDim === undefined) return undefined;
  const kvHeads = reader.positiveInt('num_key_value_heads') ?? heads;
  return layers * 2 * kvHeads * headDim * 2;
}

/**
 * Normalized architecture figures from a transformers `config.json` (or a DeepSeek inference config),
 * with the problems that made it drop the config, if any. Throws only when the input is not a JSON
 * object; an unfamiliar config yields the figures it has.
 */
export function readArchitecture(config: unknown, source: SourceRef): ArchitectureReading {
  if (!isRecord(config)) {
    throw new TypeError(`Cannot read architecture from ${source.label}: expected a config.json object, got ${describe(config)}.`);
  }
  const problems: ConfigProblem[] = [];
  const architecture = isDeepSeekInferenceConfig(config)
    ? readDeepSeekInference(new ConfigReader(config, (key) => key, problems), source)
    : readHuggingFace(config, source, problems);
  return problems.length > 0 ? { architecture: {}, problems } : { architecture, problems };
}

/** The figures alone; a config with problems gives none (see readArchitecture for why). */
export function architectureFromConfig(config: unknown, source: SourceRef): Architecture {
  return readArchitecture(config, source).architecture;
}

// ---------------------------------------------------------------------------------------------
// Self-hosting memory

/** Bytes to hold `params` weights at `bits` per weight (no quantisation scales or runtime overhead). */
export function weightsMemoryBytes(params: number, bits: WeightBits): number {
  if (!Number.isFinite(params) || params < 0) {
    throw new RangeError(`Cannot size weights: parameter count must be a non-negative number, got ${params}.`);
  }
  return (params * bits) / 8;
}

/**
 * KV-cache bytes for one sequence of `tokens` tokens, or null when the per-token size is unknown.
 * A sliding-window model never caches more than its window. Llama-4's chunked-attention layers are
 * not capped this way, so its figure is an upper bound.
 */
export function kvCacheBytes(architecture: Architecture, tokens: number, bytesPerElement = 2): number | null {
  if (!Number.isSafeInteger(tokens) || tokens < 0) {
    throw new RangeError(`Cannot size the KV cache: token count must be a non-negative integer, got ${tokens}.`);
  }
  if (!(bytesPerElement > 0)) {
    throw new RangeError(`Cannot size the KV cache: bytes per element must be positive, got ${bytesPerElement}.`);
  }
  const perToken16 = architecture.kvCacheBytesPerToken?.value;
  if (perToken16 === undefined) return null;
  const window = architecture.slidingWindow?.value;
  const cachedTokens = typeof window === 'number' ? Math.min(tokens, window) : tokens;
  return (perToken16 / 2) * bytesPerElement * cachedTokens;
}

export function selfHostingEstimate(architecture: Architecture, contextTokens: number): SelfHostingEstimate {
  const params = architecture.totalParams?.value;
  return {
    weights:
      params === undefined
        ? null
        : { bits16: weightsMemoryBytes(params, 16), bits8: weightsMemoryBytes(params, 8), bits4: weightsMemoryBytes(params, 4) },
    kvCacheAtContext: kvCacheBytes(architecture, contextTokens),
  };
}
