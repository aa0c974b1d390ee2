/** Display names and variants of OpenRouter ids. */

/** Suffixes OpenRouter appends to an id to name a routing variant of the same model. */
export const KNOWN_VARIANTS = ['free', 'nitro', 'extended', 'thinking', 'beta', 'exacto', 'floor', 'online'] as const;

/** "Mistral: Mixtral 8x7B Instruct" → author label "Mistral", model name "Mixtral 8x7B Instruct". */
export function splitDisplayName(displayName: string, author: string): { authorLabel: string; modelName: string } {
  const colon = displayName.indexOf(': ');
  if (colon === -1) return { authorLabel: author, modelName: displayName.trim() };
  return { authorLabel: displayName.slice(0, colon).trim(), modelName: displayName.slice(colon + 2).trim() };
}

/** "mistralai/x:free" → { baseId: "mistralai/x", variant: "free" }; ids without a suffix have none. */
export function splitVariant(id: string): { baseId: string; variant: string | null } {
  const colon = id.lastIndexOf(':');
  if (colon === -1 || colon < id.indexOf('/')) return { baseId: id, variant: null };
  return { baseId: id.slice(0, colon), variant: id.slice(colon + 1) };
}

/** Unix seconds → "2023-12-28" (UTC, as OpenRouter's pages show it). */
export function unixToIsoDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
