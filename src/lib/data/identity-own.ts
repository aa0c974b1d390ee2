/**
 * Models of their own for entries that match no catalog model, so nothing a source sells disappears.
 *
 * Entries of different sellers that spell the same name (by the name rules, identity-rules.ts) are one
 * model. Its id is `@<provider>/<the provider's model id>` of the seller that listed it first (ties:
 * provider, then id, alphabetically), e.g. `@cortecs/mixtral-8x7B-instruct-v0.1`. OpenRouter ids never
 * start with "@", so such an id can never take an OpenRouter model's URL; and since a later seller never
 * lists "first", the id stays when more sellers add the model.
 */
import { canonicalName } from './identity-rules.ts';
import type { ListingEntry, SourceListing } from './sources/listing.ts';

export interface UnmatchedEntry {
  listing: SourceListing;
  entry: ListingEntry;
  providerId: string;
}

export const OWN_MODEL_PREFIX = '@';

export function ownModelId(providerId: string, providerModelId: string): string {
  return `${OWN_MODEL_PREFIX}${providerId}/${providerModelId}`;
}

export function isOwnModelId(id: string): boolean {
  return id.startsWith(OWN_MODEL_PREFIX);
}

/** Unmatched entries grouped by the name they share; each group's model id. */
export function groupOwnModels(unmatched: UnmatchedEntry[]): Map<string, UnmatchedEntry[]> {
  const byName = new Map<string, UnmatchedEntry[]>();
  for (const u of unmatched) {
    const name = canonicalName(u.entry.providerModelId);
    const list = byName.get(name);
    if (list) list.push(u);
    else byName.set(name, [u]);
  }
  const groups = new Map<string, UnmatchedEntry[]>();
  for (const list of byName.values()) {
    const first = [...list].sort(
      (a, b) =>
        (a.listing.date < b.listing.date ? -1 : a.listing.date > b.listing.date ? 1 : 0) ||
        (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0) ||
        (a.entry.providerModelId < b.entry.providerModelId ? -1 : a.entry.providerModelId > b.entry.providerModelId ? 1 : 0),
    )[0]!;
    groups.set(ownModelId(first.providerId, first.entry.providerModelId), list);
  }
  return groups;
}
