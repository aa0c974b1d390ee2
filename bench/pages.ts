/** The pages the benchmark looks at, resolved against a catalog: which card, which models to compare. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../src/lib/data/schema.ts';
import { modelPath } from '../src/lib/format/slug.ts';
import { fileForUrlPath } from '../test/support/site.ts';

export const PAGE_KINDS = ['catalog', 'card', 'calculator', 'compare', 'playground', 'provider', 'value'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

// A well-known open-weights model with architecture figures, tags and variants: a typical, full card.
const CARD_PREFERENCE = ['mistralai/mixtral-8x7b-instruct', 'meta-llama/llama-3.1-70b-instruct', 'qwen/qwen3-30b-a3b'];
const COMPARE_PREFERENCE = ['mistralai/mixtral-8x7b-instruct', 'meta-llama/llama-3.1-70b-instruct', 'anthropic/claude-3.7-sonnet'];

export interface BenchPage {
  kind: PageKind;
  urlPath: string;
  /** Whether the built site has the page at all (other pages may still be under construction). */
  exists: boolean;
}

export function readCatalog(dataDir: string): Catalog {
  return JSON.parse(readFileSync(path.join(dataDir, 'models.json'), 'utf8')) as Catalog;
}

export function benchPages(distDir: string, dataDir: string): BenchPage[] {
  const catalog = readCatalog(dataDir);
  const listed = catalog.models.filter((m) => m.listed);
  const byId = new Map(listed.map((m) => [m.id, m]));
  const card = CARD_PREFERENCE.map((id) => byId.get(id)).find((m) => m !== undefined) ?? listed[0]!;
  const compareIds = [...COMPARE_PREFERENCE.filter((id) => byId.has(id)), ...listed.map((m) => m.id)].filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
  const pages: Omit<BenchPage, 'exists'>[] = [
    { kind: 'catalog', urlPath: '/' },
    { kind: 'card', urlPath: modelPath(card.slug) },
    { kind: 'calculator', urlPath: '/calculator/' },
    { kind: 'compare', urlPath: `/compare/?models=${compareIds.map(encodeURIComponent).join(',')}` },
    { kind: 'playground', urlPath: '/playground/' },
    // Mistral's page: the seller of the seed card's first-party offer.
    { kind: 'provider', urlPath: '/providers/mistral/' },
    { kind: 'value', urlPath: '/value/' },
  ];
  return pages.map((p) => ({ ...p, exists: existsSync(fileForUrlPath(distDir, p.urlPath)) }));
}
