/**
 * Tags are derived by stated rules, so a tag always means the same thing:
 * - any `#hashtag` in the description (OpenRouter writes "#moe" on mixture-of-experts models);
 * - `moe` also when the architecture has more than one expert;
 * - `free` when input and output cost nothing; `variable-price` when upstream prices are "-1";
 * - `vision`, `audio` from input modalities; `image-output` from output modalities;
 * - `tools` and `reasoning` from supported parameters ("tools", "reasoning"/"include_reasoning");
 * - `open-weights` when the model names a Hugging Face repository.
 */
import { VARIABLE_PRICE, type Pricing } from './schema.ts';
import { isZeroPrice } from './price-units.ts';

export interface TagInput {
  description: string;
  pricing: Pricing;
  inputModalities: readonly string[];
  outputModalities: readonly string[];
  supportedParameters: readonly string[];
  huggingFaceId: string | null;
  experts: number | undefined;
}

const HASHTAG = /(?:^|[\s(])#([a-z][a-z0-9-]{1,30})\b/gi;

export function hashtagsOf(description: string): string[] {
  return [...description.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase());
}

export function deriveTags(input: TagInput): string[] {
  const tags = new Set(hashtagsOf(input.description));
  const { input: inPrice, output: outPrice } = input.pricing.perMillionTokens;
  if ((input.experts ?? 0) > 1) tags.add('moe');
  if (isZeroPrice(inPrice) && isZeroPrice(outPrice)) tags.add('free');
  if (inPrice === VARIABLE_PRICE || outPrice === VARIABLE_PRICE) tags.add('variable-price');
  if (input.inputModalities.includes('image')) tags.add('vision');
  if (input.inputModalities.includes('audio')) tags.add('audio');
  if (input.outputModalities.includes('image')) tags.add('image-output');
  if (input.supportedParameters.includes('tools')) tags.add('tools');
  if (input.supportedParameters.some((p) => p === 'reasoning' || p === 'include_reasoning')) tags.add('reasoning');
  if (input.huggingFaceId) tags.add('open-weights');
  return [...tags].sort();
}
