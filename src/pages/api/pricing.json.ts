/**
 * /api/pricing.json: the compact catalog the cost calculator fetches (prices, limits, modalities and
 * tokenizer of every model, listed and retired), so the page's HTML carries none of it.
 */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { toPricedModel } from '../../lib/pricing/workload.ts';

export const GET: APIRoute = () => {
  const { asOf, models } = loadCatalog();
  const body = { asOf, models: models.map(toPricedModel) };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
