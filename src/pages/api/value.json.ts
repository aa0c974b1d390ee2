/** /api/value.json: the compact models /value/'s island recomputes its answer from (see ValueData). */
import type { APIRoute } from 'astro';
import { loadValueData } from '../../lib/data-files/value-models.ts';
import { jsonResponse } from '../../lib/api/api-schema.ts';

export const GET: APIRoute = () =>
  jsonResponse(loadValueData());
