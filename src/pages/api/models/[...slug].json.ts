/**
 * One model per file, /api/models/<author>/<slug>.json, with every offer of it; an id the model is also
 * known under (Model.aliases) serves the same record at its own slug. Described by /api/schema/model.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog, modelById, offersOf } from '../../../lib/data-files/catalog.ts';
import { modelPath } from '../../../lib/format/slug.ts';
import { aliasPaths } from '../../../lib/card/alias-paths.ts';
import { jsonResponse, type ApiModelFile } from '../../../lib/api/api-schema.ts';

export const getStaticPaths = (() => {
  const models = loadCatalog().models;
  return [
    ...models.map((m) => ({ params: { slug: m.slug }, props: { id: m.id } })),
    ...aliasPaths(models).map((alias) => ({ params: { slug: alias.slug }, props: { id: alias.target.id } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const model = modelById(String(props.id));
  if (!model) throw new Error(`api/models: no model with id ${String(props.id)} in the catalog`);
  const body: ApiModelFile = { asOf: loadCatalog().asOf, model: { ...model, url: modelPath(model.slug) }, offers: offersOf(model.id) };
  return jsonResponse(body, 2);
};
