/** Every catalog row (listed and retired) for the catalog island: fetched on first use, never on first load. */
import type { APIRoute } from 'astro';
import { rowsToJson } from '../../lib/catalog/catalog-row.ts';
import { catalogRows } from '../../lib/data-files/catalog-rows.ts';
import { loadCatalog, loadOfferCatalog } from '../../lib/data-files/catalog.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(rowsToJson(loadCatalog().asOf, catalogRows(), loadOfferCatalog().providers)), {
    headers: { 'content-type': 'application/json' },
  });
