/** The playground's model picker list: id, name, pricing and context of every listed model. */
import type { APIRoute } from 'astro';
import { loadCatalog } from '../../lib/data-files/catalog.ts';
import { toTrialModel } from '../../lib/trial/models.ts';

export const GET: APIRoute = () => {
  const models = loadCatalog()
    .models.filter((m) => m.listed)
    .map(toTrialModel)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
  return new Response(JSON.stringify(models), { headers: { 'Content-Type': 'application/json' } });
};
