/**
 * The shapes of the static JSON API, built from the one zod schema (src/lib/data/schema.ts) so that
 * the files, their published JSON Schema (/api/schema/*.json, from zod 4's z.toJSONSchema) and the
 * documentation on /api/ cannot drift apart.
 */
import { z } from 'astro/zod';
import { Catalog, IsoDate, Model, Offer, OfferCatalog } from '../data/schema.ts';

/** A model as the API publishes it: the normalized record plus the path of its page. */
export const ApiModel = Model.extend({ url: z.string().describe('Path of the model card on this site, e.g. /models/mistralai/mixtral-8x7b-instruct/') });

/** /api/models.json */
export const ApiCatalog = Catalog.pick({ asOf: true, counts: true, generatedFrom: true }).extend({ models: z.array(ApiModel) });
export type ApiCatalog = z.infer<typeof ApiCatalog>;

/** /api/models/<author>/<slug>.json: one model and every offer of it. */
export const ApiModelFile = z.strictObject({ asOf: IsoDate, model: ApiModel, offers: z.array(Offer) });
export type ApiModelFile = z.infer<typeof ApiModelFile>;

/** Each published schema: its file name under /api/schema/, what it describes, and the zod schema. */
export const API_SCHEMAS = {
  catalog: { describes: '/api/models.json', schema: ApiCatalog },
  model: { describes: '/api/models/<author>/<slug>.json', schema: ApiModelFile },
  offers: { describes: '/api/offers.json', schema: OfferCatalog },
} as const;
export type ApiSchemaName = keyof typeof API_SCHEMAS;

export function apiJsonSchema(name: ApiSchemaName, siteUrl: URL | undefined): Record<string, unknown> {
  const { schema, describes } = API_SCHEMAS[name];
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: new URL(`/api/schema/${name}.json`, siteUrl ?? 'https://model-atlas.example.org').href,
    title: `Model Atlas ${describes}`,
  };
}

export const jsonResponse = (body: unknown, indent?: number) =>
  new Response(JSON.stringify(body, null, indent), { headers: { 'content-type': 'application/json; charset=utf-8' } });
