/**
 * OpenRouter `GET /api/v1/providers`: `{data: [{name, slug, privacy_policy_url, …}]}`. The slug is what
 * endpoint tags start with, so it names the providers of the endpoints listings.
 */
import { RawOpenRouterProviders } from './openrouter-schemas.ts';
import type { ListedProvider } from './listing.ts';
import { UnusableInputError, firstIssue } from './source-file.ts';

export interface OpenRouterProvidersFile {
  file: string;
  date: string;
  providers: ListedProvider[];
}

export function readOpenRouterProvidersFile(file: string, date: string, body: unknown): OpenRouterProvidersFile {
  const parsed = RawOpenRouterProviders.safeParse(body);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw new UnusableInputError(`${file}: expected OpenRouter's {"data": [{"name", "slug"}]} providers list: ${field} ${message}`);
  }
  const providers = parsed.data.data
    .map((p) => ({ id: p.slug, name: p.name, apiBaseUrl: null, docUrl: null }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { file, date, providers };
}
