/** One normalized model record per file: /api/models/<author>/<slug>.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog, modelById } from '../../../lib/data-files/catalog.ts';
import { modelPath } from '../../../lib/format/slug.ts';

export const getStaticPaths = (() => loadCatalog().models.map((m) => ({ params: { slug: m.slug }, props: { id: m.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const model = modelById(String(props.id));
  if (!model) throw new Error(`api/models: no model with id ${String(props.id)} in the catalog`);
  const body = { asOf: loadCatalog().asOf, model: { ...model, url: modelPath(model.slug) } };
  return new Response(JSON.stringify(body, null, 2), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
