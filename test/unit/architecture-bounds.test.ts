/**
 * Issue 12 #9: one hostile config.json must neither hang nor crash the pipeline. Sizes are bounded
 * where they are read, the parameter count is closed-form, and a config whose sizes are implausible
 * or overflow the count is reported with its file and field and left out; the rest still normalizes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArchitecture } from '../../src/lib/data/architecture.ts';
import { parseConfigText } from '../../src/lib/data/architecture-source.ts';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import { Catalog } from '../../src/lib/data/schema.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NEMO_CONFIG = JSON.parse(
  readFileSync(new URL('../fixtures/upstream/huggingface-mistralai__Mistral-Nemo-Instruct-2407.config.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
// Three recorded OpenRouter entries; mistralai/mistral-nemo names the Nemo config by its Hugging Face id.
const MODELS = JSON.parse(readFileSync(new URL('../fixtures/upstream/openrouter-models.json', import.meta.url), 'utf8')) as unknown;
const NEMO_FILE = 'mistralai__Mistral-Nemo-Instruct-2407.config.json';
const source = { kind: 'hf-config', label: 'hostile.json', url: null } as const;

function normalizeWithNemoConfig(config: unknown) {
  return normalizeCatalog({
    snapshots: [{ date: '2026-01-29', source: 'openrouter', file: 'openrouter/openrouter-models-2026-01-29.json', body: MODELS }],
    endpoints: [],
    huggingFaceConfigs: { [NEMO_FILE]: config },
    notes: undefined,
    provenance: {},
  });
}

describe('a config whose sizes cannot be a model', () => {
  it('reports the field of an implausible size and drops the config instead of crashing the catalog schema', () => {
    // 2^40 hidden: every figure multiplies past 2^53, which the catalog's integer schema rejects (a ZodError before).
    const result = normalizeWithNemoConfig({ ...NEMO_CONFIG, hidden_size: 2 ** 40 });
    const nemo = result.catalog.models.find((m) => m.id === 'mistralai/mistral-nemo');
    expect(nemo?.architecture).toEqual({});
    expect(nemo?.sources.map((s) => s.kind)).toEqual(['openrouter']); // a dropped config is no source
    expect(result.warnings).toContainEqual(expect.stringMatching(/mistralai\/mistral-nemo: huggingface\/mistralai__Mistral-Nemo-Instruct-2407\.config\.json: hidden_size 1099511627776 is above/));
    expect(() => Catalog.parse(result.catalog)).not.toThrow();
    expect(result.catalog.models.map((m) => m.id)).toEqual(['mistralai/mistral-nemo', 'mistralai/mixtral-8x7b-instruct', 'upstage/solar-pro-3:free']);
  });

  it('reports sizes that are each plausible but overflow the parameter count together', () => {
    // hidden 2^20 × 10,000 layers × 65,536 experts of 2^22: about 9e21 parameters.
    const config = {
      ...NEMO_CONFIG,
      model_type: 'mixtral',
      hidden_size: 2 ** 20,
      num_hidden_layers: 10_000,
      num_local_experts: 65_536,
      num_experts_per_tok: 2,
      intermediate_size: 2 ** 22,
      head_dim: 128,
    };
    const reading = readArchitecture(config, source);
    expect(reading.architecture).toEqual({});
    expect(reading.problems).toEqual([{ field: 'hidden_size', message: expect.stringContaining('overflow the parameter count') }]);
    const result = normalizeWithNemoConfig(config);
    expect(() => Catalog.parse(result.catalog)).not.toThrow();
  });

  it('names nested fields with their text_config prefix', () => {
    const reading = readArchitecture({ model_type: 'llama4', text_config: { ...NEMO_CONFIG, model_type: 'llama4_text', vocab_size: 1e12 } }, source);
    expect(reading.problems.map((p) => p.field)).toEqual(['text_config.vocab_size']);
  });

  it('keeps dropping only one figure for a value of the wrong type', () => {
    const reading = readArchitecture({ ...NEMO_CONFIG, hidden_size: '5120' }, source);
    expect(reading.problems).toEqual([]);
    expect(reading.architecture.layers?.value).toBe(40);
    expect(reading.architecture.totalParams).toBeUndefined();
  });

  it('finishes at once for num_hidden_layers 2^53 − 1 and reports it (the per-layer loop would run for about a year)', () => {
    // In a child process with a deadline, so the old code fails the test instead of hanging the runner.
    const script = `
      import { readArchitecture } from './src/lib/data/architecture.ts';
      const config = JSON.parse(process.argv[1]);
      const reading = readArchitecture({ ...config, num_hidden_layers: 2 ** 53 - 1 }, { kind: 'hf-config', label: 'x', url: null });
      console.log(JSON.stringify(reading.problems));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(NEMO_CONFIG)], { cwd: REPO, timeout: 20_000, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ field: 'num_hidden_layers', message: expect.stringContaining('9007199254740991') }]);
  });

  it('counts MoE layers of a huge but plausible stack in closed form, as the per-layer rule would', () => {
    // DeepSeek-style: first 3 dense, then every layer MoE; 9,999 layers → 9,996 MoE layers.
    const base = { model_type: 'deepseek_v3', hidden_size: 64, num_attention_heads: 4, num_key_value_heads: 4, head_dim: 16, vocab_size: 100, intermediate_size: 128, moe_intermediate_size: 32, n_routed_experts: 4, num_experts_per_tok: 1, first_k_dense_replace: 3 };
    const one = readArchitecture({ ...base, num_hidden_layers: 4 }, source).architecture;
    const many = readArchitecture({ ...base, num_hidden_layers: 9_999 }, source).architecture;
    // 9,995 more layers, all MoE: total grows by 9,995 × the one MoE layer of the 4-layer model.
    const moeLayer = (one.totalParams?.value ?? 0) - (readArchitecture({ ...base, num_hidden_layers: 3 }, source).architecture.totalParams?.value ?? 0);
    expect(many.totalParams?.value).toBe((one.totalParams?.value ?? 0) + 9_995 * moeLayer);
  });
});

describe('config files that are not strict JSON', () => {
  it("reads Python's Infinity as null (NVIDIA's Nemotron-H config) and keeps the other figures", () => {
    const text = readFileSync(new URL('../../data/raw/huggingface/nvidia__NVIDIA-Nemotron-3-Super-120B-A12B-FP8.config.json', import.meta.url), 'utf8');
    expect(() => JSON.parse(text)).toThrow();
    const config = parseConfigText(text) as Record<string, unknown>;
    expect(config.time_step_limit).toEqual([0, null]);
    expect(readArchitecture(config, source).architecture.hiddenSize?.value).toBe(4096);
    // A string that spells Infinity is text, not a number.
    expect(parseConfigText('{"note": "Infinity and NaN", "x": -Infinity}')).toEqual({ note: 'Infinity and NaN', x: null });
  });

  it('turns a config that is not JSON into a warning for its model, not a failed run', () => {
    const result = normalizeWithNemoConfig(parseConfigText('{"hidden_size": 5120,'));
    expect(result.warnings).toContainEqual(expect.stringMatching(/mistralai\/mistral-nemo: huggingface\/mistralai__Mistral-Nemo-Instruct-2407\.config\.json could not be read: not valid JSON/));
    expect(result.catalog.models.find((m) => m.id === 'mistralai/mistral-nemo')?.architecture).toEqual({});
  });
});
