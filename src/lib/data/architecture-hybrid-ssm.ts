/**
 * NVIDIA Nemotron-H (`nemotron_h`: Nemotron 3 Nano, Super, Ultra, 3.5 Lightning): a stack of blocks
 * that each hold one mixer after one RMSNorm: Mamba-2 (`M`), attention (`*`), a plain MLP (`-`) or a
 * mixture of experts (`E`), listed by `hybrid_override_pattern` or `layers_block_type`. Counted in
 * closed form from the number of blocks of each kind, like every other family.
 *
 * Shapes follow transformers' modeling_nemotron_h.py: the Mamba-2 in_proj makes x, z, B, C and dt in
 * one projection; MLPs are squared-ReLU (up and down, no gate); the MoE router keeps a score-correction
 * bias. Super and Ultra route experts through a smaller latent (`moe_latent_size`): a down and an up
 * projection around experts that work at the latent width. Checked against NVIDIA's published totals
 * (test/unit/architecture-published.test.ts).
 */
import type { ConfigReader } from './architecture-config.ts';
import type { ParamCounts } from './architecture-params.ts';

export interface NemotronHShape {
  hidden: number;
  vocab: number;
  tiedEmbeddings: boolean;
  blocks: { mamba: number; attention: number; mlp: number; moe: number };
  mamba: { heads: number; headDim: number; groups: number; stateSize: number; convKernel: number; convBias: boolean; projBias: boolean };
  attention: { heads: number; kvHeads: number; headDim: number; bias: boolean };
  mlpIntermediate: number;
  moe: { experts: number; perToken: number; intermediate: number; sharedIntermediate: number; latent: number | null } | null;
}

const BLOCK_BY_CHAR: Record<string, keyof NemotronHShape['blocks']> = { M: 'mamba', '*': 'attention', '-': 'mlp', E: 'moe' };
const BLOCK_BY_WORD: Record<string, keyof NemotronHShape['blocks']> = { mamba: 'mamba', attention: 'attention', mlp: 'mlp', moe: 'moe' };

function blockCounts(reader: ConfigReader): NemotronHShape['blocks'] | undefined {
  const counts = { mamba: 0, attention: 0, mlp: 0, moe: 0 };
  const pattern = reader.config.hybrid_override_pattern;
  const kinds: (keyof NemotronHShape['blocks'] | undefined)[] =
    typeof pattern === 'string' ? [...pattern].map((char) => BLOCK_BY_CHAR[char]) : (reader.textList('layers_block_type') ?? []).map((word) => BLOCK_BY_WORD[word]);
  if (kinds.length === 0 || kinds.length > 10_000 || kinds.some((kind) => kind === undefined)) return undefined;
  for (const kind of kinds) counts[kind!] += 1;
  return counts;
}

export function nemotronHShape(reader: ConfigReader): NemotronHShape | undefined {
  const blocks = blockCounts(reader);
  const hidden = reader.positiveInt('hidden_size');
  const vocab = reader.positiveInt('vocab_size');
  const layers = reader.positiveInt('num_hidden_layers');
  if (blocks === undefined || hidden === undefined || vocab === undefined) return undefined;
  const total = blocks.mamba + blocks.attention + blocks.mlp + blocks.moe;
  if (layers !== undefined && layers !== total) return undefined; // the pattern and the layer count disagree
  const { config } = reader;
  const mamba = {
    heads: reader.positiveInt('mamba_num_heads'),
    headDim: reader.positiveInt('mamba_head_dim'),
    groups: reader.positiveInt('n_groups'),
    stateSize: reader.positiveInt('ssm_state_size'),
    convKernel: reader.positiveInt('conv_kernel'),
  };
  const attention = { heads: reader.positiveInt('num_attention_heads'), kvHeads: reader.positiveInt('num_key_value_heads'), headDim: reader.positiveInt('head_dim') };
  const mlpIntermediate = reader.positiveInt('intermediate_size');
  if (blocks.mamba > 0 && Object.values(mamba).some((value) => value === undefined)) return undefined;
  if (blocks.attention > 0 && Object.values(attention).some((value) => value === undefined)) return undefined;
  if (blocks.mlp > 0 && mlpIntermediate === undefined) return undefined;
  let moe: NemotronHShape['moe'] = null;
  if (blocks.moe > 0) {
    const experts = reader.positiveInt('n_routed_experts');
    const perToken = reader.positiveInt('num_experts_per_tok');
    const intermediate = reader.positiveInt('moe_intermediate_size');
    if (experts === undefined || perToken === undefined || intermediate === undefined || perToken > experts) return undefined;
    const shared = (reader.positiveInt('n_shared_experts') ?? 0) > 0 ? (reader.positiveInt('moe_shared_expert_intermediate_size') ?? 0) : 0;
    moe = { experts, perToken, intermediate, sharedIntermediate: shared, latent: reader.positiveInt('moe_latent_size') ?? null };
  }
  return {
    hidden,
    vocab,
    tiedEmbeddings: config.tie_word_embeddings === true,
    blocks,
    mamba: {
      heads: mamba.heads ?? 0,
      headDim: mamba.headDim ?? 0,
      groups: mamba.groups ?? 0,
      stateSize: mamba.stateSize ?? 0,
      convKernel: mamba.convKernel ?? 0,
      convBias: config.use_conv_bias !== false,
      projBias: config.use_bias === true,
    },
    attention: { heads: attention.heads ?? 0, kvHeads: attention.kvHeads ?? 0, headDim: attention.headDim ?? 0, bias: config.attention_bias === true },
    mlpIntermediate: mlpIntermediate ?? 0,
    moe,
  };
}

function mambaParams(hidden: number, m: NemotronHShape['mamba']): number {
  const inner = m.heads * m.headDim;
  const convDim = inner + 2 * m.groups * m.stateSize; // x, B and C pass through the depthwise conv
  const inProj = hidden * (inner + convDim + m.heads) + (m.projBias ? inner + convDim + m.heads : 0); // z, xBC, dt
  const conv = convDim * m.convKernel + (m.convBias ? convDim : 0);
  const perHead = 3 * m.heads; // dt_bias, A_log, D
  const gatedNorm = inner;
  const outProj = inner * hidden + (m.projBias ? hidden : 0);
  return inProj + conv + perHead + gatedNorm + outProj;
}

function attentionParams(hidden: number, a: NemotronHShape['attention']): number {
  const q = a.heads * a.headDim;
  const kv = a.kvHeads * a.headDim;
  return 2 * hidden * q + 2 * hidden * kv + (a.bias ? q + 2 * kv + hidden : 0);
}

/** A squared-ReLU MLP: up and down projections only. */
const plainMlp = (width: number, intermediate: number) => 2 * width * intermediate;

export function countNemotronH(shape: NemotronHShape): ParamCounts {
  const { hidden, vocab, tiedEmbeddings, blocks, moe } = shape;
  const layers = blocks.mamba + blocks.attention + blocks.mlp + blocks.moe;
  const common =
    vocab * hidden * (tiedEmbeddings ? 1 : 2) +
    hidden + // final norm
    layers * hidden + // one norm per block
    blocks.mamba * mambaParams(hidden, shape.mamba) +
    blocks.attention * attentionParams(hidden, shape.attention) +
    blocks.mlp * plainMlp(hidden, shape.mlpIntermediate);
  if (moe === null) return { total: common, active: common };
  const expertWidth = moe.latent ?? hidden;
  const alwaysOn =
    hidden * moe.experts + moe.experts + // router and its score-correction bias
    (moe.latent === null ? 0 : 2 * hidden * moe.latent) + // into and out of the latent
    (moe.sharedIntermediate > 0 ? plainMlp(hidden, moe.sharedIntermediate) : 0);
  const expert = plainMlp(expertWidth, moe.intermediate);
  return {
    total: common + blocks.moe * (alwaysOn + moe.experts * expert),
    active: common + blocks.moe * (alwaysOn + moe.perToken * expert),
  };
}

/** K and V of the attention blocks only: Mamba-2 blocks keep a fixed-size state, not a per-token cache. */
export function nemotronHKvBytesPerToken(shape: NemotronHShape): number {
  return shape.blocks.attention * 2 * shape.attention.kvHeads * shape.attention.headDim * 2;
}
