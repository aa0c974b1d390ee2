/**
 * Which config applies to a model, and that the kind of copy it is (exact, derivative, a base model's
 * config, abridged) is stated in the source of every figure it gives, from the recorded manifest
 * (data/raw/huggingface/MANIFEST-2026-11-30.tsv, carried into PROVENANCE.json).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { architectureForModel, configFileFor, configSourceLabel, parseConfigText } from '../../src/lib/data/architecture-source.ts';
import { CuratedNotesFile, Provenance } from '../../src/lib/data/schema.ts';

const RAW = new URL('../../data/raw/', import.meta.url);
const provenance = Provenance.parse(JSON.parse(readFileSync(new URL('PROVENANCE.json', RAW), 'utf8')));
const notes = CuratedNotesFile.parse(JSON.parse(readFileSync(new URL('curated/architecture-notes.json', RAW), 'utf8')));
const configFiles = readdirSync(new URL('huggingface/', RAW), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
const configs = Object.fromEntries(configFiles.map((f) => [f, parseConfigText(readFileSync(new URL(`huggingface/${f}`, RAW), 'utf8'))]));

const forModel = (id: string, huggingFaceId: string | null) =>
  architectureForModel({ id, baseId: id.split(':')[0]!, huggingFaceId, notes, configs, provenance });

/** The manifest's rows: Hugging Face id → kind column, read independently of the code under test. */
const manifest = new Map(
  readFileSync(new URL('huggingface/MANIFEST-2026-11-30.tsv', RAW), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((cells) => [cells[0]!, { file: cells[1]!, kind: cells[7]! }]),
);

describe('the recorded configs and their provenance', () => {
  it('has every manifest row as a file with a provenance entry naming repository, path, commit and kind', () => {
    expect(manifest.size).toBe(102);
    for (const [huggingFaceId, row] of manifest) {
      const file = row.kind === 'derivative (abridged)' ? `abridged/${row.file}` : row.file;
      expect(configFiles, huggingFaceId).toContain(file);
      const entry = provenance[`huggingface/${file}`];
      expect(entry?.repository, file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(entry?.commit, file).toMatch(/^[0-9a-f]{40}$/);
      expect(entry?.path, file).toBeTruthy();
      const expectedKind = row.kind.startsWith('exact (sha256') || row.kind.startsWith('exact content (sha256')
        ? 'exact-verified'
        : row.kind.startsWith('exact')
          ? 'exact-unverified'
          : row.kind === 'derivative (abridged)'
            ? 'abridged'
            : row.kind === 'derivative'
              ? 'derivative'
              : 'base-model';
      expect(entry?.kind, file).toBe(expectedKind);
    }
  });
});

describe('config ↔ model', () => {
  it('applies a config by Hugging Face id, falling back to abridged/ and to a case-insensitive match', () => {
    expect(configFileFor('Qwen/Qwen3-32B', configFiles)).toBe('Qwen__Qwen3-32B.config.json');
    expect(configFileFor('Qwen/Qwen3-VL-8B-Instruct', configFiles)).toBe('abridged/Qwen__Qwen3-VL-8B-Instruct.config.json');
    expect(configFileFor('thedrummer/rocinante-12b-v1.1', configFiles)).toBe('TheDrummer__Rocinante-12B-v1.1.config.json');
    expect(configFileFor('nobody/nothing', configFiles)).toBeUndefined();
  });

  it("labels a base model's config with the model it belongs to, on read and computed figures alike", () => {
    const found = forModel('nousresearch/hermes-3-llama-3.1-70b', 'NousResearch/Hermes-3-Llama-3.1-70B');
    const label = "base model's config.json of meta-llama/Meta-Llama-3.1-70B (same architecture; not this model's own file)";
    expect(found.architecture.layers?.source.label).toBe(label);
    expect(found.architecture.totalParams?.source).toEqual({ kind: 'computed', label: `computed from ${label}`, url: 'https://huggingface.co/meta-llama/Meta-Llama-3.1-70B/resolve/main/config.json' });
    expect(found.configSource).toMatchObject({ kind: 'hf-config', label, fetchedAt: '2026-07-14' });
  });

  it('labels derivative, abridged and exact copies', () => {
    expect(forModel('google/gemma-4-31b-it', 'google/gemma-4-31B-it').architecture.layers?.source.label).toBe(
      'derivative config.json of nvidia/Gemma-4-31B-IT-NVFP4 (a quantized or re-saved copy; architecture values as the original)',
    );
    expect(forModel('qwen/qwen3-vl-8b-instruct', 'Qwen/Qwen3-VL-8B-Instruct').architecture.layers?.source.label).toBe(
      'abridged config.json (a third-party trimmed copy: a weaker source, defaults may be missing)',
    );
    expect(forModel('qwen/qwen3-235b-a22b', 'Qwen/Qwen3-235B-A22B').architecture.layers?.source.label).toBe(
      'Hugging Face config.json (exact copy, checksum-verified)',
    );
  });

  it("labels an exact copy that a curated note applies to a fine-tune as its base model's config, and DeepSeek's inference config as such", () => {
    const mixtral = forModel('mistralai/mixtral-8x7b-instruct', 'mistralai/Mixtral-8x7B-Instruct-v0.1');
    expect(mixtral.architecture.experts?.source.label).toBe(
      "base model's config.json of mistralai/Mixtral-8x7B-v0.1 (same architecture; not this model's own file): the Instruct fine-tune shares its architecture",
    );
    expect(forModel('deepseek/deepseek-chat', null).architecture.layers?.source.label).toBe(
      "inference config from the model's own code repository (not Hugging Face format): deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json",
    );
  });

  it("reads a curated configFile mapping and treats another model's recorded file as this model's own when it is", () => {
    const llama3 = forModel('meta-llama/llama-3-8b-instruct', 'meta-llama/Meta-Llama-3-8B-Instruct');
    expect(llama3.architecture.layers?.source.label).toMatch(/^Hugging Face config\.json \(copy, not checksum-verified\): recorded for Sao10K/);
    expect(llama3.architecture.layers?.value).toBe(32);
    const distill = forModel('deepseek/deepseek-r1-distill-qwen-32b', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B');
    expect(distill.architecture.hiddenSize?.source.label).toMatch(/^base model's config\.json of Qwen\/Qwen2\.5-32B .*: DeepSeek-R1-Distill-Qwen-32B is distilled/);
  });

  it('says so when a curated note names a file that is missing', () => {
    const found = architectureForModel({
      id: 'x/y',
      baseId: 'x/y',
      huggingFaceId: null,
      notes: { 'x/y': { configFile: 'missing.config.json', notes: [], figures: {} } },
      configs,
      provenance,
    });
    expect(found.architecture).toEqual({});
    expect(found.warnings).toEqual(['x/y: curated note names huggingface/missing.config.json, which is not in the raw folder']);
  });

  it('words every kind, and falls back to a plain label for an unknown one', () => {
    expect(configSourceLabel(undefined, undefined, undefined)).toBe('Hugging Face config.json');
    expect(configSourceLabel('something-new', 'a/b', 'note')).toBe('Hugging Face config.json: note');
    expect(configSourceLabel('base-model', 'a/b', undefined)).toContain("base model's config.json of a/b");
  });
});
