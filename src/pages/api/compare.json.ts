/**
 * The compact catalog the compare island fetches: every model without description, notes, sources
 * and provider rows, architecture figures as bare values. See CompareModel in src/lib/compare/compare.ts.
 */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { toCompareModel, type CompareData } from '../../lib/compare/compare.ts';

export const GET: APIRoute = () => {
  const catalog = loadCatalog();
  const data: CompareData = { asOf: catalog.asOf, models: catalog.models.map(toCompareModel) };
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
