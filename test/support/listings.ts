/** Hand-made SourceListings for identity and offer tests (values as the recordings state them). */
import type { Pricing } from '../../src/lib/data/schema.ts';
import type { ListingEntry, SourceListing } from '../../src/lib/data/sources/listing.ts';
import { unstatedEntry } from '../../src/lib/data/sources/source-file.ts';

export function prices(input: string, output: string, extra: Partial<Pricing['perMillionTokens']> = {}): Pricing {
  return { perMillionTokens: { input, output, ...extra }, perUnit: {}, tiers: [], unknown: {} };
}

export function entry(providerId: string, providerModelId: string, overrides: Partial<ListingEntry> = {}): ListingEntry {
  return { ...unstatedEntry(), providerId, providerModelId, key: `${providerId}/${providerModelId}`, index: 0, ...overrides };
}

export function listing(source: SourceListing['source'], date: string, entries: ListingEntry[], completeFor: string[] = []): SourceListing {
  return {
    source,
    date,
    file: `${source}/${source}-${date}.json`,
    completeFor,
    entries: entries.map((e, index) => ({ ...e, index })),
    rejected: [],
    skipped: [],
    trimmed: [],
    providers: [],
  };
}
