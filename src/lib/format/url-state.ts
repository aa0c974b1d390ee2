/**
 * Reading and writing page state in the query string, one way for every page whose URL is its state
 * (catalog filters, the calculator's workload, the compare and playground model lists). Pages decide
 * which parameters they have; these functions decide how a value is spelled: lists comma-joined, ids
 * with "/" and ":" left readable, whole numbers checked against a range, defaults left out.
 */

/** What a shared link may carry: a value, a list, or nothing (the parameter is left out). */
export type QueryValue = string | number | readonly string[] | null | undefined;

/** Percent-encodes a value but keeps "/" and ":" readable: they are legal in a query and common in ids. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

/**
 * "a=1&models=x/y,z" from ordered entries; null, undefined and empty lists are left out, list items
 * are comma-joined (each encoded, so a comma inside an item cannot split it).
 */
export function writeQuery(entries: readonly (readonly [name: string, value: QueryValue])[]): string {
  const parts: string[] = [];
  for (const [name, value] of entries) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      if (value.length > 0) parts.push(`${name}=${value.map(encodeQueryValue).join(',')}`);
    } else parts.push(`${name}=${encodeQueryValue(String(value))}`);
  }
  return parts.join('&');
}

/**
 * Every item of a list parameter, in order: comma-separated values and repeated parameters (a form
 * of checkboxes sends `name=a&name=b`) of any of `names`, trimmed, empty items dropped.
 */
export function readList(params: URLSearchParams, names: readonly string[]): string[] {
  return names
    .flatMap((name) => params.getAll(name))
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Items in first-seen order, and the repeats that were dropped. */
export function uniqueItems(items: readonly string[]): { unique: string[]; repeated: string[] } {
  const seen = new Set<string>();
  const unique: string[] = [];
  const repeated: string[] = [];
  for (const item of items) {
    if (seen.has(item)) repeated.push(item);
    else {
      seen.add(item);
      unique.push(item);
    }
  }
  return { unique, repeated };
}

export type WholeNumberParam = { state: 'absent' } | { state: 'ok'; value: number } | { state: 'invalid'; raw: string };

/** A whole-number parameter within [min, max]; "12abc", "-1", "1e3" and out-of-range values are invalid. */
export function readWholeNumber(params: URLSearchParams, name: string, range: { min: number; max: number }): WholeNumberParam {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return { state: 'absent' };
  const text = raw.trim();
  if (!/^\d{1,16}$/.test(text)) return { state: 'invalid', raw };
  const value = Number(text);
  return value >= range.min && value <= range.max ? { state: 'ok', value } : { state: 'invalid', raw };
}
