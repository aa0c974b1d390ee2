/** JSON whose text depends only on the data: the same data always gives the same text, so diffs review well. */
import { z } from 'astro/zod';

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
  return prettyJson(sortKeysDeep(value));
}

/**
 * `value` checked against `schema` and written in the schema's key order: zod builds its output with
 * the keys in the order the schema declares them, so the text is as stable as sorted keys (the same
 * data always gives the same text) without a second copy of every object (the catalog has ~280,000).
 * Records must be built in a fixed order (see `Pricing.unknown`, sorted where prices are built).
 */
export function schemaJson<T extends z.ZodType>(schema: T, value: z.input<T>): string {
  return prettyJson(schema.parse(value));
}

const RECORDS_MARK = '\u0000records\u0000';

/**
 * Like schemaJson, but each item of the list under `records` is written on a line of its own: the two
 * big files (offers, models) stay diff-friendly (a changed offer is a changed line) and are written in
 * half the time fully indented JSON takes, and read faster by the site. Each item is checked against
 * the list's item schema and written at once, so its checked copy is garbage straight away instead of
 * a copy of the whole catalog (~230,000 objects) living until it is written.
 */
export function schemaRecordsJson<S extends z.ZodObject>(schema: S, value: z.input<S>, records: keyof S['shape'] & string): string {
  const { [records]: list, ...rest } = value as Record<string, unknown>;
  const listSchema = schema.shape[records];
  if (!(listSchema instanceof z.ZodArray) || !Array.isArray(list)) return prettyJson(schema.parse(value));
  const envelope = schema.omit({ [records]: true } as never).parse(rest) as Record<string, unknown>;
  const element = listSchema.element as z.ZodType;
  const lines = list.map((item, index) => {
    const checked = element.safeParse(item);
    if (!checked.success) throw new z.ZodError(checked.error.issues.map((issue) => ({ ...issue, path: [records, index, ...issue.path] })));
    return `    ${JSON.stringify(checked.data)}`;
  });
  // The schema's key order, with the list where the schema has it.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) ordered[key] = key === records ? RECORDS_MARK : envelope[key];
  const block = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return prettyJson(ordered).replace(JSON.stringify(RECORDS_MARK), () => block);
}

function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The record with its keys in code-unit order, so that its text does not follow upstream's order. */
export function sortedRecord<V>(record: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
