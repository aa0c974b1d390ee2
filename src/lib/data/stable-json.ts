/** JSON with sorted keys: the same data always serializes to the same text, so diffs review well. */

/** A copy with every object's keys in code-unit order and undefined members left out. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = sortKeysDeep(value[i]);
    return copy as T;
  }
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, the order JSON diffs have always had here.
    const keys = Object.keys(source).sort();
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      const member = source[key];
      if (member !== undefined) copy[key] = sortKeysDeep(member);
    }
    return copy as T;
  }
  return value;
}

/** Compact canonical form, for equality checks regardless of key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeysDeep(value));
}

/** Pretty canonical form for files: two-space indent and a trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}
