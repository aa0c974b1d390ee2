/**
 * Parameter counts of decoder-only transformers in closed form: the layers are grouped by kind
 * (attention kind × MLP kind) and each group is counted once and multiplied by how many layers it
 * has, so a config claiming 2^53 layers costs as much as one with 2 (the old per-layer loop would
 * have run for about a year).
 */

export type AttentionShape =
  | {
      kind: 'standard';
      heads: number;
      kvHeads: number;
      headDim: number;
      /** Which projections carry a bias: Qwen2 and GLM-4.5 have q/k/v biases, gpt-oss all four. */
      bias: 'none' | 'qkv' | 'qkvo';
      /**
       * Learned q/k normalisation: per head (Qwen3, Gemma 3: two vectors of head_dim) or over the whole
       * projection (OLMo 3, MiniMax-M2: heads × head_dim and kv heads × head_dim).
       */
      qkNorm: 'none' | 'per-head' | 'whole';
      /** Qwen3-Next/3.5 gate the attention output with a second query-sized projection. */
      outputGate: boolean;
      /** gpt-oss learns one attention-sink logit per head. */
      sinks: boolean;
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
      /** DeepSeek-V3.2 / GLM-5 sparse attention: a small indexer picks the keys each query reads. */
      indexer: { heads: number; headDim: number } | null;
    }
  | {
      /** Qwen3-Next/3.5 Gated DeltaNet linear attention: a fixed-size state, no per-token cache. */
      kind: 'gated-delta';
      keyHeads: number;
      valueHeads: number;
      keyHeadDim: number;
      valueHeadDim: number;
      convKernel: number;
    };

export interface MoeShape {
  experts: number;
  expertsPerToken: number;
  expertIntermediate: number;
  /** Intermediate size of the always-on shared expert MLP (all shared experts together); 0 if none. */
  sharedIntermediate: number;
  /** Qwen2-MoE and Qwen3-Next scale the shared expert by a learned sigmoid gate (hidden × 1). */
  sharedExpertGate: boolean;
  /** DeepSeek-V3 style routing (`noaux_tc`, MiniMax routing bias) adds one learned bias per expert. */
  routerBias: boolean;
  /** gpt-oss experts carry biases on their projections. */
  expertBias: boolean;
}

/** How many layers of each kind; every count is a plain number, never a per-layer list. */
export interface LayerCensus {
  /** Layers with the MoE block (the rest have the dense MLP). */
  moeLayers: number;
  /** Layers whose attention is `alternateAttention` (the rest use `attention`). */
  alternateAttentionLayers: number;
}

export interface DecoderShape {
  hidden: number;
  layers: number;
  vocab: number;
  tiedEmbeddings: boolean;
  attention: AttentionShape;
  /** Qwen3-Next/3.5 mix linear-attention layers (here) with full-attention ones (`attention`). */
  alternateAttention: AttentionShape | null;
  denseIntermediate: number;
  mlpBias: boolean;
  /** RMSNorms per layer: 2 in most models, 4 in Gemma 2/3 (pre and post norms around both blocks). */
  normsPerLayer: number;
  moe: MoeShape | null;
  census: LayerCensus;
}

export interface ParamCounts {
  total: number;
  active: number;
}

export function attentionParams(hidden: number, attention: AttentionShape): number {
  switch (attention.kind) {
    case 'mla': {
      const { heads, qLoraRank, kvLoraRank, qkNopeHeadDim, qkRopeHeadDim, vHeadDim, indexer } = attention;
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
      // Indexer (DeepSeek-V3.2 inference/model.py `Indexer`): wq_b from the query latent, wk, a
      // LayerNorm on the key (weight and bias) and per-head weights_proj.
      const indexerParams =
        indexer === null
          ? 0
          : (qLoraRank ?? hidden) * indexer.heads * indexer.headDim + hidden * indexer.headDim + 2 * indexer.headDim + hidden * indexer.heads;
      return query + keyValue + output + indexerParams;
    }
    case 'gated-delta': {
      // transformers Qwen3NextGatedDeltaNet: in_proj_qkvz, in_proj_ba, a depthwise conv over q, k and
      // v, dt_bias and A_log per value head, a gated RMSNorm of one value head, out_proj.
      const { keyHeads, valueHeads, keyHeadDim, valueHeadDim, convKernel } = attention;
      const keyDim = keyHeads * keyHeadDim;
      const valueDim = valueHeads * valueHeadDim;
      const convDim = 2 * keyDim + valueDim;
      return hidden * (2 * keyDim + 2 * valueDim) + hidden * 2 * valueHeads + convDim * convKernel + 2 * valueHeads + valueHeadDim + valueDim * hidden;
    }
    case 'standard': {
      const { heads, kvHeads, headDim, bias, qkNorm, outputGate, sinks } = attention;
      const q = heads * headDim;
      const kv = kvHeads * headDim;
      const weights = hidden * q * (outputGate ? 2 : 1) + 2 * hidden * kv + q * hidden;
      const biases = bias === 'none' ? 0 : q + 2 * kv + (bias === 'qkvo' ? hidden : 0);
      const norms = qkNorm === 'per-head' ? 2 * headDim : qkNorm === 'whole' ? q + kv : 0;
      return weights + biases + norms + (sinks ? heads : 0);
    }
  }
}

/** A gated (SwiGLU/GeGLU) MLP: gate, up and down projections. */
export function gatedMlpParams(hidden: number, intermediate: number, bias: boolean): number {
  return 3 * hidden * intermediate + (bias ? 2 * intermediate + hidden : 0);
}

/**
 * Parameters of a decoder-only transformer: embeddings, the LM head unless tied, attention, MLP or
 * MoE block and the norms of every layer, and the final norm. Active parameters are those one token
 * passes through: everything except the routed experts it is not sent to. The embedding table is
 * counted in both, as Mistral and Qwen count it; DeepSeek and OpenAI leave the input embedding out of
 * their published "activated" figures, so those read about vocab × hidden lower. Multi-token-prediction
 * modules are not counted (DeepSeek's 671B leaves them out too).
 */
export function countDecoderParams(shape: DecoderShape): ParamCounts {
  const { hidden, layers, vocab, tiedEmbeddings, denseIntermediate, mlpBias, normsPerLayer, moe, census } = shape;
  const embeddings = vocab * hidden * (tiedEmbeddings ? 1 : 2);
  const finalNorm = hidden;

  const mainAttentionLayers = layers - census.alternateAttentionLayers;
  const alternate = shape.alternateAttention === null ? 0 : attentionParams(hidden, shape.alternateAttention);
  const attention = mainAttentionLayers * attentionParams(hidden, shape.attention) + census.alternateAttentionLayers * alternate;

  const denseLayers = layers - census.moeLayers;
  const dense = denseLayers * gatedMlpParams(hidden, denseIntermediate, mlpBias);
  let moeTotal = 0;
  let moeActive = 0;
  if (moe !== null && census.moeLayers > 0) {
    const router = hidden * moe.experts + (moe.routerBias || moe.expertBias ? moe.experts : 0);
    const shared =
      (moe.sharedIntermediate > 0 ? gatedMlpParams(hidden, moe.sharedIntermediate, false) : 0) + (moe.sharedExpertGate ? hidden : 0);
    const expert = gatedMlpParams(hidden, moe.expertIntermediate, moe.expertBias);
    moeTotal = census.moeLayers * (router + shared + moe.experts * expert);
    moeActive = census.moeLayers * (router + shared + moe.expertsPerToken * expert);
  }
  const common = embeddings + finalNorm + attention + layers * normsPerLayer * hidden + dense;
  return { total: common + moeTotal, active: common + moeActive };
}

/** Elements of K and V cached per token in one layer, or null for a layer with no per-token cache. */
export function kvElementsPerLayer(attention: AttentionShape): number | null {
  switch (attention.kind) {
    // MLA caches one compressed latent plus the shared rotary key per layer, not per-head K and V.
    case 'mla':
      return attention.kvLoraRank + attention.qkRopeHeadDim;
    case 'gated-delta':
      return null;
    case 'standard':
      return 2 * attention.kvHeads * attention.headDim;
  }
}

/**
 * Layers in [from, to) whose index is ≡ residue (mod modulus): the closed form behind every
 * "every n-th layer" rule.
 */
export function countResidue(from: number, to: number, modulus: number, residue: number): number {
  if (to <= from) return 0;
  const upTo = (n: number) => (n <= residue ? 0 : Math.floor((n - 1 - residue) / modulus) + 1); // indices in [0, n)
  return Math.max(0, upTo(to) - upTo(from));
}
