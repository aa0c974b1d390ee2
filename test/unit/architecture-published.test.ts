/**
 * Parameter counts computed from the recorded config.json files (data/raw/huggingface/, see
 * PROVENANCE.json) against the figures their makers published. Counts cover the language model only
 * (no vision tower, no multi-token-prediction module), so a published total that includes those reads
 * a little higher; each tolerance is stated with its reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArchitecture } from '../../src/lib/data/architecture.ts';
import { parseConfigText } from '../../src/lib/data/architecture-source.ts';
import { Architecture } from '../../src/lib/data/schema.ts';

const CONFIG_DIR = new URL('../../data/raw/huggingface/', import.meta.url);

function archOf(file: string): Architecture {
  const reading = readArchitecture(parseConfigText(readFileSync(new URL(file, CONFIG_DIR), 'utf8')), { kind: 'hf-config', label: file, url: null });
  expect(reading.problems).toEqual([]);
  return Architecture.parse(reading.architecture);
}

/** |actual − published| / published ≤ fraction. */
function near(actual: number | undefined, published: number, fraction: number): void {
  expect(actual).toBeDefined();
  const off = Math.abs((actual ?? Number.NaN) - published) / published;
  expect(off, `${actual} vs published ${published}`).toBeLessThanOrEqual(fraction);
}

/** The input embedding table, which DeepSeek, OpenAI and MiniMax leave out of "activated" figures. */
function inputEmbedding(arch: Architecture): number {
  return (arch.vocabSize?.value ?? Number.NaN) * (arch.hiddenSize?.value ?? Number.NaN);
}

describe('dense models against published totals', () => {
  it('Llama 3.3 70B: 70.6B (Hugging Face model page, meta-llama/Llama-3.3-70B-Instruct)', () => {
    // 80 × (2 × 8192² + 2 × 8192 × 1024 + 3 × 8192 × 28672 + 2 × 8192) + 2 × 128256 × 8192 + 8192 = 70,553,706,496
    expect(archOf('meta-llama__Llama-3.3-70B-Instruct.config.json').totalParams?.value).toBe(70_553_706_496);
    near(archOf('meta-llama__Llama-3.3-70B-Instruct.config.json').totalParams?.value, 70.6e9, 0.001);
  });

  it('Llama 3.2 1B and 3B tie their embeddings: 1.23B and 3.21B (Meta Llama 3.2 model card)', () => {
    const oneB = archOf('meta-llama__Llama-3.2-1B-Instruct.config.json');
    // 16 × (2048 × 2048 × 2 + 2048 × 512 × 2 + 3 × 2048 × 8192 + 2 × 2048) + 128256 × 2048 + 2048 = 1,235,814,400
    expect(oneB.totalParams?.value).toBe(1_235_814_400);
    near(oneB.totalParams?.value, 1.23e9, 0.005);
    near(archOf('meta-llama__Llama-3.2-3B-Instruct.config.json').totalParams?.value, 3.21e9, 0.005);
  });

  it('Gemma 3 27B and 4B from the nested text_config with Gemma3TextConfig defaults (Gemma 3 technical report, Table 1)', () => {
    // arXiv 2503.19786, Table 1: 27B has 25,600M non-embedding and 1,416M embedding parameters; 4B has 3,209M and 675M.
    // 27B non-embedding: 62 × (5376 × (4096 + 2 × 2048) + 4096 × 5376 + 2 × 128 + 4 × 5376 + 3 × 5376 × 21504) + 5376 = 25,599,716,096
    const big = archOf('google__gemma-3-27b-it.config.json');
    expect(big.vocabSize).toBeUndefined(); // the file does not state it: the count uses transformers' default of 262,208
    const bigNonEmbedding = (big.totalParams?.value ?? 0) - 262_208 * 5376;
    expect(bigNonEmbedding).toBe(25_599_716_096);
    near(bigNonEmbedding, 25_600e6, 0.001);
    near(big.totalParams?.value, 27e9, 0.01);
    const small = archOf('google__gemma-3-4b-it.config.json');
    near((small.totalParams?.value ?? 0) - 262_208 * 2560, 3_209e6, 0.001);
  });

  it('phi-4: 14.7B (Hugging Face model page, microsoft/phi-4), fused projections counted like separate ones', () => {
    // 40 × (5120 × (5120 + 2 × 1280) + 5120² + 3 × 5120 × 17920 + 2 × 5120) + 2 × 100352 × 5120 + 5120 = 14,659,507,200
    expect(archOf('microsoft__phi-4.config.json').totalParams?.value).toBe(14_659_507_200);
    near(archOf('microsoft__phi-4.config.json').totalParams?.value, 14.7e9, 0.005);
  });

  it('OLMo 3 32B with whole-projection q/k norms: 32B (allenai/Olmo-3-32B-Think model card)', () => {
    near(archOf('allenai__Olmo-3-32B-Think.config.json').totalParams?.value, 32e9, 0.01);
  });

  it('Qwen3.5 27B, a hybrid of Gated DeltaNet and gated attention: 27B (Qwen/Qwen3.5-27B model card)', () => {
    near(archOf('Qwen__Qwen3.5-27B.config.json').totalParams?.value, 27e9, 0.01);
  });
});

describe('mixture-of-experts models against published totals', () => {
  it('Qwen3-235B-A22B: 235B in total, 22B activated (Qwen/Qwen3-235B-A22B model card)', () => {
    const arch = archOf('Qwen__Qwen3-235B-A22B.config.json');
    near(arch.totalParams?.value, 235e9, 0.002);
    near(arch.activeParams?.value, 22e9, 0.01);
  });

  it('DeepSeek-V3 from its Hugging Face config: 671B total, 37B activated (DeepSeek-V3 technical report, arXiv 2412.19437)', () => {
    const arch = archOf('deepseek-ai__DeepSeek-V3.config.json');
    near(arch.totalParams?.value, 671e9, 0.001);
    // The report's 37B leaves out the input embedding table.
    near((arch.activeParams?.value ?? 0) - inputEmbedding(arch), 37e9, 0.02);
    // One learned routing bias per expert (noaux_tc) on each of the 58 MoE layers beyond the inference config's count.
    const inference = archOf('deepseek-ai__DeepSeek-V3.inference-config_671B.json');
    expect((arch.totalParams?.value ?? 0) - (inference.totalParams?.value ?? 0)).toBe(58 * 256);
  });

  it('DeepSeek-V3.2 adds the sparse-attention indexer to V3: 671B (deepseek-ai/DeepSeek-V3.2 model card) and no KV figure', () => {
    const v3 = archOf('deepseek-ai__DeepSeek-V3.config.json');
    const v32 = archOf('deepseek-ai__DeepSeek-V3.2.config.json');
    // Per layer: wq_b 1536 × 64 × 128 + wk 7168 × 128 + k_norm 2 × 128 + weights_proj 7168 × 64 = 13,959,424; × 61 layers
    expect((v32.totalParams?.value ?? 0) - (v3.totalParams?.value ?? 0)).toBe(61 * 13_959_424);
    near(v32.totalParams?.value, 671e9, 0.002);
    expect(v32.kvCacheBytesPerToken).toBeUndefined(); // the indexer keeps a key cache of its own
  });

  it('Mixtral 8x22B: 141B total, 39B active (Mistral AI, "Cheaper, Better, Faster, Stronger", 2024-04-17)', () => {
    const arch = archOf('mistralai__Mixtral-8x22B-Instruct-v0.1.config.json');
    near(arch.totalParams?.value, 141e9, 0.005);
    near(arch.activeParams?.value, 39e9, 0.005);
    // WizardLM-2 8x22B shares the base model's config (vocab 32000 instead of 32768).
    near(archOf('microsoft__WizardLM-2-8x22B.config.json').totalParams?.value, 141e9, 0.005);
  });

  it('gpt-oss-120b and -20b: 116.83B / 5.13B and 20.91B / 3.61B (OpenAI gpt-oss model card, arXiv 2508.10925, Table 1)', () => {
    const big = archOf('openai__gpt-oss-120b.config.json');
    // Attention with all four biases and 64 sinks: 2880 × 4096 × 2 + 2880 × 512 × 2 + 4096 + 2 × 512 + 2880 + 64 = 26,550,144
    // One expert with biases: 3 × 2880 × 2880 + 2 × 2880 + 2880 = 24,891,840; router 2880 × 128 + 128 = 368,768; norms 5,760
    // 36 × (26,550,144 + 128 × 24,891,840 + 368,768 + 5,760) + 2 × 201088 × 2880 + 2880 = 116,829,156,672
    expect(big.totalParams?.value).toBe(116_829_156_672);
    near(big.totalParams?.value, 116.83e9, 0.0001);
    near((big.activeParams?.value ?? 0) - inputEmbedding(big), 5.13e9, 0.002);
    const small = archOf('openai__gpt-oss-20b.config.json');
    near(small.totalParams?.value, 20.91e9, 0.001);
    near((small.activeParams?.value ?? 0) - inputEmbedding(small), 3.61e9, 0.003);
  });

  it('Kimi K2: 1T total, 32B activated (moonshotai/Kimi-K2-Instruct model card)', () => {
    const arch = archOf('moonshotai__Kimi-K2-Instruct.config.json');
    near(arch.totalParams?.value, 1.04e12, 0.02); // "1T" is rounded: 1.026T here
    near((arch.activeParams?.value ?? 0) - inputEmbedding(arch), 32e9, 0.03);
    // Kimi K2.5 nests the same language model in text_config.
    expect(archOf('moonshotai__Kimi-K2.5.config.json').totalParams?.value).toBe(arch.totalParams?.value);
  });

  it('MiniMax-M2 with routing bias and whole-projection q/k norms: 230B total, 10B active (MiniMaxAI/MiniMax-M2 model card)', () => {
    const arch = archOf('MiniMaxAI__MiniMax-M2.config.json');
    near(arch.totalParams?.value, 230e9, 0.01);
    // "10B" is rounded to the billion: anything from 9.5B to 10.5B reads so.
    const active = (arch.activeParams?.value ?? 0) - inputEmbedding(arch);
    expect(active).toBeGreaterThanOrEqual(9.5e9);
    expect(active).toBeLessThan(10.5e9);
  });

  it('GLM-5 with MLA and its indexer: 744B parameters, 40B active (zai-org/GLM-5 model card)', () => {
    const arch = archOf('zai-org__GLM-5.config.json');
    near(arch.totalParams?.value, 744e9, 0.001);
    near((arch.activeParams?.value ?? 0) - inputEmbedding(arch), 40e9, 0.03);
    expect(arch.kvCacheBytesPerToken).toBeUndefined();
  });

  it('Llama 4 Maverick from an abridged config: 400B total, 17B active with MoE every second layer (Meta Llama 4 model card)', () => {
    const arch = archOf('abridged/meta-llama__Llama-4-Maverick-17B-128E-Instruct.config.json');
    near(arch.totalParams?.value, 400e9, 0.005);
    near(arch.activeParams?.value, 17e9, 0.02);
  });

  it('Qwen3-Next-80B-A3B and Qwen3.5-397B-A17B, hybrid linear attention: 80B and 397B / 17B (Qwen model cards)', () => {
    const next = archOf('Qwen__Qwen3-Next-80B-A3B-Thinking.config.json');
    near(next.totalParams?.value, 80e9, 0.005);
    const big = archOf('Qwen__Qwen3.5-397B-A17B.config.json');
    near(big.totalParams?.value, 397e9, 0.005);
    near(big.activeParams?.value, 17e9, 0.03);
  });
});

describe('Nemotron-H: Mamba-2, attention and MoE blocks', () => {
  it('counts a Mamba-2 block by hand and caches K and V only in the attention blocks (Nemotron 3 Nano)', () => {
    // hidden 2688; Mamba-2: 64 heads × 64 = 4096 inner, 8 groups × 128 state: conv over 4096 + 2 × 8 × 128 = 6144.
    // in_proj 2688 × (4096 + 6144 + 64) = 27,697,152; conv 6144 × 4 + 6144 bias = 30,720; dt_bias, A_log, D 3 × 64 = 192;
    // gated norm 4096; out_proj 4096 × 2688 = 11,010,048 → 38,742,208 per Mamba block.
    // Attention: q 2688 × 4096, k, v 2688 × 256, o 4096 × 2688 → 23,396,352. MoE: router 2688 × 128 + 128 bias;
    // experts 2 × 2688 × 1856 = 9,977,856 each (squared ReLU: up and down); shared 2 × 2688 × 3712 = 19,955,712.
    // Pattern: 23 Mamba, 23 MoE, 6 attention blocks; one norm per block; untied embeddings 2 × 131072 × 2688.
    const moeAlwaysOn = 2688 * 128 + 128 + 19_955_712;
    const common = 23 * 38_742_208 + 6 * 23_396_352 + 52 * 2688 + 2688 + 2 * 131_072 * 2688;
    const arch = archOf('nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.config.json');
    expect(arch.totalParams?.value).toBe(common + 23 * (moeAlwaysOn + 128 * 9_977_856));
    expect(arch.activeParams?.value).toBe(common + 23 * (moeAlwaysOn + 6 * 9_977_856));
    // 6 attention blocks × 2 KV heads × 128 × 2 (K and V) × 2 bytes = 6,144
    expect(arch.kvCacheBytesPerToken?.value).toBe(6_144);
  });

  it('Nemotron 3 Nano: 31.6B total, 3.6B active with embeddings (NVIDIA Nemotron 3 Nano model card)', () => {
    const arch = archOf('nvidia__NVIDIA-Nemotron-3-Nano-30B-A3B-BF16.config.json');
    near(arch.totalParams?.value, 31.6e9, 0.002);
    near(arch.activeParams?.value, 3.6e9, 0.01);
  });

  it('Nemotron 3 Super and Ultra with latent MoE: 120B / 12B and 550B / 55B, as their names state (NVIDIA)', () => {
    const supr = archOf('nvidia__NVIDIA-Nemotron-3-Super-120B-A12B-FP8.config.json');
    near(supr.totalParams?.value, 120e9, 0.01);
    near((supr.activeParams?.value ?? 0) - inputEmbedding(supr), 12e9, 0.03);
    // Ultra lists its blocks in layers_block_type and states no num_hidden_layers: the layer count is derived.
    const ultra = archOf('nvidia__NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16.config.json');
    expect(ultra.layers).toEqual({ value: 108, source: { kind: 'computed', label: 'computed from nvidia__NVIDIA-Nemotron-3-Ultra-550B-A55B-BF16.config.json', url: null } });
    near(ultra.totalParams?.value, 550e9, 0.005);
    near((ultra.activeParams?.value ?? 0) - inputEmbedding(ultra), 55e9, 0.01);
  });
});

describe('hybrid linear attention, worked by hand', () => {
  it('counts a Gated DeltaNet layer and caches K and V only in the full-attention layers', () => {
    // Qwen3-Next-80B-A3B: hidden 2048; linear: 16 key heads × 128, 32 value heads × 128, conv kernel 4.
    // in_proj_qkvz 2048 × (2 × 2048 + 2 × 4096) = 25,165,824; in_proj_ba 2048 × 64 = 131,072;
    // conv (2 × 2048 + 4096) × 4 = 32,768; dt_bias + A_log 64; norm 128; out_proj 4096 × 2048 = 8,388,608 → 33,718,464
    // gated full attention: q 2048 × 16 × 256 × 2 = 16,777,216; k, v 2048 × 512 each; o 4096 × 2048; q/k norms 512 → 27,263,488
    // MoE: router 2048 × 512 = 1,048,576; shared expert 3 × 2048 × 512 + gate 2048 = 3,147,776; expert 3,145,728
    // norms 2 × 2048; 48 layers, every 4th full: 12 full, 36 linear.
    // total: 36 × 33,718,464 + 12 × 27,263,488 + 48 × (1,048,576 + 3,147,776 + 512 × 3,145,728 + 4,096) + 2 × 151936 × 2048 + 2048
    const expectedTotal = 36 * 33_718_464 + 12 * 27_263_488 + 48 * (1_048_576 + 3_147_776 + 512 * 3_145_728 + 4_096) + 2 * 151_936 * 2048 + 2048;
    const arch = archOf('Qwen__Qwen3-Next-80B-A3B-Thinking.config.json');
    expect(arch.totalParams?.value).toBe(expectedTotal);
    // 12 full-attention layers × 2 KV heads × 256 × 2 (K and V) × 2 bytes = 24,576; the linear layers keep a fixed state.
    expect(arch.kvCacheBytesPerToken?.value).toBe(24_576);
  });
});
