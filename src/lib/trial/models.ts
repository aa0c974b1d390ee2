/** The few facts about a model that the live trial needs: small enough to pass as island props. */
import type { Model, Pricing } from '../data/schema.ts';
import { readList, uniqueItems, writeQuery } from '../format/url-state.ts';

/** `created` orders equally good search matches (newest first) in the playground's model box. */
export type TrialModel = Pick<Model, 'id' | 'displayName' | 'contextLength' | 'created'> & {
  /** null for a model id the catalog does not know (e.g. one served by a local server). */
  pricing: Pricing | null;
};

export function toTrialModel(model: Model): TrialModel {
  return { id: model.id, displayName: model.displayName, pricing: model.pricing, contextLength: model.contextLength, created: model.created };
}

/** At most this many models side by side in the playground. */
export const PLAYGROUND_MAX_MODELS = 4;

/**
 * `?models=a,b` → ["a", "b"]: trimmed, de-duplicated, at most four. Repeated `models=` parameters are
 * read too, like every list parameter of the site.
 */
export function modelsFromQuery(search: string): string[] {
  return uniqueItems(readList(new URLSearchParams(search), ['models'])).unique.slice(0, PLAYGROUND_MAX_MODELS);
}

/** The playground's query for these models, other parameters of `search` kept: `models=a/b,c/d`, left out when none. */
export function playgroundQuery(search: string, ids: readonly string[]): string {
  const others = [...new URLSearchParams(search)].filter(([name]) => name !== 'models');
  return writeQuery([...others, ['models', ids]]);
}

/** Reads the playground's model list JSON, keeping entries with the fields the trial needs. */
export function readTrialModels(json: unknown): TrialModel[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (m): m is TrialModel =>
      typeof m === 'object' && m !== null && typeof m.id === 'string' && typeof m.displayName === 'string' && typeof m.pricing === 'object',
  );
}
