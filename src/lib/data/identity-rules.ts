/**
 * Name rules: how one model's id is spelled by different sellers. Each rule is a small pure function
 * that rewrites one spelling into another and returns null when it does not apply. Identity applies
 * them in order, to the seller's id and to every catalog model's name alike, and accepts a match only
 * when it names exactly one model, so a rule can make spellings meet but never two models merge.
 *
 * A rule never drops what tells models apart: sizes, "instruct", version numbers (except the
 * "-v0.1" a later id left out, see `dropFirstInstructVersion`) and dates stay.
 */

export interface NameRule {
  name: string;
  /** Why the two spellings name the same model, in words for the run's report. */
  reason: string;
  apply: (name: string) => string | null;
}

const changed = (before: string, after: string): string | null => (after === before ? null : after);

/** Bedrock regions and cross-region inference profiles ("us-east-1/", "us.", "global.") in front of the id. */
export function dropRegion(name: string): string | null {
  return changed(name, name.replace(/^(?:[a-z]{2}(?:-[a-z]+)+-\d\/)+/, '').replace(/^(?:us|eu|apac|global|jp|au)\.(?=[a-z]+\.)/, ''));
}

/** Hosting paths that are not part of the name: Fireworks "accounts/fireworks/models/", Cloudflare "@cf/author/", "@hf/author/", "hf:". */
export function dropHostingPath(name: string): string | null {
  return changed(name, name.replace(/^accounts\/[^/]+\/models\//, '').replace(/^@(?:cf|hf)\/[^/]+\//, '').replace(/^hf:/, ''));
}

/**
 * How a host quantized or packaged the weights is the offer's quantization, not another model:
 * "llama-3.1-8b-instruct-fp8", "-awq", "-fp8-fast", Vertex's "-maas", Hugging Face format "-hf". Speed words alone ("-fast",
 * "-turbo") are not dropped: "grok-4-fast" and "gpt-4-turbo" are models of their own.
 */
export function dropQuantization(name: string): string | null {
  return changed(name, name.replace(/(?:-(?:fp8|fp8-dynamic|fp4|nvfp4|awq|gptq|int4|int8|bf16|fp16|w8a8|maas|hf))+(?:-fast)?$/i, ''));
}

/** Hosts' serving tiers of an instruct model: Together's "-Instruct-Turbo", Nebius' "-Instruct-fast", "-Instruct-Turbo-Free". */
export function dropInstructServingTier(name: string): string | null {
  return changed(name, name.replace(/(-instruct)(?:-(?:turbo|fast|free))+$/i, '$1'));
}

/** Meta's own repository names repeat the maker: "Meta-Llama-3.1-8B-Instruct" = "Llama-3.1-8B-Instruct". */
export function dropMetaPrefix(name: string): string | null {
  return changed(name, name.replace(/^meta-(?=llama)/i, ''));
}

/** "mistralai/Mixtral-8x7B-Instruct-v0.1" → "Mixtral-8x7B-Instruct-v0.1": the author is compared separately. */
export function dropAuthor(name: string): string | null {
  const slash = name.lastIndexOf('/');
  return slash === -1 ? null : name.slice(slash + 1);
}

/** The model makers Bedrock puts before a dot ("mistral.mixtral-8x7b-instruct-v0:1"). */
export const BEDROCK_VENDORS = ['amazon', 'anthropic', 'ai21', 'cohere', 'meta', 'mistral', 'deepseek', 'qwen', 'openai', 'writer', 'moonshot', 'moonshotai', 'minimax', 'google', 'nvidia', 'zai'] as const;
const BEDROCK_VENDOR = new RegExp(`^(?:${BEDROCK_VENDORS.join('|')})\\.(?=[a-z])`);

/** "mistral.mixtral-8x7b-instruct-v0:1" → "mixtral-8x7b-instruct-v0:1". */
export function dropBedrockVendor(name: string): string | null {
  return changed(name, name.replace(BEDROCK_VENDOR, ''));
}

/** The vendor a Bedrock-style id names, for the author check ("mistral" for "mistral.mixtral…"). */
export function bedrockVendorOf(name: string): string | null {
  const match = /^(?:(?:us|eu|apac|global|jp|au)\.)?([a-z0-9]+)\.(?=[a-z])/.exec(name.replace(/^.*\//, ''));
  return match && (BEDROCK_VENDORS as readonly string[]).includes(match[1]!) ? match[1]! : null;
}

/** Bedrock's API version ("-v1:0", "-v2:0") is not the model's version: "claude-3-haiku-20240307-v1:0" → "claude-3-haiku-20240307". */
export function dropBedrockApiVersion(name: string): string | null {
  return changed(name, name.replace(/-v[1-9]\d*:0$/, ''));
}

/** Bedrock writes a model version 0.x with a colon: "mixtral-8x7b-instruct-v0:1" → "mixtral-8x7b-instruct-v0.1". */
export function colonVersionToDot(name: string): string | null {
  return changed(name, name.replace(/-v0:(\d+)$/, '-v0.$1'));
}

/** Case never tells models apart in ids: "Mixtral-8x7B" = "mixtral-8x7b". */
export function lowerCase(name: string): string | null {
  return changed(name, name.toLowerCase());
}

/**
 * A version written with a dash between single digits: "claude-3-5-sonnet" → "claude-3.5-sonnet",
 * "qwen2-5-72b" → "qwen2.5-72b". Only when the second digit ends a part, so "gemma-3-4b" (a size) stays.
 */
export function dashVersionToDot(name: string): string | null {
  return changed(name, name.replace(/(?<![\d.])(\d)-(\d)(?=-|$)/g, '$1.$2'));
}

/**
 * Fireworks writes "v3p1" and "2p5" for 3.1 and 2.5, and puts a "v" before a version that precedes the
 * size: "llama-v3p1-8b-instruct" → "llama-3.1-8b-instruct"; a trailing "-v0p2" stays a version "-v0.2".
 */
export function fireworksVersion(name: string): string | null {
  return changed(name, name.replace(/(^|-)v(\d+(?:p\d+)?)(?=-\d)/g, '$1$2').replace(/(\d)p(\d)/g, '$1.$2'));
}

/** Dates as "-2024-06-20" or "-20240620": one spelling ("-20240620"). */
export function compactDate(name: string): string | null {
  return changed(name, name.replace(/-(20\d{2})-(\d{2})-(\d{2})(?=-|$)/g, '-$1$2$3'));
}

/** A dash between a name and its version number: "llama-3.1-8b" = "llama3.1-8b" (Bedrock's "llama3-1"), "gemma-3" = "gemma3". */
export function joinNameAndVersion(name: string): string | null {
  return changed(name, name.replace(/([a-z])-(?=\d)/g, '$1'));
}

/**
 * Mistral's first instruct releases carry "-v0.1" on Hugging Face and at hosts, while the catalog id
 * left it out ("mixtral-8x7b-instruct"). Only "-instruct-v0.1" at the very end; later versions
 * (v0.2, v0.3) keep their number, so "mistral-7b-instruct-v0.3" never meets "mistral-7b-instruct-v0.2".
 */
export function dropFirstInstructVersion(name: string): string | null {
  return changed(name, name.replace(/-instruct-v0\.1$/, '-instruct'));
}

/** In the order identity tries them; each is applied on top of the ones before. */
export const NAME_RULES: readonly NameRule[] = [
  { name: 'region', reason: 'a Bedrock region or inference profile in front of the id', apply: dropRegion },
  { name: 'hosting-path', reason: 'a host path (accounts/…/models/, @cf/…/) in front of the id', apply: dropHostingPath },
  { name: 'author', reason: 'the same name under an author prefix', apply: dropAuthor },
  { name: 'quantization', reason: "a host's quantization or packaging suffix (-fp8, -awq, -maas)", apply: dropQuantization },
  { name: 'serving-tier', reason: "a host's serving tier of an instruct model (-Instruct-Turbo)", apply: dropInstructServingTier },
  { name: 'meta-prefix', reason: "Meta's repositories repeat the maker (Meta-Llama-3.1)", apply: dropMetaPrefix },
  { name: 'bedrock-vendor', reason: 'Bedrock writes the maker before a dot', apply: dropBedrockVendor },
  { name: 'bedrock-api-version', reason: 'Bedrock appends its API version (-v1:0)', apply: dropBedrockApiVersion },
  { name: 'colon-version', reason: 'Bedrock writes v0.1 as v0:1', apply: colonVersionToDot },
  { name: 'case', reason: 'ids differ only in case', apply: lowerCase },
  { name: 'dash-version', reason: 'a version written 3-5 instead of 3.5', apply: dashVersionToDot },
  { name: 'fireworks-version', reason: 'Fireworks writes 3.1 as v3p1', apply: fireworksVersion },
  { name: 'date', reason: 'a date written with or without dashes', apply: compactDate },
  { name: 'name-version-dash', reason: 'a name and its version number written with or without a dash', apply: joinNameAndVersion },
  { name: 'instruct-v0.1', reason: 'the first instruct release named with or without -v0.1', apply: dropFirstInstructVersion },
];

const canonicalNames = new Map<string, string>();

/** The spelling every rule leads to: what a seller's id and a catalog name are compared in. */
export function canonicalName(id: string): string {
  let name = canonicalNames.get(id);
  if (name === undefined) {
    name = NAME_RULES.reduce((current, rule) => rule.apply(current) ?? current, id);
    canonicalNames.set(id, name);
  }
  return name;
}

/**
 * Each step of rewriting `id` by the rules, with the rules used so far: identity tries the strictest
 * spelling first and stops at the first that names exactly one model.
 */
const stepsOf = new Map<string, { name: string; rules: string[] }[]>();

export function nameSteps(id: string): { name: string; rules: string[] }[] {
  const known = stepsOf.get(id);
  if (known) return known;
  const steps: { name: string; rules: string[] }[] = [];
  let name = id;
  const used: string[] = [];
  for (const rule of NAME_RULES) {
    const next = rule.apply(name);
    if (next === null || next === '') continue;
    name = next;
    used.push(rule.name);
    steps.push({ name, rules: [...used] });
  }
  stepsOf.set(id, steps);
  return steps;
}

/**
 * Authors spelled differently by different sources ("mistralai", "mistral", "deepseek-ai", "z-ai",
 * "zai-org", "meta-llama") reduce to one key, so an author check can tell Meta's model from Mistral's.
 */
const authorKeys = new Map<string, string>();

export function authorKey(author: string): string {
  const known = authorKeys.get(author);
  if (known !== undefined) return known;
  const key = authorKeyOf(author);
  authorKeys.set(author, key);
  return key;
}

function authorKeyOf(author: string): string {
  const lower = author.toLowerCase().replace(/^@/, '');
  const known: Record<string, string> = { 'meta-llama': 'meta', 'thudm': 'z', 'zhipuai': 'z', 'alibaba': 'qwen', 'qwen': 'qwen', 'x-ai': 'x', 'xai': 'x' };
  if (Object.hasOwn(known, lower)) return known[lower]!;
  let key = lower;
  // "zai-org" → "zai" → "z": the suffixes come stacked.
  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(/[-_]?(ai|org|inc|labs)$/, '');
  }
  return key.replace(/[-_.]/g, '') || lower;
}
