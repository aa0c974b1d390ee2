/**
 * A response is stored only if it is complete, well-formed UTF-8 JSON of the expected shape.
 * Anything else is a failed fetch, and the last good copy stays in place.
 */
import { z } from 'astro/zod';
import { RawOpenRouterModel } from '../../src/lib/data/schema.ts';
import { SCHEMA_BY_KIND, type SourceKind } from './plan.ts';

export type Validation = { ok: true; value: unknown } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return `${where}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

export function validateResponseBody(kind: SourceKind, body: Uint8Array): Validation {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: false, reason: 'body is not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `body is not valid JSON (${(error as Error).message}; ${body.length} bytes)` };
  }
  const checked = SCHEMA_BY_KIND[kind].safeParse(value);
  if (!checked.success) return { ok: false, reason: `unexpected shape: ${describeIssues(checked.error)}` };

  if (kind === 'models') {
    // An empty or wholly unreadable list would make every model look retired: never store one.
    const entries = (checked.data as { data: unknown[] }).data;
    if (!entries.some((entry) => RawOpenRouterModel.safeParse(entry).success)) {
      return { ok: false, reason: `models list has no valid model entry (${entries.length} entries)` };
    }
  }
  return { ok: true, value: checked.data };
}

/**
 * How many models a listing names: OpenRouter's entries (any of the recorded envelopes: `{data}`, a
 * bare array, `{fetchedAt, count, data}`) or models.dev's provider-model entries. Null when the value
 * is not a listing at all.
 */
export function listingSize(kind: 'models' | 'models-dev', value: unknown): number | null {
  if (kind === 'models') {
    if (Array.isArray(value)) return value.length;
    const data = (value as { data?: unknown } | null)?.data;
    return Array.isArray(data) ? data.length : null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  let total = 0;
  for (const provider of Object.values(value)) {
    const models = (provider as { models?: unknown } | null)?.models;
    if (typeof models === 'object' && models !== null) total += Object.keys(models).length;
  }
  return total;
}

/**
 * A listing that lost more than half of the previous copy's models is far more likely a broken or
 * hijacked response than upstream retiring them all: storing it would retire hundreds of models.
 */
export function shrinkProblem(fetched: number, previous: { count: number; file: string } | null, allowShrink: boolean): string | null {
  if (allowShrink || previous === null || previous.count === 0 || fetched * 2 >= previous.count) return null;
  return (
    `listing shrank from ${previous.count} models (${previous.file}) to ${fetched}, losing more than half; ` +
    'refused and the last good copy kept (if upstream really dropped them, rerun with --allow-shrink)'
  );
}
