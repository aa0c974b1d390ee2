/**
 * A dated source restates most of its entries unchanged from one file to the next (about half of
 * models.dev's and LiteLLM's entries): an entry whose raw JSON equals what the same key held in the
 * source's previous file reads to the same listing entry, so it is taken over instead of being
 * validated and priced again. Only entries read without a note in the file's log (rejection, cut,
 * skip) are taken over, so every file's log and entries are exactly what reading it alone gives.
 */
import type { ListingEntry } from './listing.ts';
import type { EntryLog } from './source-file.ts';

export interface Known {
  raw: unknown;
  entry: ListingEntry;
}

export class RepeatedEntries {
  private readonly byScope = new Map<string, Map<string, Known>>();

  /** The entries read under one scope: everything besides the raw entry that reading depends on (models.dev's provider id and name). */
  scope(name: string): Map<string, Known> {
    let known = this.byScope.get(name);
    if (!known) this.byScope.set(name, (known = new Map()));
    return known;
  }

  /**
   * The entry `read` gives for `raw`, or the one it gave when `key` (the entry's own key in the file,
   * so a string the engine has already hashed) last held equal JSON in this scope.
   */
  readOrRepeat(scope: Map<string, Known>, key: string, raw: unknown, index: number, log: EntryLog, read: () => ListingEntry | null): ListingEntry | null {
    const known = scope.get(key);
    if (known && sameJson(known.raw, raw)) return known.entry.index === index ? known.entry : { ...known.entry, index };
    const notesBefore = log.noteCount;
    const entry = read();
    if (entry && log.noteCount === notesBefore) scope.set(key, { raw, entry });
    else scope.delete(key);
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
