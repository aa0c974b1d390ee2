/**
 * From a transformers config.json (or DeepSeek's inference config) to the decoder shape that
 * parameter counting needs, per model family. A family is listed only when every weight of its
 * layers is known here; others (hybrid Mamba stacks such as nemotron_h, DeepSeek-V4's compressed
 * attention, Gemma 4's shared-KV layers…) get no count rather than a guess.
 */
import { ConfigReader } from './architecture-config.ts';
import { countResidue, type AttentionShape, type DecoderShape, type LayerCensus, type MoeShape } from './architecture-params.ts';

interface FamilyRules {
  /** Attention projection biases when `attention_bias` is true, and when it is absent or false. */
  biasWhenStated: 'qkv' | 'qkvo';
  biasByDefault: 'none' | 'qkv';
  qkNorm: 'none' | 'per-head' | 'whole';
  normsPerLayer: number;
  outputGate: boolean;
  sinks: boolean;
  expertBias: boolean;
  /** Llama-4's MoE block always has one shared expert of the expert size; its config does not say so. */
  impliedSharedExpert: boolean;
  sharedExpertGate: boolean;
  /** Gemma/GLM routers keep a per-expert score-correction bias whatever `topk_method` says. */
  routerBias: boolean;
  /** Defaults of the family's transformers config class, used when the file leaves a key out. */
  defaults: Record<string, number | boolean>;
}

const BASE: FamilyRules = {
  biasWhenStated: 'qkvo',
  biasByDefault: 'none',
  qkNorm: 'none',
  normsPerLayer: 2,
  outputGate: false,
  sinks: false,
  expertBias: false,
  impliedSharedExpert: false,
  sharedExpertGate: false,
  routerBias: false,
  defaults: {},
};

const family = (rules: Partial<FamilyRules>): FamilyRules => ({ ...BASE, ...rules });
const QWEN2 = family({ biasByDefault: 'qkv', sharedExpertGate: true });
const QWEN3 = family({ qkNorm: 'per-head', sharedExpertGate: true });
const QWEN_HYBRID = family({ qkNorm: 'per-head', outputGate: true, sharedExpertGate: true });
const LLAMA4 = family({ impliedSharedExpert: true });
const MLA = family({});
const GLM4_MOE = family({ biasWhenStated: 'qkv', routerBias: true });
/**
 * transformers Gemma3TextConfig defaults (configuration_gemma3.py): the released gemma-3 config.json
 * files leave these out, so the count depends on them.
 */
const GEMMA3 = family({
  qkNorm: 'per-head',
  normsPerLayer: 4,
  defaults: { vocab_size: 262_208, num_attention_heads: 8, num_key_value_heads: 4, head_dim: 256, tie_word_embeddings: true },
});

export const FAMILY_BY_MODEL_TYPE: ReadonlyMap<string, FamilyRules> = new Map([
  ['llama', BASE],
  ['mistral', BASE],
  ['mixtral', BASE],
  ['phi3', BASE], // fused qkv_proj and gate_up_proj hold the same weights as separate ones
  ['llama4', LLAMA4],
  ['llama4_text', LLAMA4],
  ['qwen2', QWEN2],
  ['qwen2_moe', QWEN2],
  ['qwen2_vl', QWEN2],
  ['qwen2_5_vl', QWEN2],
  ['qwen3', QWEN3],
  ['qwen3_moe', QWEN3],
  ['qwen3_vl', QWEN3],
  ['qwen3_vl_text', QWEN3],
  ['qwen3_vl_moe', QWEN3],
  ['qwen3_vl_moe_text', QWEN3],
  ['qwen3_next', QWEN_HYBRID],
  ['qwen3_5', QWEN_HYBRID],
  ['qwen3_5_text', QWEN_HYBRID],
  ['qwen3_5_moe', QWEN_HYBRID],
  ['qwen3_5_moe_text', QWEN_HYBRID],
  ['olmo2', family({ qkNorm: 'whole' })],
  ['olmo3', family({ qkNorm: 'whole' })],
  ['gemma3', GEMMA3],
  ['gemma3_text', GEMMA3],
  ['deepseek_v2', MLA],
  ['deepseek_v3', MLA],
  ['deepseek_v32', MLA],
  ['kimi_k2', MLA],
  ['glm_moe_dsa', MLA],
  ['glm4_moe', GLM4_MOE],
  ['glm4_moe_lite', GLM4_MOE],
  ['minimax_m2', family({ qkNorm: 'whole' })],
  ['gpt_oss', family({ sinks: true, expertBias: true })],
]);

/** Keys a family's defaults filled in, so the caller can say the figure leans on them. */
export function defaultedKeys(config: Record<string, unknown>, modelType: string | undefined): string[] {
  const rules = modelType === undefined ? undefined : FAMILY_BY_MODEL_TYPE.get(modelType);
  return rules ? Object.keys(rules.defaults).filter((key) => config[key] === undefined) : [];
}

function moeLayerCount(reader: ConfigReader, layers: number): number | undefined {
  const explicit = reader.intList('moe_layers'); // newer Llama-4 configs list them
  if (explicit !== undefined) return new Set(explicit.filter((layer) => layer >= 0 && layer < layers)).size;
  const firstKDense = reader.nonNegativeInt('first_k_dense_replace') ?? 0; // DeepSeek, GLM
  const layerFreq = reader.positiveInt('moe_layer_freq') ?? 1; // DeepSeek: layer % freq == 0
  // Qwen MoE `decoder_sparse_step` and Llama-4 `interleave_moe_layer_step` both mean: (layer + 1) % step == 0.
  const step = reader.positiveInt('decoder_sparse_step', 'interleave_moe_layer_step') ?? 1;
  if (layerFreq > 1 && step > 1) return undefined; // no released model combines both
  const isMoe = (layer: number) => layer >= firstKDense && layer % layerFreq === 0 && (layer + 1) % step === 0;
  const count = layerFreq > 1 ? countResidue(firstKDense, layers, layerFreq, 0) : countResidue(firstKDense, layers, step, step - 1);
  const mlpOnly = new Set((reader.intList('mlp_only_layers') ?? []).filter((layer) => layer >= 0 && layer < layers && isMoe(layer)));
  return count - mlpOnly.size;
}

/** Linear-attention layers of a hybrid stack; 0 for an ordinary one, undefined if it cannot say. */
function linearAttentionLayerCount(reader: ConfigReader, layers: number, hybrid: boolean): number | undefined {
  const layerTypes = reader.textList('layer_types');
  if (layerTypes !== undefined) {
    if (layerTypes.length !== layers) return undefined;
    const known = layerTypes.every((type) => type === 'linear_attention' || type === 'full_attention' || type === 'sliding_attention');
    if (!known) return undefined;
    return layerTypes.filter((type) => type === 'linear_attention').length;
  }
  if (!hybrid) return 0;
  // Qwen3-Next: layer i uses full attention when (i + 1) % full_attention_interval == 0.
  const interval = reader.positiveInt('full_attention_interval');
  return interval === undefined ? undefined : layers - countResidue(0, layers, interval, interval - 1);
}

function headDimOf(reader: ConfigReader, hidden: number, heads: number): number | undefined {
  return reader.positiveInt('head_dim') ?? (hidden % heads === 0 ? hidden / heads : undefined);
}

export function attentionShapeFromHf(reader: ConfigReader, rules: FamilyRules, heads: number, hidden: number): AttentionShape | undefined {
  const { config } = reader;
  const kvLoraRank = reader.positiveInt('kv_lora_rank');
  if (kvLoraRank !== undefined) {
    const qkNopeHeadDim = reader.positiveInt('qk_nope_head_dim');
    const qkRopeHeadDim = reader.positiveInt('qk_rope_head_dim');
    const vHeadDim = reader.positiveInt('v_head_dim');
    // Biases on the MLA low-rank projections are not modelled; no released checkpoint uses them.
    if (qkNopeHeadDim === undefined || qkRopeHeadDim === undefined || vHeadDim === undefined) return undefined;
    if (config.attention_bias === true) return undefined;
    const indexHeads = reader.positiveInt('index_n_heads');
    const indexHeadDim = reader.positiveInt('index_head_dim');
    const indexer = indexHeads !== undefined && indexHeadDim !== undefined ? { heads: indexHeads, headDim: indexHeadDim } : null;
    const qLoraRank = reader.positiveInt('q_lora_rank') ?? null;
    return { kind: 'mla', heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, indexer };
  }
  const headDim = headDimOf(reader, hidden, heads);
  if (headDim === undefined) return undefined;
  const kvHeads = reader.positiveInt('num_key_value_heads') ?? heads;
  const bias = config.attention_bias === true ? rules.biasWhenStated : rules.biasByDefault;
  // GLM-4.5 and MiniMax switch their q/k norms on and off in the config.
  const qkNorm = config.use_qk_norm === false ? 'none' : rules === GLM4_MOE ? (config.use_qk_norm === true ? 'per-head' : 'none') : rules.qkNorm;
  const outputGate = rules.outputGate && config.attn_output_gate !== false;
  return { kind: 'standard', heads, kvHeads, headDim, bias, qkNorm, outputGate, sinks: rules.sinks };
}

function gatedDeltaShape(reader: ConfigReader): AttentionShape | undefined {
  const keyHeads = reader.positiveInt('linear_num_key_heads');
  const valueHeads = reader.positiveInt('linear_num_value_heads');
  const keyHeadDim = reader.positiveInt('linear_key_head_dim');
  const valueHeadDim = reader.positiveInt('linear_value_head_dim');
  const convKernel = reader.positiveInt('linear_conv_kernel_dim');
  if (keyHeads === undefined || valueHeads === undefined || keyHeadDim === undefined || valueHeadDim === undefined || convKernel === undefined) {
    return undefined;
  }
  return { kind: 'gated-delta', keyHeads, valueHeads, keyHeadDim, valueHeadDim, convKernel };
}

/** null for a dense model; undefined for an MoE config missing a figure the count needs. */
function moeShapeFromHf(reader: ConfigReader, rules: FamilyRules): MoeShape | null | undefined {
  const { config } = reader;
  const experts = reader.positiveInt('num_local_experts', 'num_experts', 'n_routed_experts');
  if (experts === undefined) return null;
  const expertsPerToken = reader.positiveInt('num_experts_per_tok', 'num_experts_per_token');
  const expertIntermediate = reader.positiveInt('moe_intermediate_size', 'intermediate_size');
  if (expertsPerToken === undefined || expertIntermediate === undefined || expertsPerToken > experts) return undefined;
  let sharedIntermediate = 0;
  const nShared = reader.positiveInt('n_shared_experts');
  const qwenShared = reader.positiveInt('shared_expert_intermediate_size');
  if (nShared !== undefined) sharedIntermediate = nShared * expertIntermediate; // DeepSeek: one MLP n× as wide
  else if (qwenShared !== undefined) sharedIntermediate = qwenShared;
  else if (rules.impliedSharedExpert) sharedIntermediate = expertIntermediate;
  return {
    experts,
    expertsPerToken,
    expertIntermediate,
    sharedIntermediate,
    sharedExpertGate: qwenShared !== undefined && rules.sharedExpertGate,
    routerBias: config.topk_method === 'noaux_tc' || config.use_routing_bias === true || rules.routerBias,
    expertBias: rules.expertBias,
  };
}

export function decoderShapeFromHf(original: ConfigReader, modelType: string | undefined): DecoderShape | undefined {
  const rules = modelType === undefined ? undefined : FAMILY_BY_MODEL_TYPE.get(modelType);
  if (rules === undefined) return undefined;
  const reader = original.withFallbacks(rules.defaults);
  const hidden = reader.positiveInt('hidden_size');
  const layers = reader.positiveInt('num_hidden_layers');
  const vocab = reader.positiveInt('vocab_size');
  const heads = reader.positiveInt('num_attention_heads');
  // Llama-4 names the dense-layer MLP width separately; its `intermediate_size` is the expert width.
  const denseIntermediate = reader.positiveInt('intermediate_size_mlp', 'intermediate_size');
  if (hidden === undefined || layers === undefined || vocab === undefined || heads === undefined) return undefined;
  const attention = attentionShapeFromHf(reader, rules, heads, hidden);
  const moe = moeShapeFromHf(reader, rules);
  if (attention === undefined || moe === undefined) return undefined;
  const moeLayers = moe === null ? 0 : moeLayerCount(reader, layers);
  // A dense layer needs its width; an all-MoE model (Qwen3.5-MoE) states none.
  if (moeLayers === undefined || (moeLayers < layers && denseIntermediate === undefined)) return undefined;
  const hybrid = rules === QWEN_HYBRID;
  const linearLayers = linearAttentionLayerCount(reader, layers, hybrid);
  if (linearLayers === undefined) return undefined;
  const alternateAttention = linearLayers > 0 ? gatedDeltaShape(reader) : null;
  if (linearLayers > 0 && alternateAttention === undefined) return undefined;
  const census: LayerCensus = { moeLayers, alternateAttentionLayers: linearLayers };
  return {
    hidden,
    layers,
    vocab,
    // Every countable family except Gemma (see its defaults) unties embeddings when the key is absent.
    tiedEmbeddings: reader.config.tie_word_embeddings === true,
    attention,
    alternateAttention: alternateAttention ?? null,
    denseIntermediate: denseIntermediate ?? 0,
    mlpBias: reader.config.mlp_bias === true,
    normsPerLayer: rules.normsPerLayer,
    moe,
    census,
  };
}

// ---------------------------------------------------------------------------------------------
// DeepSeek's own inference-code config (deepseek-ai/DeepSeek-V3 inference/configs/*.json): not HF
// format, but the same model, so it is read too. Keys: dim, inter_dim, moe_inter_dim, n_layers…

export function isDeepSeekInferenceConfig(config: Record<string, unknown>): boolean {
  return 'dim' in config && 'n_layers' in config && !('hidden_size' in config);
}

export function decoderShapeFromDeepSeekInference(reader: ConfigReader): DecoderShape | undefined {
  const hidden = reader.positiveInt('dim');
  const layers = reader.positiveInt('n_layers');
  const vocab = reader.positiveInt('vocab_size');
  const heads = reader.positiveInt('n_heads');
  const denseIntermediate = reader.positiveInt('inter_dim');
  const experts = reader.positiveInt('n_routed_experts');
  const expertsPerToken = reader.positiveInt('n_activated_experts');
  const expertIntermediate = reader.positiveInt('moe_inter_dim');
  const kvLoraRank = reader.positiveInt('kv_lora_rank');
  const qkNopeHeadDim = reader.positiveInt('qk_nope_head_dim');
  const qkRopeHeadDim = reader.positiveInt('qk_rope_head_dim');
  const vHeadDim = reader.positiveInt('v_head_dim');
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
  const denseLayers = Math.min(reader.nonNegativeInt('n_dense_layers') ?? 0, layers);
  const qLoraRank = reader.positiveInt('q_lora_rank') ?? null;
  return {
    hidden,
    layers,
    vocab,
    tiedEmbeddings: false, // the inference code always has a separate `head`
    attention: { kind: 'mla', heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, indexer: null },
    alternateAttention: null,
    denseIntermediate,
    mlpBias: false,
    normsPerLayer: 2,
    moe: {
      experts,
      expertsPerToken,
      expertIntermediate,
      sharedIntermediate: (reader.positiveInt('n_shared_experts') ?? 0) * expertIntermediate,
      sharedExpertGate: false,
      // The gate's per-expert bias (256 values per layer in V3) is left out: the inference code
      // creates it only for one hidden size, and it is 0.000002 % of the total.
      routerBias: false,
      expertBias: false,
    },
    census: { moeLayers: layers - denseLayers, alternateAttentionLayers: 0 },
  };
}
