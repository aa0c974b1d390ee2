/**
 * Architecture figures read from a Hugging Face transformers `config.json`, the parameter counts and
 * KV-cache sizes that follow from them, and the memory arithmetic for self-hosting.
 *
 * Every figure carries its source: values read from the config keep the caller's source; values
 * derived here (parameter counts, KV cache per token, a head dim not stated in the config) carry a
 * `computed` source that names the config they came from. A figure that cannot be read or derived
 * reliably is left absent: the site shows "unknown" rather than a guess.
 */
import type { Architecture, SourceRef } from './schema.ts';

type Config = Record<string, unknown>;

export type WeightBits = 16 | 8 | 4;

export interface SelfHostingEstimate {
  /** Bytes to hold all weights (every expert of an MoE model) at 16, 8 and 4 bits per parameter. */
  weights: { bits16: number; bits8: number; bits4: number } | null;
  /** Bytes of KV cache at 16 bits for one sequence filled to the given context. */
  kvCacheAtContext: number | null;
}

// ---------------------------------------------------------------------------------------------
// Reading config values. Each key is checked on its own, so one malformed value drops one figure
// instead of making the whole config unusable.

function isRecord(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(config: Config, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  }
  return undefined;
}

function nonNegativeInt(config: Config, key: string): number | undefined {
  const value = config[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function text(config: Config, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

function intList(config: Config, key: string): number[] | undefined {
  const value = config[key];
  if (!Array.isArray(value)) return undefined;
  return value.every((item) => typeof item === 'number' && Number.isSafeInteger(item)) ? (value as number[]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The shape of a decoder-only transformer, as far as parameter counting needs it.

type AttentionShape =
  | {
      kind: 'standard';
      heads: number;
      kvHeads: number;
      headDim: number;
      /** Which projections carry a bias: Qwen2 has q/k/v biases, `attention_bias: true` adds all four. */
      bias: 'none' | 'qkv' | 'qkvo';
      /** Qwen3 normalises q and k per head with learned RMSNorm weights. */
      qkNormWeights: boolean;
    }
  | {
      /** DeepSeek multi-head latent attention: keys and values are cached as one low-rank latent. */
      kind: 'mla';
      heads: number;
      qLoraRank: number | null;
      kvLoraRank: number;
      qkNopeHeadDim: number;
      qkRopeHeadDim: number;
      vHeadDim: number;
    };

interface MoeShape {
  experts: number;
  expertsPerToken: number;
  expertIntermediate: number;
  /** Intermediate size of the always-on shared expert MLP (all shared experts together); 0 if none. */
  sharedIntermediate: number;
  /** Qwen2-MoE scales the shared expert by a learned sigmoid gate (hidden × 1). */
  sharedExpertGate: boolean;
  /** DeepSeek-V3 style routing (`noaux_tc`) adds one learned bias per expert. */
  routerBias: boolean;
  isMoeLayer: (layerIndex: number) => boolean;
}

interface DecoderShape {
  hidden: number;
  layers: number;
  vocab: number;
  tiedEmbeddings: boolean;
  attention: AttentionShape;
  denseIntermediate: number;
  mlpBias: boolean;
  moe: MoeShape | undefined;
}

interface ParamCounts {
  total: number;
  active: number;
}

function attentionParams(hidden: number, attention: AttentionShape): number {
  if (attention.kind === 'mla') {
    const { heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim } = attention;
    const qkHeadDim = qkNopeHeadDim + qkRopeHeadDim;
    const query =
      qLoraRank === null
        ? hidden * heads * qkHeadDim
        : hidden * qLoraRank + qLoraRank + qLoraRank * heads * qkHeadDim; // q_a_proj, q_a_layernorm, q_b_proj
    const keyValue =
      hidden * (kvLoraRank + qkRopeHeadDim) + // kv_a_proj_with_mqa
      kvLoraRank + // kv_a_layernorm
      kvLoraRank * heads * (qkNopeHeadDim + vHeadDim); // kv_b_proj
    const output = heads * vHeadDim * hidden;
    return query + keyValue + output;
  }
  const { heads, kvHeads, headDim, bias, qkNormWeights } = attention;
  const q = heads * headDim;
  const kv = kvHeads * headDim;
  const weights = hidden * q + 2 * hidden * kv + q * hidden;
  const biases = bias === 'none' ? 0 : q + 2 * kv + (bias === 'qkvo' ? hidden : 0);
  return weights + biases + (qkNormWeights ? 2 * headDim : 0);
}

/** A SwiGLU MLP: gate, up and down projections. */
function gatedMlpParams(hidden: number, intermediate: number, bias: boolean): number {
  return 3 * hidden * intermediate + (bias ? 2 * intermediate + hidden : 0);
}

/**
 * Parameters of a decoder-only transformer: embeddings, the LM head unless tied, attention, MLP or
 * MoE block and the two RMSNorms of every layer, and the final norm. Active parameters are those one
 * token passes through: everything except the routed experts it is not sent to. The embedding table
 * is counted in both, as Mistral and Qwen count it; DeepSeek leaves the input embedding out of its
 * published "activated" figures, so those read about vocab × hidden lower.
 */
function countDecoderParams(shape: DecoderShape): ParamCounts {
  const { hidden, layers, vocab, tiedEmbeddings, attention, denseIntermediate, mlpBias, moe } = shape;
  const embeddings = vocab * hidden * (tiedEmbeddings ? 1 : 2);
  const finalNorm = hidden;
  let total = embeddings + finalNorm;
  let active = embeddings + finalNorm;
  const perLayerCommon = attentionParams(hidden, attention) + 2 * hidden;
  for (let layer = 0; layer < layers; layer += 1) {
    total += perLayerCommon;
    active += perLayerCommon;
    if (moe === undefined || !moe.isMoeLayer(layer)) {
      const mlp = gatedMlpParams(hidden, denseIntermediate, mlpBias);
      total += mlp;
      active += mlp;
      continue;
    }
    const router = hidden * moe.experts + (moe.routerBias ? moe.experts : 0);
    const shared =
      (moe.sharedIntermediate > 0 ? gatedMlpParams(hidden, moe.sharedIntermediate, false) : 0) +
      (moe.sharedExpertGate ? hidden : 0);
    const expert = gatedMlpParams(hidden, moe.expertIntermediate, false);
    total += router + shared + moe.experts * expert;
    active += router + shared + moe.expertsPerToken * expert;
  }
  return { total, active };
}

/**
 * Model types whose every weight this module knows how to count. Others (Gemma's extra norms and
 * tied defaults, hybrid attention/SSM stacks, GLM-5's sparse-attention indexer `glm_moe_dsa`…) have
 * parts this arithmetic would miss, so their counts are left absent instead of being guessed.
 */
const COUNTABLE_MODEL_TYPES = new Set([
  'llama',
  'mistral',
  'mixtral',
  'qwen2',
  'qwen2_moe',
  'qwen3',
  'qwen3_moe',
  'deepseek_v2',
  'deepseek_v3',
  'llama4',
  'llama4_text',
]);

function moeLayerPredicate(config: Config): (layerIndex: number) => boolean {
  const explicit = intList(config, 'moe_layers'); // newer Llama-4 configs list them
  if (explicit !== undefined) {
    const set = new Set(explicit);
    return (layer) => set.has(layer);
  }
  const firstKDense = nonNegativeInt(config, 'first_k_dense_replace') ?? 0; // DeepSeek, GLM
  const layerFreq = positiveInt(config, 'moe_layer_freq') ?? 1; // DeepSeek: layer % freq == 0
  // Qwen MoE `decoder_sparse_step` and Llama-4 `interleave_moe_layer_step` both mean: (layer + 1) % step == 0.
  const step = positiveInt(config, 'decoder_sparse_step', 'interleave_moe_layer_step') ?? 1;
  const mlpOnly = new Set(intList(config, 'mlp_only_layers') ?? []); // Qwen MoE dense exceptions
  return (layer) =>
    layer >= firstKDense && layer % layerFreq === 0 && (layer + 1) % step === 0 && !mlpOnly.has(layer);
}

function attentionShapeFromHf(config: Config, modelType: string, heads: number, hidden: number): AttentionShape | undefined {
  const kvLoraRank = positiveInt(config, 'kv_lora_rank');
  if (kvLoraRank !== undefined) {
    const qkNopeHeadDim = positiveInt(config, 'qk_nope_head_dim');
    const qkRopeHeadDim = positiveInt(config, 'qk_rope_head_dim');
    const vHeadDim = positiveInt(config, 'v_head_dim');
    // Biases on the MLA low-rank projections are not modelled; no released checkpoint uses them.
    if (qkNopeHeadDim === undefined || qkRopeHeadDim === undefined || vHeadDim === undefined) return undefined;
    if (config.attention_bias === true) return undefined;
    const qLoraRank = positiveInt(config, 'q_lora_rank') ?? null;
    return { kind: 'mla', heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim };
  }
  const headDim = headDimOf(config, hidden, heads)?.value;
  if (headDim === undefined) return undefined;
  const kvHeads = positiveInt(config, 'num_key_value_heads') ?? heads;
  const qwen2Family = modelType === 'qwen2' || modelType === 'qwen2_moe';
  const bias = config.attention_bias === true ? 'qkvo' : qwen2Family ? 'qkv' : 'none';
  const qkNormWeights = modelType === 'qwen3' || modelType === 'qwen3_moe';
  return { kind: 'standard', heads, kvHeads, headDim, bias, qkNormWeights };
}

/** null for a dense model; undefined for an MoE config missing a figure the count needs. */
function moeShapeFromHf(config: Config, modelType: string): MoeShape | null | undefined {
  const experts = positiveInt(config, 'num_local_experts', 'num_experts', 'n_routed_experts');
  if (experts === undefined) return null;
  const expertsPerToken = positiveInt(config, 'num_experts_per_tok', 'num_experts_per_token');
  const expertIntermediate = positiveInt(config, 'moe_intermediate_size', 'intermediate_size');
  if (expertsPerToken === undefined || expertIntermediate === undefined) return undefined;
  let sharedIntermediate = 0;
  const nShared = positiveInt(config, 'n_shared_experts');
  const qwenShared = positiveInt(config, 'shared_expert_intermediate_size');
  if (nShared !== undefined) sharedIntermediate = nShared * expertIntermediate; // DeepSeek: one MLP n× as wide
  else if (qwenShared !== undefined) sharedIntermediate = qwenShared;
  // Llama-4's MoE block always has one shared expert of the expert size; its config does not say so.
  else if (modelType.startsWith('llama4')) sharedIntermediate = expertIntermediate;
  return {
    experts,
    expertsPerToken,
    expertIntermediate,
    sharedIntermediate,
    sharedExpertGate: qwenShared !== undefined && modelType === 'qwen2_moe',
    routerBias: config.topk_method === 'noaux_tc',
    isMoeLayer: moeLayerPredicate(config),
  };
}

function decoderShapeFromHf(config: Config): DecoderShape | undefined {
  const modelType = text(config, 'model_type');
  if (modelType === undefined || !COUNTABLE_MODEL_TYPES.has(modelType)) return undefined;
  const hidden = positiveInt(config, 'hidden_size');
  const layers = positiveInt(config, 'num_hidden_layers');
  const vocab = positiveInt(config, 'vocab_size');
  const heads = positiveInt(config, 'num_attention_heads');
  // Llama-4 names the dense-layer MLP width separately; its `intermediate_size` is the expert width.
  const denseIntermediate = positiveInt(config, 'intermediate_size_mlp', 'intermediate_size');
  if (hidden === undefined || layers === undefined || vocab === undefined || heads === undefined) return undefined;
  if (denseIntermediate === undefined) return undefined;
  const attention = attentionShapeFromHf(config, modelType, heads, hidden);
  const moe = moeShapeFromHf(config, modelType);
  if (attention === undefined || moe === undefined) return undefined;
  return {
    hidden,
    layers,
    vocab,
    // Every countable family defaults to untied embeddings in transformers when the key is absent.
    tiedEmbeddings: config.tie_word_embeddings === true,
    attention,
    denseIntermediate,
    mlpBias: config.mlp_bias === true,
    moe: moe ?? undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// DeepSeek's own inference-code config (deepseek-ai/DeepSeek-V3 inference/configs/*.json): not HF
// format, but the same model, so it is read too. Keys: dim, inter_dim, moe_inter_dim, n_layers…

function isDeepSeekInferenceConfig(config: Config): boolean {
  return 'dim' in config && 'n_layers' in config && !('hidden_size' in config);
}

function decoderShapeFromDeepSeekInference(config: Config): DecoderShape | undefined {
  const hidden = positiveInt(config, 'dim');
  const layers = positiveInt(config, 'n_layers');
  const vocab = positiveInt(config, 'vocab_size');
  const heads = positiveInt(config, 'n_heads');
  const denseIntermediate = positiveInt(config, 'inter_dim');
  const experts = positiveInt(config, 'n_routed_experts');
  const expertsPerToken = positiveInt(config, 'n_activated_experts');
  const expertIntermediate = positiveInt(config, 'moe_inter_dim');
  const kvLoraRank = positiveInt(config, 'kv_lora_rank');
  const qkNopeHeadDim = positiveInt(config, 'qk_nope_head_dim');
  const qkRopeHeadDim = positiveInt(config, 'qk_rope_head_dim');
  const vHeadDim = positiveInt(config, 'v_head_dim');
  if (
    hidden === undefined ||
    layers === undefined ||
    vocab === undefined ||
    heads === undefined ||
    denseIntermediate === undefined ||
    experts === undefined ||
    expertsPerToken === undefined ||
    expertIntermediate === undefined ||
    kvLoraRank === undefined ||
    qkNopeHeadDim === undefined ||
    qkRopeHeadDim === undefined ||
    vHeadDim === undefined
  ) {
    return undefined;
  }
  const denseLayers = nonNegativeInt(config, 'n_dense_layers') ?? 0;
  const qLoraRank = positiveInt(config, 'q_lora_rank') ?? null;
  return {
    hidden,
    layers,
    vocab,
    tiedEmbeddings: false, // the inference code always has a separate `head`
    attention: { kind: 'mla', heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim },
    denseIntermediate,
    mlpBias: false,
    moe: {
      experts,
      expertsPerToken,
      expertIntermediate,
      sharedIntermediate: (positiveInt(config, 'n_shared_experts') ?? 0) * expertIntermediate,
      sharedExpertGate: false,
      // The gate's per-expert bias (256 values per layer in V3) is left out: the inference code
      // creates it only for one hidden size, and it is 0.000002 % of the total.
      routerBias: false,
      isMoeLayer: (layer) => layer >= denseLayers,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Attention details that decide the KV cache.

function headDimOf(config: Config, hidden: number | undefined, heads: number | undefined): { value: number; derived: boolean } | undefined {
  const explicit = positiveInt(config, 'head_dim');
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
function slidingWindowOf(config: Config, layers: number | undefined, modelType: string | undefined): number | 'none' | undefined {
  if (config.use_sliding_window === false) return 'none'; // Qwen2.5 keeps a window size but switches it off
  if (!('sliding_window' in config)) return undefined;
  const window = config.sliding_window;
  if (window === null) return 'none';
  const size = positiveInt(config, 'sliding_window');
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
  const fullLayers = nonNegativeInt(config, 'max_window_layers');
  if (config.use_sliding_window === true && fullLayers !== undefined && layers !== undefined) {
    if (fullLayers >= layers) return 'none';
    if (fullLayers > 0) return undefined;
  }
  return size;
}

/**
 * Layers that hold no ordinary KV cache (linear attention, state-space blocks) or extra per-token
 * caches (the DeepSeek/GLM sparse-attention indexer keeps its own key cache) make the standard
 * formula wrong, so such configs get no KV figure.
 */
function hasUncountedCache(config: Config): boolean {
  const layerTypes = config.layer_types;
  if (Array.isArray(layerTypes) && !layerTypes.every((type) => type === 'full_attention' || type === 'sliding_attention')) {
    return true;
  }
  return ['index_n_heads', 'index_head_dim', 'index_topk', 'ssm_state_size', 'mamba_d_state', 'linear_num_value_heads'].some(
    (key) => key in config,
  );
}

/** Bytes of K and V cached per token over all layers, at 16 bits. */
function kvCacheBytesPerTokenOf(shape: { layers: number; attention: AttentionShape }): number {
  const { layers, attention } = shape;
  // MLA caches one compressed latent plus the shared rotary key per layer, not per-head K and V.
  const elementsPerLayer =
    attention.kind === 'mla' ? attention.kvLoraRank + attention.qkRopeHeadDim : 2 * attention.kvHeads * attention.headDim;
  return layers * elementsPerLayer * 2;
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

/**
 * Normalized architecture figures from a transformers `config.json` (or a DeepSeek inference config).
 * Multimodal configs keep the language model under `text_config`; it is merged over the top level.
 * Throws only when the input is not a JSON object; an unfamiliar config yields the figures it has.
 */
export function architectureFromConfig(config: unknown, source: SourceRef): Architecture {
  if (!isRecord(config)) {
    throw new TypeError(
      `Cannot read architecture from ${source.label}: expected a config.json object, got ${describe(config)}.`,
    );
  }
  const computed = computedSource(source);
  const read = <T>(value: T) => ({ value, source });
  const derived = <T>(value: T) => ({ value, source: computed });
  const architecture: Architecture = {};

  if (isDeepSeekInferenceConfig(config)) {
    const layers = positiveInt(config, 'n_layers');
    const hidden = positiveInt(config, 'dim');
    const heads = positiveInt(config, 'n_heads');
    const intermediate = positiveInt(config, 'inter_dim');
    const vocab = positiveInt(config, 'vocab_size');
    const experts = positiveInt(config, 'n_routed_experts');
    const perToken = positiveInt(config, 'n_activated_experts');
    const shared = positiveInt(config, 'n_shared_experts');
    const dtype = text(config, 'dtype');
    const shape = decoderShapeFromDeepSeekInference(config);
    if (shape !== undefined) {
      const params = countDecoderParams(shape);
      architecture.totalParams = derived(params.total);
      architecture.activeParams = derived(params.active);
    }
    if (layers !== undefined) architecture.layers = read(layers);
    if (hidden !== undefined) architecture.hiddenSize = read(hidden);
    if (intermediate !== undefined) architecture.intermediateSize = read(intermediate);
    if (heads !== undefined) architecture.attentionHeads = read(heads);
    if (vocab !== undefined) architecture.vocabSize = read(vocab);
    if (experts !== undefined) architecture.experts = read(experts);
    if (perToken !== undefined) architecture.expertsPerToken = read(perToken);
    if (shared !== undefined) architecture.sharedExperts = read(shared);
    if (shape !== undefined) architecture.kvCacheBytesPerToken = derived(kvCacheBytesPerTokenOf(shape));
    if (dtype !== undefined) architecture.dtype = read(dtype);
    return architecture;
  }

  const textConfig = isRecord(config.text_config) ? config.text_config : {};
  const merged: Config = { ...config, ...textConfig };
  const modelType = text(merged, 'model_type');

  const layers = positiveInt(merged, 'num_hidden_layers');
  const hidden = positiveInt(merged, 'hidden_size');
  const heads = positiveInt(merged, 'num_attention_heads');
  const kvHeads = positiveInt(merged, 'num_key_value_heads');
  const intermediate = positiveInt(merged, 'intermediate_size');
  const vocab = positiveInt(merged, 'vocab_size');
  const maxPositions = positiveInt(merged, 'max_position_embeddings');
  const isMla = positiveInt(merged, 'kv_lora_rank') !== undefined;
  // MLA has separate query/key and value head sizes; hidden / heads would name neither.
  const headDim = isMla && positiveInt(merged, 'head_dim') === undefined ? undefined : headDimOf(merged, hidden, heads);
  // Newer transformers move rope settings into `rope_parameters`. Llama-2 configs have no rope_theta
  // at all (the 10000 default applies in code); that default is not stated, so no figure is made up.
  const ropeParameters = isRecord(merged.rope_parameters) ? merged.rope_parameters : {};
  const ropeTheta = positiveNumber(merged.rope_theta) ?? positiveNumber(ropeParameters.rope_theta);
  const slidingWindow = slidingWindowOf(merged, layers, modelType);
  const experts = positiveInt(merged, 'num_local_experts', 'num_experts', 'n_routed_experts');
  const perToken = positiveInt(merged, 'num_experts_per_tok', 'num_experts_per_token');
  const nShared = positiveInt(merged, 'n_shared_experts');
  const dtype = text(merged, 'torch_dtype', 'dtype');
  // The checkpoint's own type ("llama4"), not the nested language model's ("llama4_text").
  const checkpointType = text(config, 'model_type') ?? modelType;

  const shape = decoderShapeFromHf(merged);
  if (shape !== undefined) {
    // Language-model weights only: a vision tower under `vision_config` is not counted.
    const params = countDecoderParams(shape);
    architecture.totalParams = derived(params.total);
    architecture.activeParams = derived(params.active);
  }
  if (layers !== undefined) architecture.layers = read(layers);
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
  else if (experts !== undefined && shape?.moe !== undefined && shape.moe.sharedIntermediate > 0) {
    architecture.sharedExperts = derived(1); // Qwen2-MoE and Llama-4 have one shared expert
  }

  if (layers !== undefined && !hasUncountedCache(merged)) {
    const attention =
      heads !== undefined && hidden !== undefined ? attentionShapeFromHf(merged, modelType ?? '', heads, hidden) : undefined;
    if (attention !== undefined) architecture.kvCacheBytesPerToken = derived(kvCacheBytesPerTokenOf({ layers, attention }));
  }
  if (dtype !== undefined) architecture.dtype = read(dtype);
  if (checkpointType !== undefined) architecture.modelType = read(checkpointType);
  return architecture;
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
