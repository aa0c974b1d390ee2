/**
 * URL slugs for model ids. Ids contain "/", ":" (variants such as ":free") and a leading "~" on
 * OpenRouter's moving aliases ("~anthropic/claude-sonnet-latest"), so every URL goes through here.
 */
export function toSlug(id: string): string {
  const isAlias = id.startsWith('~');
  // "@provider/…": a model only a seller's own id names (src/lib/data/identity-own.ts); the "@" stays,
  // so its URL can never be an OpenRouter model's.
  const isSellerScoped = id.startsWith('@');
  const base = (isAlias || isSellerScoped ? id.slice(1) : id)
    .toLowerCase()
    .replace(/:/g, '--')
    .replace(/[^a-z0-9._/-]+/g, '-')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '');
  return isAlias ? `${base}--alias` : isSellerScoped ? `@${base}` : base;
}

/** The author part of an id: "mistralai" for "mistralai/mixtral-8x7b-instruct" and for "~mistralai/x". */
export function authorOf(id: string): string {
  const withoutAlias = id.startsWith('~') ? id.slice(1) : id;
  const slash = withoutAlias.indexOf('/');
  return slash === -1 ? withoutAlias : withoutAlias.slice(0, slash);
}

export function modelPath(slug: string): string {
  return `/models/${slug}/`;
}

export function authorPath(author: string): string {
  return `/authors/${toSlug(author)}/`;
}

/** A provider's page. Provider ids come from upstream, so they go through toSlug() like model ids. */
export function providerPath(providerId: string): string {
  return `/providers/${toSlug(providerId)}/`;
}

/** The JSON record of one model. */
export function modelApiPath(slug: string): string {
  return `/api/models/${slug}.json`;
}
