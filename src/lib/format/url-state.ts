/**
 * Reading and writing page state in the query string, one way for every page whose URL is its state
 * (catalog filters, the calculator's workload, the compare and playground model lists). Pages decide
 * which parameters they have; these functions decide how a value is spelled: lists comma-joined, ids
 * with "/" and ":" left readable, whole numbers checked against a range, decimals written out in
 * full, a switch that is on as "1", text trimmed, defaults left out.
 */
import { DECIMAL } from '../pricing/decimal.ts';

/** What a shared link may carry: a value, a list, or nothing (the parameter is left out). */
export type QueryValue = string | number | readonly string[] | null | undefined;

/** One parameter of a link, in the order it is written. */
export type QueryEntry = readonly [name: string, value: QueryValue];

/** Percent-encodes a value but keeps "/" and ":" readable: they are legal in a query and common in ids. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

/**
 * "a=1&models=x/y,z" from ordered entries; null, undefined and empty lists are left out, list items
 * are comma-joined (each encoded, so a comma inside an item cannot split it).
 */
export function writeQuery(entries: readonly QueryEntry[]): string {
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

/** A decimal parameter written out in full ("40", "62.5"); "1e3", "-1", ".5" and words read as absent (null). */
export function readDecimal(params: URLSearchParams, name: string): string | null {
  const text = params.get(name)?.trim() ?? '';
  return DECIMAL.test(text) ? text : null;
}

/** Text such as a search or an id, trimmed; '' when absent. */
export function readText(params: URLSearchParams, name: string): string {
  return (params.get(name) ?? '').trim();
}

/** Text to write: trimmed, left out when nothing is left. */
export function textValue(value: string): string | null {
  return value.trim() || null;
}

/** A switch is on when the parameter is "1"; off is the default and is left out of links. */
export function readSwitch(params: URLSearchParams, name: string): boolean {
  return params.get(name) === '1';
}

/** The spelling of a switch: "1" when on, left out when off. */
export function switchValue(on: boolean): '1' | null {
  return on ? '1' : null;
}

/** One of a fixed set of values; anything else (or nothing) is the fallback. */
export function readChoice<T extends string>(params: URLSearchParams, name: string, choices: readonly T[], fallback: T): T {
  const value = params.get(name)?.trim();
  return choices.find((choice) => choice === value) ?? fallback;
}
