/**
 * Model identity: which catalog model a source's entry is. In order:
 * 1. stated keys: an OpenRouter id or canonical slug the entry names or is, a Hugging Face id the
 *    entry states or uses as its model id, Artificial Analysis' slug under its creator;
 * 2. name rules (identity-rules.ts), accepted only when they name exactly one model whose author
 *    agrees with the one the entry states;
 * 3. the curated alias file (data/raw/curated/aliases.json), each alias with its reason.
 * What matches nothing gets a model of its own (identity-own.ts).
 */
import { z } from 'astro/zod';
import type { OfferMatch } from './schema.ts';
import type { ListingEntry } from './sources/listing.ts';
import { authorKey, bedrockVendorOf, nameSteps } from './identity-rules.ts';

/** What identity needs to know of a catalog model. */
export interface IdentityModel {
  id: string;
  canonicalSlug: string | null;
  huggingFaceId: string | null;
}

export const CuratedAlias = z.strictObject({
  /** Catalog provider id (models.dev's), so one alias serves every source that names that seller. */
  provider: z.string().min(1),
  providerModelId: z.string().min(1),
  model: z.string().min(1),
  reason: z.string().min(10, { error: 'must say why the two ids are the same model' }),
});
export const CuratedAliasesFile = z.strictObject({ aliases: z.array(CuratedAlias) });
export type CuratedAliasesFile = z.infer<typeof CuratedAliasesFile>;

export interface ModelIndex {
  byId: Map<string, string>;
  byCanonicalSlug: Map<string, string>;
  byHuggingFaceId: Map<string, string[]>;
  /** Name form → model id → how many rules it took to reach that form from the model's own name. */
  byNameForm: Map<string, Map<string, number>>;
  authorKeyOf: Map<string, string>;
  aliases: Map<string, { model: string; reason: string }>;
}

const lower = (s: string) => s.toLowerCase();
const aliasKey = (provider: string, providerModelId: string) => `${provider}\u0000${providerModelId}`;

/** Variants (":free") and moving aliases ("~…") are OpenRouter routes, not models a host sells. */
function isSellableName(id: string): boolean {
  return !id.startsWith('~') && !id.slice(id.indexOf('/') + 1).includes(':');
}

export function buildModelIndex(models: IdentityModel[], aliases: CuratedAliasesFile['aliases'] = []): ModelIndex {
  const index: ModelIndex = { byId: new Map(), byCanonicalSlug: new Map(), byHuggingFaceId: new Map(), byNameForm: new Map(), authorKeyOf: new Map(), aliases: new Map() };
  for (const model of [...models].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    index.byId.set(lower(model.id), model.id);
    if (model.canonicalSlug) index.byCanonicalSlug.set(lower(model.canonicalSlug), model.id);
    const author = model.id.replace(/^~/, '').split('/')[0]!;
    index.authorKeyOf.set(model.id, authorKey(author));
    if (!isSellableName(model.id)) continue;
    if (model.huggingFaceId) {
      const list = index.byHuggingFaceId.get(lower(model.huggingFaceId)) ?? [];
      list.push(model.id);
      index.byHuggingFaceId.set(lower(model.huggingFaceId), list);
    }
    for (const name of [model.id, model.huggingFaceId].filter((n): n is string => !!n)) {
      for (const [depth, form] of [name, ...nameSteps(name).map((s) => s.name)].entries()) addForm(index, form, model.id, depth);
    }
  }
  for (const alias of aliases) index.aliases.set(aliasKey(alias.provider, alias.providerModelId), { model: alias.model, reason: alias.reason });
  return index;
}

function addForm(index: ModelIndex, form: string, modelId: string, depth: number): void {
  const models = index.byNameForm.get(form) ?? new Map<string, number>();
  const known = models.get(modelId);
  if (known === undefined || depth < known) models.set(modelId, depth);
  index.byNameForm.set(form, models);
}

export interface IdentityResult {
  modelId: string | null;
  match: OfferMatch;
}

/**
 * One model per Hugging Face id: several catalog models can state the same one (an old id and its
 * renamed successor); the one whose own name is that repository's name wins, else the first by id.
 */
function byHuggingFace(index: ModelIndex, hfId: string): string | undefined {
  const candidates = index.byHuggingFaceId.get(lower(hfId));
  if (!candidates) return undefined;
  const repoName = lower(hfId.split('/').pop()!);
  return candidates.find((id) => lower(id.split('/').pop()!) === repoName) ?? candidates[0];
}

function byStatedKeys(entry: ListingEntry, index: ModelIndex): IdentityResult | null {
  const k = entry.keys;
  const hit = (modelId: string | undefined, detail: string): IdentityResult | null => (modelId ? { modelId, match: { by: 'key', detail } } : null);
  return (
    (k.openRouterId ? hit(index.byId.get(lower(k.openRouterId)), `OpenRouter id ${k.openRouterId}`) : null) ??
    (k.canonicalSlug ? hit(index.byCanonicalSlug.get(lower(k.canonicalSlug)) ?? index.byId.get(lower(k.canonicalSlug)), `OpenRouter canonical slug ${k.canonicalSlug}`) : null) ??
    (k.huggingFaceId ? hit(byHuggingFace(index, k.huggingFaceId), `Hugging Face id ${k.huggingFaceId}`) : null) ??
    hit(index.byId.get(lower(entry.providerModelId)), `the seller's id is the OpenRouter id ${entry.providerModelId}`) ??
    (entry.providerModelId.includes('/') ? hit(byHuggingFace(index, entry.providerModelId), `the seller's id is the Hugging Face id ${entry.providerModelId}`) : null) ??
    (k.aaSlug && k.aaCreator ? hit(index.byId.get(`${lower(k.aaCreator)}/${lower(k.aaSlug)}`), `Artificial Analysis ${k.aaCreator}/${k.aaSlug}`) : null)
  );
}

/** The author an entry states: an "author/…" prefix, a Bedrock vendor, or AA's creator. */
export function statedAuthorKey(entry: ListingEntry): string | null {
  if (entry.keys.aaCreator) return authorKey(entry.keys.aaCreator);
  const id = entry.providerModelId.replace(/^accounts\/[^/]+\/models\//, '').replace(/^@(?:cf|hf)\//, '').replace(/^hf:/, '').replace(/^(?:[a-z]{2}(?:-[a-z]+)+-\d\/)+/, '');
  const vendor = bedrockVendorOf(id);
  if (vendor) return authorKey(vendor);
  const slash = id.lastIndexOf('/');
  return slash > 0 ? authorKey(id.slice(0, slash).split('/').pop()!) : null;
}

function byNameRules(entry: ListingEntry, index: ModelIndex, catalogProviderId: string): IdentityResult | null {
  const author = statedAuthorKey(entry);
  const sellerAsAuthor = authorKey(catalogProviderId);
  const name = entry.keys.aaSlug && entry.keys.aaCreator ? `${entry.keys.aaCreator}/${entry.keys.aaSlug}` : entry.providerModelId;
  for (const step of [{ name, rules: [] as string[] }, ...nameSteps(name)]) {
    const found = index.byNameForm.get(step.name);
    if (!found) continue;
    let candidates = [...found.entries()].filter(([id]) => author === null || index.authorKeyOf.get(id) === author);
    if (candidates.length === 0) continue;
    const closest = Math.min(...candidates.map(([, depth]) => depth));
    candidates = candidates.filter(([, depth]) => depth === closest);
    if (candidates.length > 1 && author === null) {
      const bySeller = candidates.filter(([id]) => index.authorKeyOf.get(id) === sellerAsAuthor);
      if (bySeller.length === 1) candidates = bySeller;
    }
    // Two models at the same distance: the rules cannot tell them apart, so they do not decide.
    if (candidates.length !== 1) return null;
    const [modelId] = candidates[0]!;
    return { modelId, match: { by: 'rule', detail: `${name} and ${modelId} are both spelled ${step.name}${step.rules.length ? ` (rules: ${step.rules.join(', ')})` : ''}` } };
  }
  return null;
}

export function identify(entry: ListingEntry, catalogProviderId: string, index: ModelIndex): IdentityResult {
  const keyed = byStatedKeys(entry, index);
  if (keyed) return keyed;
  const ruled = byNameRules(entry, index, catalogProviderId);
  if (ruled) return ruled;
  const alias = index.aliases.get(aliasKey(catalogProviderId, entry.providerModelId));
  if (alias && index.byId.has(lower(alias.model))) return { modelId: index.byId.get(lower(alias.model))!, match: { by: 'alias', detail: alias.reason } };
  return { modelId: null, match: { by: 'own', detail: 'matches no catalog model by key, rule or alias' } };
}
