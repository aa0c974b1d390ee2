/**
 * A dated source restates most of its entries unchanged from one file to the next (about half of
 * models.dev's and LiteLLM's entries): an entry whose raw JSON equals what the same key held in the
 * source's previous file reads to the same listing entry, so it is taken over instead of being
 * validated and priced again. Only entries read without a note in the file's log (rejection, cut,
 * skip) are taken over, so every file's log and entries are exactly what reading it alone gives.
 */
import type { ListingEntry } from './listing.ts';
import type { EntryLog } from './source-file.ts';

interface Known {
  raw: unknown;
  entry: ListingEntry;
}

export class RepeatedEntries {
  private readonly byKey = new Map<string, Known>();

  /**
   * The entry `read` gives for `raw`, or the one it gave when `key` last held equal JSON. `key` must
   * name everything besides `raw` that the reading depends on (provider id and name, the entry's key).
   */
  readOrRepeat(key: string, raw: unknown, index: number, log: EntryLog, read: () => ListingEntry | null): ListingEntry | null {
    const known = this.byKey.get(key);
    if (known && sameJson(known.raw, raw)) return known.entry.index === index ? known.entry : { ...known.entry, index };
    const notesBefore = log.noteCount;
    const entry = read();
    if (entry && log.noteCount === notesBefore) this.byKey.set(key, { raw, entry });
    else this.byKey.delete(key);
    return entry;
  }
}

/** Equal JSON values, keys in the same order (a reordered object is read again, never assumed equal). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i]!;
    if (key !== keysB[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
