/**
 * Upstream writes "-1" for prices that depend on the routed model (e.g. openrouter/auto); the catalog
 * calls that state "variable". Kept apart from schema.ts so browser islands can use it without zod.
 */
export const VARIABLE_PRICE = 'variable' as const;
