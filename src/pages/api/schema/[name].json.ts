/** /api/schema/<name>.json: JSON Schema generated from the zod schemas the API files are built with. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { API_SCHEMAS, apiJsonSchema, jsonResponse, type ApiSchemaName } from '../../../lib/api/api-schema.ts';

export const getStaticPaths = (() => Object.keys(API_SCHEMAS).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => jsonResponse(apiJsonSchema(params.name as ApiSchemaName, site), 2);
