/**
 * /api/pricing.json: what the cost calculator fetches, every model's few ranking facts and every
 * offer's prices and limits (src/lib/calculator/pricing-payload.ts), so the page's HTML carries none.
 */
import type { APIRoute } from 'astro';
import { loadCatalog, loadOfferCatalog } from '../../lib/data-files/catalog.ts';
import { toPricingWire } from '../../lib/calculator/pricing-payload.ts';

export const GET: APIRoute = () => {
  const { asOf, models } = loadCatalog();
  const body = toPricingWire(asOf, models, loadOfferCatalog());
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
