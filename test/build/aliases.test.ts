/** A model known under several ids answers at each: a redirect page per alias and the same JSON record. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, fileForUrlPath, loadPage } from '../support/site.ts';
import { toSlug } from '../../src/lib/format/slug.ts';
import type { Model } from '../../src/lib/data/schema.ts';

const models = (JSON.parse(readFileSync(path.resolve(process.env.ATLAS_DATA_DIR ?? 'data', 'models.json'), 'utf8')) as { models: Model[] }).models;

describe('alias ids', () => {
  it('redirect to the model\'s card (refresh, canonical and a plain link) and serve its JSON at their own slug', () => {
    const pageSlugs = new Set(models.map((m) => m.slug));
    const taken = new Set<string>();
    let checked = 0;
    for (const model of models) {
      for (const alias of model.aliases ?? []) {
        const slug = toSlug(alias);
        if (pageSlugs.has(slug) || taken.has(slug)) continue;
        taken.add(slug);
        const target = `/models/${model.slug}/`;
        const $ = loadPage(`/models/${slug}/`);
        expect($('meta[http-equiv="refresh"]').attr('content'), alias).toBe(`0; url=${target}`);
        expect(new URL($('link[rel="canonical"]').attr('href') ?? '').pathname, alias).toBe(target);
        expect($('a[data-alias-target]').attr('href'), alias).toBe(target);
        const file = fileForUrlPath(distDir(), `/api/models/${slug}.json`);
        expect(existsSync(file), alias).toBe(true);
        expect(JSON.parse(readFileSync(file, 'utf8')).model.id, alias).toBe(model.id);
        checked += 1;
      }
    }
    // Some alias must have been checked whenever the data has aliases that are not pages themselves.
    const expectedSome = models.some((m) => (m.aliases ?? []).some((a) => !pageSlugs.has(toSlug(a))));
    expect(checked > 0).toBe(expectedSome);
  }, 240_000);
});
