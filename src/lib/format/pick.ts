/**
 * A copy of `source` with only `keys`, in their order. A module that ships part of a model states the
 * part once, as a key list, and derives its type from the same list.
 */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = source[key];
  return picked;
}
