/**
 * One compact model per file, /api/compare/<author>/<slug>.json: what the compare page fetches for
 * each model in its URL, so a comparison downloads only the models it shows. See compare-model.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadCatalog, modelById, offersOf, providerById } from '../../../lib/data-files/catalog.ts';
import { toCompareModel } from '../../../lib/compare/compare-model.ts';
import type { CompareModelFile } from '../../../lib/compare/compare-payload.ts';

export const getStaticPaths = (() => loadCatalog().models.map((m) => ({ params: { slug: m.slug }, props: { id: m.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const model = modelById(String(props.id));
  if (!model) throw new Error(`api/compare: no model with id ${String(props.id)} in the catalog`);
  const body: CompareModelFile = { asOf: loadCatalog().asOf, model: toCompareModel(model, offersOf(model.id), providerById) };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
