/**
 * The whole normalized catalog as one static file: the same records as data/models.json, plus each
 * model's page path. Documented in the README ("API").
 */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { modelPath } from '../../lib/format/slug.ts';

export const GET: APIRoute = () => {
  const { asOf, counts, generatedFrom, models } = loadCatalog();
  const body = { asOf, counts, generatedFrom, models: models.map((m) => ({ ...m, url: modelPath(m.slug) })) };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
