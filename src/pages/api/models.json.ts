/**
 * The whole normalized catalog as one static file: the same records as data/models.json, plus each
 * model's page path. Documented on /api/ and described by /api/schema/catalog.json.
 */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { modelPath } from '../../lib/format/slug.ts';
import { jsonResponse, type ApiCatalog } from '../../lib/api/api-schema.ts';

export const GET: APIRoute = () => {
  const { asOf, counts, generatedFrom, models } = loadCatalog();
  const body: ApiCatalog = { asOf, counts, generatedFrom, models: models.map((m) => ({ ...m, url: modelPath(m.slug) })) };
  return jsonResponse(body);
};
