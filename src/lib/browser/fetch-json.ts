/**
 * Fetches a JSON file of the site and checks it against a schema before an island uses it, so a
 * stale, truncated or hand-edited file gives a message a person can act on instead of a blank island.
 *
 * The schema is any zod schema (anything with zod's `safeParse`). In browser code prefer `zod/mini`
 * schemas: the classic `astro/zod` build adds about 90 KB gzip to an island, zod/mini about 5 KB.
 */

/** The part of zod's `safeParse` contract this module needs; zod and zod/mini schemas both fit. */
export interface JsonSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** zod's issue, as far as messages go; zod/mini ships no message texts, so `expected` says what was wanted. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
}

export type FetchJsonFailure = 'network' | 'http' | 'not-json' | 'invalid';

/** Why a JSON file could not be used; `message` names the URL and, for invalid data, the field. */
export class FetchJsonError extends Error {
  override readonly name = 'FetchJsonError';
  readonly kind: FetchJsonFailure;
  readonly url: string;
  /** The HTTP status for `http` failures, else null. */
  readonly status: number | null;
  constructor(kind: FetchJsonFailure, url: string, detail: string, status: number | null = null) {
    super(`${url}: ${detail}`);
    this.kind = kind;
    this.url = url;
    this.status = status;
  }
}

/** "models.3.pricing.input" for zod's path ["models", 3, "pricing", "input"]; "(top level)" for []. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

function problem(issue: SchemaIssue): string {
  return issue.message === 'Invalid input' && typeof issue.expected === 'string' ? `expected ${issue.expected}` : issue.message;
}

/** The first few issues as "field: problem"; more than three are counted, not listed. */
export function describeIssues(issues: readonly SchemaIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issuePath(issue.path)}: ${problem(issue)}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Parses already-read JSON text against a schema, with the same errors as fetchJson. */
export function parseJsonText<T>(url: string, text: string, schema: JsonSchema<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FetchJsonError('not-json', url, `is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new FetchJsonError('invalid', url, `unexpected data: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** GET a JSON file and return it parsed by `schema`; rejects with a FetchJsonError. */
export async function fetchJson<T>(url: string, schema: JsonSchema<T>, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new FetchJsonError('network', url, `could not be fetched (${error instanceof Error ? error.message : String(error)}); check the connection`);
  }
  if (!response.ok) throw new FetchJsonError('http', url, `the server answered HTTP ${response.status}`, response.status);
  return parseJsonText(url, await response.text(), schema);
}
