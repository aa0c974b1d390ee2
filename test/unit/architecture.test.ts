import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  architectureFromConfig,
  kvCacheBytes,
  selfHostingEstimate,
  weightsMemoryBytes,
} from '../../src/lib/data/architecture.ts';
import { Architecture, type SourceRef } from '../../src/lib/data/schema.ts';

const CONFIG_DIR = new URL('../../data/raw/huggingface/', import.meta.url);

function sourceFor(file: string): SourceRef {
  return { kind: 'hf-config', label: file, url: `https://example.test/${file}` };
}

function readConfig(file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, CONFIG_DIR), 'utf8'));
}

function archOf(file: string): Architecture {
  const architecture = architectureFromConfig(readConfig(file), sourceFor(file));
  // Whatever the config, the result must be a valid normalized Architecture.
  return Architecture.parse(architecture);
}

function withinFraction(actual: number | undefined, expected: number, fraction: number): void {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected) / expected).toBeLessThanOrEqual(fraction);
}

const MISTRAL_7B = 'mistralai__Mistral-7B-Instruct-v0.2.AWQ-derivative.config.json';
const MIXTRAL = 'mistralai__Mixtral-8x7B-v0.1.config.json';
const LLAMA_31_8B = 'meta-llama__Llama-3.1-8B-Instruct.config.json';
const LLAMA_2_7B = 'meta-llama__Llama-2-7b-hf.config.json';
const QWEN25_7B = 'Qwen__Qwen2.5-7B-Instruct.config.json';
const QWEN3_30B = 'Qwen__Qwen3-30B-A3B.config.json';
const DEEPSEEK_V2_LITE = 'deepseek-ai__DeepSeek-V2-Lite.config.json';
const DEEPSEEK_V3_INFERENCE = 'deepseek-ai__DeepSeek-V3.inference-config_671B.json';
const LLAMA4_SCOUT = 'Llama-4-Scout-17B-16E-Instruct-FP8-dynamic.config.json';
const GLM_52 = 'zai-org__GLM-5.2-FP8.config.json';
const YI_34B = '01-ai__Yi-34B.config.json';
const NEMO = 'mistralai__Mistral-Nemo-Instruct-2407.config.json';

const GIB = 1024 ** 3;

describe('architectureFromConfig on dense models', () => {
  it('counts Mistral 7B parameters layer by layer', () => {
    // vocab 32000, hidden 4096, 32 layers, 32 heads, 8 KV heads, head dim 4096/32 = 128, intermediate 14336.
    // embeddings + untied lm_head: 2 × 32000 × 4096                         =   262,144,000
    // per layer: q 4096×4096 = 16,777,216; k, v 4096×1024 = 4,194,304 each; o 16,777,216 → 41,943,040
    //            MLP 3 × 4096 × 14336 = 176,160,768; two RMSNorms 2 × 4096 = 8,192   → 218,112,000
    // 32 layers × 218,112,000                                                = 6,979,584,000
    // final norm                                                             =         4,096
    // total                                                                  = 7,241,732,096
    const arch = archOf(MISTRAL_7B);
    withinFraction(arch.totalParams?.value, 7_241_732_096, 0.005);
    expect(arch.totalParams?.value).toBe(7_241_732_096);
    expect(arch.activeParams?.value).toBe(7_241_732_096);
  });

  it('reads Mistral 7B rope theta, full attention and KV cache size', () => {
    const arch = archOf(MISTRAL_7B);
    expect(arch.ropeTheta?.value).toBe(1_000_000);
    expect(arch.slidingWindow?.value).toBe('none'); // sliding_window: null
    // 32 layers × 8 KV heads × 128 dims × 2 (K and V) × 2 bytes = 131,072 bytes = 128 KiB per token
    expect(arch.kvCacheBytesPerToken?.value).toBe(131_072);
    // 131,072 × 32,768 tokens = 4,294,967,296 bytes = 4 GiB
    expect(kvCacheBytes(arch, 32_768)).toBe(4_294_967_296);
    expect(kvCacheBytes(arch, 32_768)).toBe(4 * GIB);
  });

  it('labels read figures with the config source and derived figures as computed from it', () => {
    const arch = archOf(MISTRAL_7B);
    expect(arch.layers).toEqual({ value: 32, source: sourceFor(MISTRAL_7B) });
    expect(arch.dtype?.value).toBe('float16');
    expect(arch.modelType?.value).toBe('mistral');
    const computed = { kind: 'computed', label: `computed from ${MISTRAL_7B}`, url: `https://example.test/${MISTRAL_7B}` };
    expect(arch.totalParams?.source).toEqual(computed);
    expect(arch.kvCacheBytesPerToken?.source).toEqual(computed);
    // No head_dim key: 4096 / 32 heads = 128, derived.
    expect(arch.headDim).toEqual({ value: 128, source: computed });
    // Mistral Nemo states head_dim 128 although 5120 / 32 = 160.
    expect(archOf(NEMO).headDim).toEqual({ value: 128, source: sourceFor(NEMO) });
  });

  it('counts Llama 3.1 8B with its larger vocabulary', () => {
    // Same layers as Mistral 7B: 32 × 218,112,000 = 6,979,584,000
    // embeddings + lm_head: 2 × 128256 × 4096 = 1,050,673,152; final norm 4,096
    // 6,979,584,000 + 1,050,673,152 + 4,096 = 8,030,261,248
    expect(archOf(LLAMA_31_8B).totalParams?.value).toBe(8_030_261_248);
  });

  it('includes the q/k/v biases of Qwen2.5 and reports no sliding window when it is switched off', () => {
    // vocab 152064, hidden 3584, 28 layers, 28 heads, 4 KV heads, head dim 128, intermediate 18944.
    // embeddings + lm_head: 2 × 152064 × 3584 = 1,089,994,752
    // per layer: q, o 3584×3584 = 12,845,056 each; k, v 3584×512 = 1,835,008 each; q/k/v biases 3584+512+512
    //            → 29,364,736; MLP 3 × 3584 × 18944 = 203,685,888; norms 7,168 → 233,057,792
    // 28 × 233,057,792 + 1,089,994,752 + 3,584 = 7,615,616,512 (published: 7.61B)
    const arch = archOf(QWEN25_7B);
    expect(arch.totalParams?.value).toBe(7_615_616_512);
    // sliding_window is 131072 in the file, but use_sliding_window is false.
    expect(arch.slidingWindow?.value).toBe('none');
    // 28 layers × 4 KV heads × 128 × 2 × 2 bytes = 57,344
    expect(arch.kvCacheBytesPerToken?.value).toBe(57_344);
  });

  it('reads Yi-34B rope theta of 5e6 and leaves Llama-2 rope theta absent when the key is missing', () => {
    expect(archOf(YI_34B).ropeTheta?.value).toBe(5_000_000);
    const llama2 = archOf(LLAMA_2_7B);
    expect(llama2.ropeTheta).toBeUndefined();
    // Llama-2 7B, no GQA: 32 layers × 32 KV heads × 128 × 2 × 2 bytes = 524,288 bytes per token
    expect(llama2.kvCacheBytesPerToken?.value).toBe(524_288);
    // 32 × (4×4096² + 3×4096×11008 + 2×4096) + 2×32000×4096 + 4096
    //   = 32 × (67,108,864 + 135,266,304 + 8,192) + 262,144,000 + 4,096 = 6,738,415,616 (published 6.7B)
    expect(llama2.totalParams?.value).toBe(6_738_415_616);
  });
});

describe('architectureFromConfig on mixture-of-experts models', () => {
  it('counts Mixtral 8x7B total and active parameters', () => {
    // Attention and norms as Mistral 7B: 41,943,040 + 8,192 per layer.
    // router 4096 × 8 = 32,768; one expert 3 × 4096 × 14336 = 176,160,768.
    // total per layer: 41,943,040 + 8,192 + 32,768 + 8 × 176,160,768 = 1,451,270,144
    // total: 32 × 1,451,270,144 + 262,144,000 + 4,096 = 46,702,792,704
    // active per layer: 41,943,040 + 8,192 + 32,768 + 2 × 176,160,768 = 394,305,536
    // active: 32 × 394,305,536 + 262,148,096 = 12,879,925,248
    const arch = archOf(MIXTRAL);
    expect(arch.experts?.value).toBe(8);
    expect(arch.expertsPerToken?.value).toBe(2);
    expect(arch.totalParams?.value).toBe(46_702_792_704);
    expect(arch.activeParams?.value).toBe(12_879_925_248);
    expect(arch.sharedExperts).toBeUndefined();
  });

  it('counts Qwen3-30B-A3B with 128 experts, 8 per token, and q/k norms', () => {
    // hidden 2048, 48 layers, 32 heads × 128, 4 KV heads × 128, expert intermediate 768, vocab 151936.
    // attention: q, o 2048×4096 = 8,388,608 each; k, v 2048×512 = 1,048,576 each → 18,874,368
    //            + q_norm, k_norm 2 × 128 = 256; layer norms 4,096; router 2048 × 128 = 262,144
    // one expert: 3 × 2048 × 768 = 4,718,592
    // total per layer: 18,874,368 + 256 + 4,096 + 262,144 + 128 × 4,718,592 = 623,120,640
    // total: 48 × 623,120,640 + 2 × 151936 × 2048 + 2048 = 29,909,790,720 + 622,329,856 + 2,048 = 30,532,122,624
    // active per layer: 18,874,368 + 256 + 4,096 + 262,144 + 8 × 4,718,592 = 56,889,600
    // active: 48 × 56,889,600 + 622,331,904 = 3,353,032,704
    const arch = archOf(QWEN3_30B);
    expect(arch.experts?.value).toBe(128);
    expect(arch.expertsPerToken?.value).toBe(8);
    expect(arch.totalParams?.value).toBe(30_532_122_624);
    expect(arch.activeParams?.value).toBe(3_353_032_704);
    withinFraction(arch.totalParams?.value, 30.5e9, 0.02);
    withinFraction(arch.activeParams?.value, 3.3e9, 0.02);
  });

  it('counts DeepSeek-V2-Lite with multi-head latent attention, a dense first layer and shared experts', () => {
    // hidden 2048, 27 layers, 16 heads, q_lora_rank null, kv_lora_rank 512, qk 128+64, v 128.
    // attention: q_proj 2048 × 16×192 = 6,291,456; kv_a 2048 × (512+64) = 1,179,648; kv_a norm 512;
    //            kv_b 512 × 16×(128+128) = 2,097,152; o 16×128 × 2048 = 4,194,304 → 13,763,072
    // layer 0 (first_k_dense_replace 1): 13,763,072 + 3 × 2048 × 10944 + 4,096 = 81,007,104
    // MoE layer: router 2048 × 64 = 131,072; expert 3 × 2048 × 1408 = 8,650,752;
    //            2 shared experts as one MLP of 2 × 1408: 3 × 2048 × 2816 = 17,301,504
    //   total:  13,763,072 + 4,096 + 131,072 + 17,301,504 + 64 × 8,650,752 = 584,847,872
    //   active: 13,763,072 + 4,096 + 131,072 + 17,301,504 +  6 × 8,650,752 =  83,104,256
    // embeddings + lm_head 2 × 102400 × 2048 = 419,430,400; final norm 2,048
    // total:  81,007,104 + 26 × 584,847,872 + 419,432,448 = 15,706,484,224
    // active: 81,007,104 + 26 ×  83,104,256 + 419,432,448 =  2,661,150,208
    const arch = archOf(DEEPSEEK_V2_LITE);
    expect(arch.experts?.value).toBe(64);
    expect(arch.expertsPerToken?.value).toBe(6);
    expect(arch.sharedExperts?.value).toBe(2);
    expect(arch.totalParams?.value).toBe(15_706_484_224);
    expect(arch.activeParams?.value).toBe(2_661_150_208);
    withinFraction(arch.totalParams?.value, 15.7e9, 0.03);
    // DeepSeek's published 2.4B activated leaves out the input embedding table (102400 × 2048).
    withinFraction((arch.activeParams?.value ?? 0) - 102_400 * 2048, 2.4e9, 0.03);
    // MLA caches the 512-dim latent plus the 64-dim rotary key: 27 × (512 + 64) × 2 bytes = 31,104
    expect(arch.kvCacheBytesPerToken?.value).toBe(31_104);
    // MLA has no single head size (q/k 192, v 128), so none is made up from 2048 / 16.
    expect(arch.headDim).toBeUndefined();
  });

  it('reads Llama-4 Scout from text_config, with one shared expert and the vision tower not counted', () => {
    // text_config: hidden 5120, 48 layers (all MoE: interleave_moe_layer_step 1), 40 heads, 8 KV heads, head_dim 128,
    // expert intermediate 8192, 16 experts, 1 per token, vocab 202048.
    // attention: q, o 5120×5120 = 26,214,400 each; k, v 5120×1024 = 5,242,880 each → 62,914,560; norms 10,240
    // router 5120 × 16 = 81,920; one expert (and the shared expert) 3 × 5120 × 8192 = 125,829,120
    // total per layer:  62,914,560 + 10,240 + 81,920 + 125,829,120 + 16 × 125,829,120 = 2,202,101,760
    // active per layer: 62,914,560 + 10,240 + 81,920 + 125,829,120 +  1 × 125,829,120 =   314,664,960
    // embeddings + lm_head 2 × 202048 × 5120 = 2,068,971,520; final norm 5,120
    // total:  48 × 2,202,101,760 + 2,068,976,640 = 107,769,861,120 (published 109B includes the vision encoder)
    // active: 48 ×   314,664,960 + 2,068,976,640 =  17,172,894,720 (published 17B)
    const arch = archOf(LLAMA4_SCOUT);
    expect(arch.experts?.value).toBe(16);
    expect(arch.expertsPerToken?.value).toBe(1);
    expect(arch.sharedExperts?.value).toBe(1);
    expect(arch.hiddenSize?.value).toBe(5120);
    expect(arch.maxPositionEmbeddings?.value).toBe(10_485_760);
    expect(arch.modelType?.value).toBe('llama4');
    expect(arch.totalParams?.value).toBe(107_769_861_120);
    expect(arch.activeParams?.value).toBe(17_172_894_720);
    withinFraction(arch.totalParams?.value, 109e9, 0.03);
    withinFraction(arch.activeParams?.value, 17e9, 0.03);
    // 48 layers × 8 KV heads × 128 × 2 × 2 bytes = 196,608
    expect(arch.kvCacheBytesPerToken?.value).toBe(196_608);
  });

  it('reads DeepSeek-V3 from its inference-code config and lands on 671B total, 37B active', () => {
    // dim 7168, 61 layers (3 dense), 128 heads, q_lora 1536, kv_lora 512, qk 128+64, v 128, vocab 129280.
    // attention: q_a 7168×1536 = 11,010,048; q norm 1,536; q_b 1536 × 128×192 = 37,748,736;
    //            kv_a 7168×576 = 4,128,768; kv norm 512; kv_b 512 × 128×256 = 16,777,216; o 16384×7168 = 117,440,512
    //            → 187,107,328; layer norms 14,336
    // dense layer: 187,107,328 + 14,336 + 3 × 7168 × 18432 (396,361,728) = 583,483,392
    // MoE layer: router 7168 × 256 = 1,835,008; expert 3 × 7168 × 2048 = 44,040,192; one shared expert
    //   total:  187,107,328 + 14,336 + 1,835,008 + 257 × 44,040,192 = 11,507,286,016
    //   active: 187,107,328 + 14,336 + 1,835,008 +   9 × 44,040,192 =    585,318,400
    // embeddings + head 2 × 129280 × 7168 = 1,853,358,080; final norm 7,168
    // total:  3 × 583,483,392 + 58 × 11,507,286,016 + 1,853,365,248 = 671,026,404,352
    // active: 3 × 583,483,392 + 58 ×    585,318,400 + 1,853,365,248 =  37,552,282,624
    const arch = archOf(DEEPSEEK_V3_INFERENCE);
    expect(arch.totalParams?.value).toBe(671_026_404_352);
    expect(arch.activeParams?.value).toBe(37_552_282_624);
    withinFraction(arch.totalParams?.value, 671e9, 0.005);
    withinFraction(arch.activeParams?.value, 37e9, 0.03);
    expect(arch.experts?.value).toBe(256);
    expect(arch.expertsPerToken?.value).toBe(8);
    expect(arch.sharedExperts?.value).toBe(1);
    expect(arch.layers?.value).toBe(61);
    expect(arch.hiddenSize?.value).toBe(7168);
    // 61 × (512 + 64) × 2 bytes = 70,272
    expect(arch.kvCacheBytesPerToken?.value).toBe(70_272);
    expect(arch.dtype?.value).toBe('fp8');
  });

  it('reads GLM-5.2 figures and counts its MLA and sparse-attention indexer, but leaves the KV cache absent', () => {
    const arch = archOf(GLM_52);
    expect(arch.experts?.value).toBe(256);
    expect(arch.expertsPerToken?.value).toBe(8);
    expect(arch.sharedExperts?.value).toBe(1);
    expect(arch.layers?.value).toBe(78);
    expect(arch.maxPositionEmbeddings?.value).toBe(1_048_576);
    expect(arch.dtype?.value).toBe('bfloat16'); // from `dtype`, not `torch_dtype`
    expect(arch.modelType?.value).toBe('glm_moe_dsa');
    // zai-org/GLM-5 model card: 744B parameters; GLM-5.2 keeps the architecture.
    withinFraction(arch.totalParams?.value, 744e9, 0.002);
    // The indexer keeps a key cache of its own, which the per-token figure would leave out.
    expect(arch.kvCacheBytesPerToken).toBeUndefined();
  });
});

describe('architectureFromConfig on unusual input', () => {
  it('throws a clear error for input that is not a JSON object', () => {
    const source = sourceFor('broken.json');
    expect(() => architectureFromConfig(null, source)).toThrow(/broken\.json: expected a config\.json object, got null/);
    expect(() => architectureFromConfig([1, 2], source)).toThrow(/got an array/);
    expect(() => architectureFromConfig('{"hidden_size": 1}', source)).toThrow(/got a string/);
  });

  it('returns no figures for an empty object and only the readable ones for an unknown model type', () => {
    expect(architectureFromConfig({}, sourceFor('empty.json'))).toEqual({});
    const arch = architectureFromConfig(
      { model_type: 'some_future_arch', hidden_size: 1024, num_hidden_layers: 4, num_attention_heads: 8, vocab_size: 1000, intermediate_size: 4096 },
      sourceFor('future.json'),
    );
    expect(arch.hiddenSize?.value).toBe(1024);
    expect(arch.headDim?.value).toBe(128);
    expect(arch.totalParams).toBeUndefined();
    // KV heads default to attention heads: 4 layers × 8 × 128 × 2 × 2 bytes = 16,384
    expect(arch.kvHeads).toEqual({ value: 8, source: { kind: 'computed', label: 'computed from future.json', url: 'https://example.test/future.json' } });
    expect(arch.kvCacheBytesPerToken?.value).toBe(16_384);
  });

  it('drops only the figure whose value is malformed', () => {
    const config = { ...(readConfig(MISTRAL_7B) as Record<string, unknown>), hidden_size: '4096', rope_theta: -1 };
    const arch = architectureFromConfig(config, sourceFor('malformed.json'));
    expect(arch.hiddenSize).toBeUndefined();
    expect(arch.ropeTheta).toBeUndefined();
    expect(arch.totalParams).toBeUndefined();
    expect(arch.layers?.value).toBe(32);
    expect(arch.vocabSize?.value).toBe(32_000);
  });

  it('reads rope theta from rope_parameters in newer configs', () => {
    const config = { model_type: 'llama', rope_parameters: { rope_theta: 500_000, rope_type: 'default' } };
    expect(architectureFromConfig(config, sourceFor('new.json')).ropeTheta?.value).toBe(500_000);
  });

  it('reports a window only when every layer slides', () => {
    const base = readConfig(MISTRAL_7B) as Record<string, unknown>;
    const windowOf = (extra: Record<string, unknown>) =>
      architectureFromConfig({ ...base, ...extra }, sourceFor('variant.json')).slidingWindow?.value;
    expect(windowOf({ sliding_window: 4096 })).toBe(4096); // Mistral 7B v0.1
    expect(windowOf({ sliding_window: 4096, use_sliding_window: false })).toBe('none');
    const { sliding_window: _dropped, ...noKey } = base;
    expect(architectureFromConfig(noKey, sourceFor('nokey.json')).slidingWindow).toBeUndefined();
    // Qwen2 with the window on still gives the first max_window_layers layers full attention.
    expect(windowOf({ sliding_window: 4096, use_sliding_window: true, max_window_layers: 32 })).toBe('none');
    expect(windowOf({ sliding_window: 4096, use_sliding_window: true, max_window_layers: 16 })).toBeUndefined();
    const mixed = Array.from({ length: 32 }, (_, i) => (i % 4 === 3 ? 'full_attention' : 'sliding_attention'));
    expect(windowOf({ sliding_window: 4096, layer_types: mixed })).toBeUndefined();
    expect(windowOf({ model_type: 'gemma2', sliding_window: 4096 })).toBeUndefined();
  });

  it('gives no KV figure when some layers keep no ordinary KV cache', () => {
    const base = readConfig(MISTRAL_7B) as Record<string, unknown>;
    const layerTypes = Array.from({ length: 32 }, (_, i) => (i % 4 === 3 ? 'full_attention' : 'linear_attention'));
    const arch = architectureFromConfig({ ...base, layer_types: layerTypes }, sourceFor('hybrid.json'));
    expect(arch.kvCacheBytesPerToken).toBeUndefined();
  });
});

describe('self-hosting memory', () => {
  it('sizes weights at 16, 8 and 4 bits', () => {
    // Mistral 7B: 7,241,732,096 params × 2 bytes = 14,483,464,192; × 1 byte; × 0.5 byte = 3,620,866,048
    expect(weightsMemoryBytes(7_241_732_096, 16)).toBe(14_483_464_192);
    expect(weightsMemoryBytes(7_241_732_096, 8)).toBe(7_241_732_096);
    expect(weightsMemoryBytes(7_241_732_096, 4)).toBe(3_620_866_048);
    expect(() => weightsMemoryBytes(-1, 16)).toThrow(/parameter count must be a non-negative number/);
  });

  it('caps the KV cache of a sliding-window model at its window', () => {
    const base = readConfig(MISTRAL_7B) as Record<string, unknown>;
    const arch = architectureFromConfig({ ...base, sliding_window: 4096 }, sourceFor('mistral-v0.1-like.json'));
    // 131,072 bytes per token × 1,000 tokens (below the window) = 131,072,000
    expect(kvCacheBytes(arch, 1_000)).toBe(131_072_000);
    // 131,072 × min(32,768, 4,096) = 536,870,912 = 512 MiB
    expect(kvCacheBytes(arch, 32_768)).toBe(536_870_912);
    // at 8-bit KV: 65,536 × 4,096 = 268,435,456
    expect(kvCacheBytes(arch, 32_768, 1)).toBe(268_435_456);
    // without a window, the full 32,768 tokens: 4 GiB
    expect(kvCacheBytes(archOf(MISTRAL_7B), 32_768, 2)).toBe(4 * GIB);
  });

  it('returns null for an unknown KV cache and rejects invalid token counts', () => {
    expect(kvCacheBytes(archOf(GLM_52), 8_192)).toBeNull();
    expect(kvCacheBytes(archOf(MISTRAL_7B), 0)).toBe(0);
    expect(() => kvCacheBytes(archOf(MISTRAL_7B), -5)).toThrow(/token count must be a non-negative integer/);
    expect(() => kvCacheBytes(archOf(MISTRAL_7B), 1.5)).toThrow(/token count/);
  });

  it('estimates Mixtral weights for every expert and the KV cache at a given context', () => {
    const estimate = selfHostingEstimate(archOf(MIXTRAL), 32_768);
    // 46,702,792,704 params: × 2 = 93,405,585,408; × 1; × 0.5 = 23,351,396,352
    expect(estimate.weights).toEqual({ bits16: 93_405_585_408, bits8: 46_702_792_704, bits4: 23_351_396_352 });
    // 32 layers × 8 KV heads × 128 × 2 × 2 = 131,072 bytes/token × 32,768 = 4 GiB
    expect(estimate.kvCacheAtContext).toBe(4 * GIB);
  });

  it('reports GLM-5.2 weights but an unknown KV cache as null', () => {
    const estimate = selfHostingEstimate(archOf(GLM_52), 4_096);
    expect(estimate.kvCacheAtContext).toBeNull();
    expect(estimate.weights?.bits16).toBe(2 * (archOf(GLM_52).totalParams?.value ?? 0));
  });
});
