/**
 * Reading values out of an untrusted `config.json`. Each key is checked on its own, so one malformed
 * value drops one figure instead of the whole config; a size outside any plausible model's range is a
 * problem of the config as a whole (it would make the parameter count meaningless or overflow it),
 * so it is recorded with its field and the caller drops the config.
 */

export type Config = Record<string, unknown>;

/** A config value that makes the whole config unusable, named by its key. */
export interface ConfigProblem {
  field: string;
  message: string;
}

export function isRecord(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Upper bounds well above every published model (the largest today have ~100 layers, hidden sizes of
 * 16k–20k, ~1k experts, 256k vocabularies and 10M-token contexts) yet small enough that the closed-form
 * parameter count of any in-range config stays far below 2^53, where doubles stop counting exactly.
 */
const PLAUSIBLE_MAX: Record<string, number> = {
  num_hidden_layers: 10_000,
  n_layers: 10_000,
  hidden_size: 1 << 20,
  dim: 1 << 20,
  intermediate_size: 1 << 22,
  intermediate_size_mlp: 1 << 22,
  moe_intermediate_size: 1 << 22,
  shared_expert_intermediate_size: 1 << 22,
  inter_dim: 1 << 22,
  moe_inter_dim: 1 << 22,
  num_attention_heads: 1 << 16,
  num_key_value_heads: 1 << 16,
  n_heads: 1 << 16,
  head_dim: 1 << 16,
  qk_nope_head_dim: 1 << 16,
  qk_rope_head_dim: 1 << 16,
  v_head_dim: 1 << 16,
  kv_lora_rank: 1 << 16,
  q_lora_rank: 1 << 16,
  index_n_heads: 1 << 16,
  index_head_dim: 1 << 16,
  linear_num_key_heads: 1 << 16,
  linear_num_value_heads: 1 << 16,
  linear_key_head_dim: 1 << 16,
  linear_value_head_dim: 1 << 16,
  linear_conv_kernel_dim: 1 << 10,
  full_attention_interval: 10_000,
  vocab_size: 1 << 24,
  num_local_experts: 1 << 16,
  num_experts: 1 << 16,
  n_routed_experts: 1 << 16,
  num_experts_per_tok: 1 << 16,
  num_experts_per_token: 1 << 16,
  n_activated_experts: 1 << 16,
  n_shared_experts: 1 << 10,
  first_k_dense_replace: 10_000,
  n_dense_layers: 10_000,
  moe_layer_freq: 10_000,
  decoder_sparse_step: 10_000,
  interleave_moe_layer_step: 10_000,
  max_position_embeddings: 1 << 30,
  sliding_window: 1 << 30,
};

/**
 * Reads sizes and collects the problems of one config. `where` names a key in messages, e.g.
 * "text_config.hidden_size" for a value nested in the language-model part.
 */
export class ConfigReader {
  readonly config: Config;
  readonly problems: ConfigProblem[];
  private readonly where: (key: string) => string;

  constructor(config: Config, where: (key: string) => string = (key) => key, problems: ConfigProblem[] = []) {
    this.config = config;
    this.where = where;
    this.problems = problems;
  }

  /** The same config with `fallbacks` for keys it leaves out; problems are still collected here. */
  withFallbacks(fallbacks: Config): ConfigReader {
    const missing = Object.entries(fallbacks).filter(([key]) => this.config[key] === undefined);
    return missing.length === 0 ? this : new ConfigReader({ ...this.config, ...Object.fromEntries(missing) }, this.where, this.problems);
  }

  /** The first of `keys` holding a positive safe integer; out of plausible range is a problem. */
  positiveInt(...keys: string[]): number | undefined {
    for (const key of keys) {
      const value = this.config[key];
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) continue;
      if (!Number.isSafeInteger(value)) {
        if (Number.isInteger(value)) this.flag(key, `${value} is not an exact integer (above 2^53)`);
        continue;
      }
      const max = PLAUSIBLE_MAX[key];
      if (max !== undefined && value > max) {
        this.flag(key, `${value} is above any plausible model's (at most ${max})`);
        continue;
      }
      return value;
    }
    return undefined;
  }

  nonNegativeInt(key: string): number | undefined {
    if (this.config[key] === 0) return 0;
    return this.positiveInt(key);
  }

  text(...keys: string[]): string | undefined {
    for (const key of keys) {
      const value = this.config[key];
      if (typeof value === 'string' && value.length > 0) return value;
    }
    return undefined;
  }

  /** Integer lists such as `moe_layers`. */
  intList(key: string): number[] | undefined {
    return this.perLayerList(key, (item): item is number => typeof item === 'number' && Number.isSafeInteger(item));
  }

  /** String lists such as `layer_types`. */
  textList(key: string): string[] | undefined {
    return this.perLayerList(key, (item): item is string => typeof item === 'string');
  }

  /** A list with one entry per layer at most: a longer one is a problem of the config, like a huge size. */
  private perLayerList<T>(key: string, isItem: (item: unknown) => item is T): T[] | undefined {
    const value = this.config[key];
    if (!Array.isArray(value)) return undefined;
    if (value.length > PLAUSIBLE_MAX.num_hidden_layers!) {
      this.flag(key, `has ${value.length} entries, more than any plausible model's layers`);
      return undefined;
    }
    return value.every(isItem) ? value : undefined;
  }

  /** Records a problem once per field, however often the field is read. */
  flag(key: string, message: string): void {
    const field = this.where(key);
    if (!this.problems.some((problem) => problem.field === field)) this.problems.push({ field, message });
  }
}

export function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Above this a parameter count is not a model but an overflow (the largest published are ~2T). */
export const MAX_PLAUSIBLE_PARAMS = 1e15;
