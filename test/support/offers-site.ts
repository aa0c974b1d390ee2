/**
 * A built site that has offers, with the data folder it was built from, for tests of the providers
 * table, the provider pages and /value/. That is the suite's own build when its data folder has an
 * offers.json (the real catalog once offers are normalized, or ATLAS_DATA_DIR=test/fixtures/site-data),
 * otherwise a build of the site fixture made here. Expected values are read from that folder's raw
 * JSON by the tests, never through the site's own readers or formatters.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import { distDir } from './site.ts';
import type { Model, Offer, OfferCatalog } from '../../src/lib/data/schema.ts';

export interface OffersSite {
  dist: string;
  dataDir: string;
  models: Model[];
  offers: OfferCatalog;
  close(): void;
}

export const FIXTURE_DATA = path.resolve('test/fixtures/site-data');

export async function siteWithOffers(): Promise<OffersSite> {
  const suiteData = path.resolve(process.env.ATLAS_DATA_DIR ?? 'data');
  if (existsSync(path.join(suiteData, 'offers.json'))) return { dist: distDir(), dataDir: suiteData, ...read(suiteData), close: () => {} };
  const { dist, close } = await buildSiteFrom(FIXTURE_DATA);
  return { dist, dataDir: FIXTURE_DATA, ...read(FIXTURE_DATA), close };
}

/**
 * Builds the site from another data folder into a fresh folder under .tmp/ (about 20 s for the
 * fixture). Inside the project: Astro keeps intermediate files next to an out dir under cwd, not in a
 * shared .astro/.
 */
export async function buildSiteFrom(dataDir: string): Promise<{ dist: string; close(): void }> {
  mkdirSync(path.resolve('.tmp'), { recursive: true });
  const dist = mkdtempSync(path.resolve('.tmp', 'offers-dist-'));
  const previous = process.env.ATLAS_DATA_DIR;
  process.env.ATLAS_DATA_DIR = dataDir;
  try {
    await build({ root: process.cwd(), outDir: dist, logLevel: 'error' });
  } finally {
    if (previous === undefined) delete process.env.ATLAS_DATA_DIR;
    else process.env.ATLAS_DATA_DIR = previous;
  }
  return { dist, close: () => rmSync(dist, { recursive: true, force: true }) };
}

/** The raw files as JSON, not through the site's zod readers. */
function read(dir: string): { models: Model[]; offers: OfferCatalog } {
  const models = (JSON.parse(readFileSync(path.join(dir, 'models.json'), 'utf8')) as { models: Model[] }).models;
  const offers = JSON.parse(readFileSync(path.join(dir, 'offers.json'), 'utf8')) as OfferCatalog;
  return { models, offers };
}

/** Source names as the issue and the sources themselves write them. */
export const SOURCE_NAMES_IN_WORDS: Record<string, string> = {
  openrouter: 'OpenRouter',
  'openrouter-endpoints': 'OpenRouter endpoints',
  'models.dev': 'models.dev',
  litellm: 'LiteLLM',
  'genai-prices': 'genai-prices',
  'artificial-analysis': 'Artificial Analysis',
};

export const isPlainDecimal = (value: string | undefined): value is string => value !== undefined && /^\d+(\.\d+)?$/.test(value);

/** The chat turn every card prices: 1,000 input and 500 output tokens (the calculator's "Chat turn" preset). */
export const CHAT_TURN = { promptTokens: 1000, completionTokens: 500 } as const;

export type { Offer };
export { expectedPerMillion } from './expected-text.ts';
