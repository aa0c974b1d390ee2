/**
 * Other ids a model is known under (Model.aliases: older OpenRouter ids, other sources' pages merged
 * in) keep answering: each gets a small redirect page at its own slug. A slug that is some model's own
 * page, or that an earlier alias already took, stays with that page.
 */
import type { Model } from '../data/schema.ts';
import { toSlug } from '../format/slug.ts';

export interface AliasPath {
  /** The alias's slug, below /models/ and /api/models/. */
  slug: string;
  alias: string;
  /** The model it now answers as. */
  target: Pick<Model, 'id' | 'slug' | 'displayName'>;
}

export function aliasPaths(models: readonly Model[]): AliasPath[] {
  const taken = new Set(models.map((m) => m.slug));
  const paths: AliasPath[] = [];
  for (const model of models) {
    for (const alias of model.aliases) {
      const slug = toSlug(alias);
      if (slug === '' || taken.has(slug)) continue;
      taken.add(slug);
      paths.push({ slug, alias, target: { id: model.id, slug: model.slug, displayName: model.displayName } });
    }
  }
  return paths;
}
