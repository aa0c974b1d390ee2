/** What the compare page's model picker searches (id, name, listed, dates); fetched when someone uses the picker. */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { toPickerEntry } from '../../lib/compare/compare-model.ts';

export const GET: APIRoute = () => {
  const catalog = loadCatalog();
  return new Response(JSON.stringify({ asOf: catalog.asOf, models: catalog.models.map(toPickerEntry) }), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
