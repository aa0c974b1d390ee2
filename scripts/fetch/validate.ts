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
