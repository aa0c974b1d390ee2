/** /api/value.json: the compact models /value/'s island recomputes its answer from (see ValueData). */
import type { APIRoute } from 'astro';
import { loadValueData } from '../../lib/data-files/value-models.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(loadValueData()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
