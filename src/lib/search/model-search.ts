/**
 * The one model search of the site: the catalog, the compare picker, the calculator and the
 * playground all find models through it, so "llama 3.1 8b" means the same model everywhere.
 *
 * Ranking, best first:
 * 1. the exact id ("mistralai/mixtral-8x7b-instruct");
 * 2. every query word in the name or the id (or the author label): catalog models before one
 *    provider's own listings ("@provider/…" ids), then by how closely the words follow the model's
 *    own name: the exact name, then the words in a row at the start of the name
 *    or of the id's model part ("mixtral 8x7b" → Mixtral 8x7B Instruct, not Nous Hermes 2 Mixtral
 *    8x7B), then in a row anywhere, then scattered; listed before retired, plain ids before variants
 *    (":free") and moving aliases ("~author/…"), then newest;
 * 3. only when nothing matches that way, fuzzy: every word within a typo or two of a word of the
 *    name or id ("mixtrl"). A fallback, not a tier after 2: "mixtral" must not bring every Mistral.
 *
 * Pure and dependency-free: it runs in islands on every keystroke over thousands of models, so the
 * per-model strings are computed once (`searchKey`) and the query once (`compileQuery`).
 */

/** What a model needs for the search; every island's model type has these fields. */
export interface SearchFields {
  id: string;
  displayName: string;
  /** Searched too, so "mistral" finds models whose name lacks the author. */
  authorLabel?: string;
  /** Missing means listed. */
  listed?: boolean;
  /** ISO date; newer ranks first among equals. */
  created?: string;
}

/** The per-model strings the search reads, computed once per model. */
export interface SearchKey {
  id: string;
  /** Lower-cased id, name and author label: what every query word must occur in. */
  haystack: string;
  /** Punctuation-free forms ("llama 3 1 8b instruct") for phrase matching. */
  looseName: string;
  looseSlug: string;
  looseAll: string;
  listed: boolean;
  plain: boolean;
  /** "@provider/…": a model only one provider lists under its own name, matched to no catalog model. */
  ownPage: boolean;
  created: string;
}

export interface CompiledQuery {
  /** Lower-cased and trimmed. */
  text: string;
  words: string[];
  /** The query without punctuation: "llama 3.1 8b" → "llama 3 1 8b". */
  phrase: string;
}

/** How a model matched a query; higher `score` ranks first. */
export interface SearchMatch {
  tier: 'exact' | 'words' | 'fuzzy';
  score: number;
}

const loose = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** "Mistral: Mixtral 8x7B Instruct" → "Mixtral 8x7B Instruct": the model's own name. */
function ownName(displayName: string): string {
  const colon = displayName.indexOf(': ');
  return colon === -1 ? displayName : displayName.slice(colon + 2);
}

export function searchKey(model: SearchFields): SearchKey {
  const id = model.id.toLowerCase();
  const slash = id.indexOf('/');
  return {
    id,
    haystack: `${id} ${model.displayName.toLowerCase()} ${(model.authorLabel ?? '').toLowerCase()}`,
    looseName: loose(ownName(model.displayName)),
    looseSlug: loose(slash === -1 ? id : id.slice(slash + 1)),
    looseAll: ` ${loose(`${model.id} ${model.displayName}`)} `,
    listed: model.listed ?? true,
    plain: !id.includes(':') && !id.startsWith('~'),
    ownPage: id.startsWith('@'),
    created: model.created ?? '',
  };
}

export function compileQuery(query: string): CompiledQuery {
  const text = query.trim().toLowerCase();
  return { text, words: text.split(/\s+/).filter(Boolean), phrase: loose(text) };
}

export const isEmptyQuery = (query: CompiledQuery) => query.words.length === 0;

const startsWithPhrase = (value: string, phrase: string) => phrase !== '' && value.startsWith(phrase);

/** The exact and all-words tiers; null when the model does not match that way. */
export function strictMatch(key: SearchKey, query: CompiledQuery): SearchMatch | null {
  if (query.text === key.id) return { tier: 'exact', score: 10_000 };
  for (const word of query.words) if (!key.haystack.includes(word)) return null;
  const { phrase } = query;
  // The model a name means comes before one provider's own listing of it, however exactly that
  // listing is named ("Mixtral 8x7B" at Fireworks is not the model "mixtral 8x7b" means).
  let score = key.ownPage ? 0 : 200;
  if (phrase !== '' && (key.looseName === phrase || key.looseSlug === phrase)) score += 100;
  if (startsWithPhrase(key.looseName, phrase) || startsWithPhrase(key.looseSlug, phrase)) score += 40;
  else if (phrase !== '' && key.looseAll.includes(` ${phrase}`)) score += 20;
  if (key.listed) score += 5;
  if (key.plain) score += 2;
  return { tier: 'words', score };
}

/** Edit distance, giving up (returning `limit + 1`) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed in a word: none under 4 letters (too many short words look alike), then 1, then 2. */
const typosAllowed = (word: string) => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

function fuzzyWord(word: string, tokens: readonly string[], haystack: string): boolean {
  const limit = typosAllowed(word);
  if (limit === 0) return haystack.includes(word);
  // A word still being typed matches the start of a longer one ("mixtr" → "mixtral").
  return tokens.some((token) => editDistance(word, token, limit) <= limit || (token.length > word.length && editDistance(word, token.slice(0, word.length), limit) <= limit));
}

/** The fuzzy fallback tier: every word within a typo or two of a word of the name or id. */
export function fuzzyMatch(key: SearchKey, query: CompiledQuery): SearchMatch | null {
  if (isEmptyQuery(query)) return null;
  const tokens = key.looseAll.trim().split(' ');
  const words = query.phrase.split(' ').filter(Boolean);
  if (words.length === 0 || !words.every((word) => fuzzyWord(word, tokens, key.haystack))) return null;
  // As in the words tier, a name that starts with the (misspelt) first word ranks higher.
  const first = [key.looseName.split(' ')[0] ?? '', key.looseSlug.split(' ')[0] ?? ''];
  const leads = fuzzyWord(words[0]!, first, first.join(' '));
  return { tier: 'fuzzy', score: (key.ownPage ? 0 : 200) + (leads ? 40 : 0) + (key.listed ? 5 : 0) + (key.plain ? 2 : 0) };
}

/** Best first: score, then newest, then id (so equal queries give equal orders everywhere). */
export function compareMatches(a: { key: SearchKey; match: SearchMatch }, b: { key: SearchKey; match: SearchMatch }): number {
  return b.match.score - a.match.score || b.key.created.localeCompare(a.key.created) || (a.key.id < b.key.id ? -1 : a.key.id > b.key.id ? 1 : 0);
}

/**
 * Ranks `items` for `query` by the rules above. `keyOf` lets callers that search the same items on
 * every keystroke pass keys computed once. An empty query matches nothing.
 */
export function rankMatches<T>(items: readonly T[], keyOf: (item: T) => SearchKey, query: CompiledQuery): T[] {
  if (isEmptyQuery(query)) return [];
  let found: { item: T; key: SearchKey; match: SearchMatch }[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const match = strictMatch(key, query);
    if (match !== null) found.push({ item, key, match });
  }
  if (found.length === 0) {
    for (const item of items) {
      const key = keyOf(item);
      const match = fuzzyMatch(key, query);
      if (match !== null) found.push({ item, key, match });
    }
  }
  found = found.sort(compareMatches);
  return found.map((f) => f.item);
}

const keys = new WeakMap<object, SearchKey>();

/** The search key of a model object, computed once per object. */
export function cachedSearchKey(model: SearchFields): SearchKey {
  let key = keys.get(model);
  if (key === undefined) {
    key = searchKey(model);
    keys.set(model, key);
  }
  return key;
}

/** The models matching `query`, best first; for pickers and lists. */
export function searchModels<M extends SearchFields>(
  models: readonly M[],
  query: string,
  options: { exclude?: ReadonlySet<string>; limit?: number } = {},
): M[] {
  const candidates = options.exclude && options.exclude.size > 0 ? models.filter((m) => !options.exclude!.has(m.id)) : models;
  return rankMatches(candidates, cachedSearchKey, compileQuery(query)).slice(0, options.limit ?? 50);
}

