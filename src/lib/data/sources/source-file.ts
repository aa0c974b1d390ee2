/**
 * What every source reader shares: the error for a file unusable as a whole, the record of one bad
 * entry (file, index, id, field), the tally of entries left out on purpose, and the bounds every
 * upstream text and number must stay within before it reaches the catalog.
 */
import { z } from 'astro/zod';
import type { Rejection } from '../schema.ts';
import type { ListingEntry, SkipTally, SourceListing } from './listing.ts';

/** The whole input cannot be read (not JSON, wrong envelope): the run stops and writes nothing. */
export class UnusableInputError extends Error {}

/** Token counts (context, output limit, tier thresholds) above this are a broken value, not a statement. */
export const MAX_TOKEN_COUNT = 1_000_000_000;

/** A stated token count: a positive integer up to MAX_TOKEN_COUNT. */
export const TokenCount = z
  .number()
  .int({ error: 'is not an integer' })
  .positive({ error: 'is not a positive integer' })
  .max(MAX_TOKEN_COUNT, { error: `is more than ${MAX_TOKEN_COUNT} tokens` });

/**
 * Any JSON object, checked without copying it: z.record(z.string(), z.unknown()) re-validates and
 * copies every key, which was a third of the time spent reading 40 MB of upstream files.
 */
export const PlainObject = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  error: 'is not an object',
});

/**
 * A token count where upstream writes 0 for "not stated" (models.dev limits, some endpoints). Not a
 * union with z.literal(0): a union builds an issue for its failing first branch on every entry.
 */
export const TokenCountOrZero = z
  .number()
  .int({ error: 'is not an integer' })
  .nonnegative({ error: 'is negative' })
  .max(MAX_TOKEN_COUNT, { error: `is more than ${MAX_TOKEN_COUNT} tokens` });

/** Longest texts kept from upstream; longer ones are cut and reported (a 1 MB name made a 12 MB page). */
export const TEXT_LIMITS = { id: 200, name: 200, description: 8_000 } as const;

/** "a 3-key object with keys data, count…", for messages about a file's envelope. */
export function describeShape(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}`;
  return `a ${typeof value}`;
}

/** The first zod issue as field and message, so a bad entry names exactly what is wrong. */
export function firstIssue(error: z.ZodError, prefix = ''): { field: string; message: string } {
  const issue = error.issues[0]!;
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  return { field: [prefix, path].filter(Boolean).join('.') || '(entry)', message: issue.message };
}

/**
 * Why an id cannot name a model page, or null when it can. Ids become URL paths, so "." and ".."
 * segments (which a browser or the static build resolves away) and control characters are refused.
 */
export function modelIdProblem(id: string): string | null {
  if (id.trim() === '') return 'is empty';
  if (id.length > TEXT_LIMITS.id) return `is longer than ${TEXT_LIMITS.id} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'contains control characters';
  if (/(^|\/)\.\.?(\/|$)/.test(id)) return 'has a "." or ".." path segment';
  return null;
}

/** An id checked by modelIdProblem, for zod schemas of raw entries. */
export const ModelIdText = z.string().superRefine((id, context) => {
  const problem = modelIdProblem(id);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** Collects a reader's rejections, skips and cuts for one file. */
export class EntryLog {
  readonly rejected: Rejection[] = [];
  readonly trimmed: Rejection[] = [];
  private readonly skips = new Map<string, SkipTally>();
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  reject(index: number, id: string | null, field: string, message: string): void {
    this.rejected.push({ file: this.file, index, id, field, message });
  }

  /** The entry as `schema` reads it, or null with its first issue rejected. */
  parse<T extends z.ZodType>(schema: T, raw: unknown, index: number, id: string | null, prefix = ''): z.infer<T> | null {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const { field, message } = firstIssue(parsed.error, prefix);
    this.reject(index, id, field, message);
    return null;
  }

  /** True when a reader found no problem in the entry; else its first problem is rejected. */
  clean(index: number, id: string | null, problems: readonly { field: string; message: string }[], prefix = ''): boolean {
    const first = problems[0];
    if (first) this.reject(index, id, prefix ? `${prefix}.${first.field}` : first.field, first.message);
    return first === undefined;
  }

  /** True when `id` can name a model page; else it is rejected under `field`. */
  usableId(index: number, id: string, field = 'id'): boolean {
    const problem = modelIdProblem(id);
    if (problem) this.reject(index, id.slice(0, TEXT_LIMITS.id), field, problem);
    return problem === null;
  }

  skip(reason: string, key: string): void {
    const tally = this.skips.get(reason) ?? { reason, count: 0, examples: [] };
    tally.count += 1;
    if (tally.examples.length < 3) tally.examples.push(key);
    this.skips.set(reason, tally);
  }

  /** How many notes (rejections, cuts, skips) the log holds: a reading that adds none was clean. */
  get noteCount(): number {
    let count = this.rejected.length + this.trimmed.length;
    for (const tally of this.skips.values()) count += tally.count;
    return count;
  }

  get skipped(): SkipTally[] {
    return [...this.skips.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  }

  /** `text` cut to `limit` characters; a cut is reported, the entry kept. */
  cap(text: string, limit: number, index: number, id: string | null, field: string): string {
    if (text.length <= limit) return text;
    this.trimmed.push({ file: this.file, index, id, field, message: `cut from ${text.length} to ${limit} characters` });
    return text.slice(0, limit);
  }

  /** Name and description capped, or null when upstream states none. */
  texts(index: number, id: string, name: unknown, description: unknown): { name: string | null; description: string | null } {
    return {
      name: typeof name === 'string' && name !== '' ? this.cap(name, TEXT_LIMITS.name, index, id, 'name') : null,
      description: typeof description === 'string' && description !== '' ? this.cap(description, TEXT_LIMITS.description, index, id, 'description') : null,
    };
  }

  listing(base: Pick<SourceListing, 'source' | 'date' | 'completeFor' | 'entries'> & Partial<Pick<SourceListing, 'providers'>>): SourceListing {
    return { ...base, file: this.file, rejected: this.rejected, skipped: this.skipped, trimmed: this.trimmed, providers: base.providers ?? [] };
  }
}

/** Every field of a listing entry that a source may leave unstated, as "not stated". */
export function unstatedEntry(): Omit<ListingEntry, 'providerId' | 'providerModelId' | 'key' | 'index'> {
  return {
    providerName: null,
    endpointTag: null,
    keys: {},
    name: null,
    description: null,
    pricing: null,
    contextLength: null,
    maxOutputTokens: null,
    quantization: null,
    uptime: null,
    viaOpenRouter: false,
    releaseDate: null,
    knowledgeCutoff: null,
    openWeights: null,
    inputModalities: null,
    outputModalities: null,
  };
}

/** "2026-08-22" from a file name such as "litellm-2026-08-22.json"; the file's own date. */
export function dateInFileName(file: string): string {
  const match = /(\d{4}-\d{2}-\d{2})(?=\.json(\.gz)?$)/.exec(file);
  if (!match) throw new UnusableInputError(`${file}: the file name carries no YYYY-MM-DD date`);
  return match[1]!;
}

/** Checks a calendar date (rejects "2025-02-30" and "2025"). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(text)) return false;
  if (Number(text.slice(8)) <= 28) return true;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}
