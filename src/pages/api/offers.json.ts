/** /api/offers.json: every offer of every model and every provider, as in data/offers.json. */
import type { APIRoute } from 'astro';
import { loadOfferCatalog } from '../../lib/data-files/catalog.ts';
import { jsonResponse } from '../../lib/api/api-schema.ts';

export const GET: APIRoute = () => jsonResponse(loadOfferCatalog());
