/**
 * Every raw file → its reader, by where it sits in data/raw. No I/O here: scripts/normalize.ts passes
 * each file with a loader (gzip included); this decides what each one is and reads it.
 */
import type { SourceListing } from './listing.ts';
import { readOpenRouterModelsFile, type OpenRouterModelsFile } from './openrouter-models.ts';
import { readModelsDevFile } from './models-dev.ts';
import { readLiteLlmFile } from './litellm.ts';
import { readOpenRouterEndpointsFile } from './openrouter-endpoints.ts';
import { readOpenRouterProvidersFile, type OpenRouterProvidersFile } from './openrouter-providers.ts';
import { readGenaiPricesFile } from './genai-prices.ts';
import { readArtificialAnalysisFile, type ArtificialAnalysisListing } from './artificial-analysis.ts';
import { UnusableInputError } from './source-file.ts';
import { RepeatedEntries } from './repeated-entries.ts';

export interface RawFile {
  /** Path relative to the raw folder, with "/" separators. */
  file: string;
  /**
   * Parses the file when its reader runs, so that each body can be dropped as soon as it is read
   * instead of all 40 MB of parsed JSON being held at once.
   */
  load: () => unknown;
}

export interface SourceReadings {
  /** OpenRouter models snapshots, oldest first (their listings are also in `listings`). */
  openRouterModels: OpenRouterModelsFile[];
  /** Every offer listing of every source and date, sorted by date, then source, then file. */
  listings: SourceListing[];
  /** OpenRouter's provider lists (slug → name), oldest first. */
  openRouterProviders: OpenRouterProvidersFile[];
  /** Artificial Analysis figures per model, oldest first. */
  artificialAnalysis: ArtificialAnalysisListing[];
}

type Reader = (file: string, date: string, body: unknown) => void;

/** What one run's readers carry from a file to the next of the same source. */
interface ReadingState {
  readings: SourceReadings;
  modelsDev: RepeatedEntries;
  liteLlm: RepeatedEntries;
}

interface Route {
  pattern: RegExp;
  read: (state: ReadingState) => Reader;
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';

/** The raw layout: one pattern per kind of file; the captured group is the file's date. */
const ROUTES: Route[] = [
  {
    pattern: new RegExp(`^openrouter/openrouter-models-${DATE}\\.json$`),
    read: ({ readings: r }) => (file, date, body) => {
      const models = readOpenRouterModelsFile(file, date, body);
      r.openRouterModels.push(models);
      r.listings.push(models.listing);
    },
  },
  { pattern: new RegExp(`^models-dev/models-dev-api-${DATE}\\.json(\\.gz)?$`), read: ({ readings: r, modelsDev }) => (file, date, body) => r.listings.push(readModelsDevFile(file, date, body, modelsDev)) },
  { pattern: new RegExp(`^litellm/litellm-${DATE}\\.json$`), read: ({ readings: r, liteLlm }) => (file, date, body) => r.listings.push(readLiteLlmFile(file, date, body, liteLlm)) },
  // Written by `npm run data:fetch`: one raw endpoints body per model, in a folder per fetch date.
  { pattern: new RegExp(`^openrouter/endpoints/${DATE}/[^/]+\\.json$`), read: ({ readings: r }) => (file, date, body) => r.listings.push(readOpenRouterEndpointsFile(file, date, body)) },
  { pattern: new RegExp(`^openrouter-endpoints/[a-z-]+-${DATE}\\.json$`), read: ({ readings: r }) => (file, date, body) => r.listings.push(readOpenRouterEndpointsFile(file, date, body)) },
  { pattern: new RegExp(`^openrouter/providers-${DATE}\\.json$`), read: ({ readings: r }) => (file, date, body) => r.openRouterProviders.push(readOpenRouterProvidersFile(file, date, body)) },
  { pattern: new RegExp(`^genai-prices/genai-prices-v2-${DATE}\\.json$`), read: ({ readings: r }) => (file, date, body) => r.listings.push(readGenaiPricesFile(file, date, body)) },
  {
    pattern: new RegExp(`^artificial-analysis/aa-llms-models-${DATE}\\.json$`),
    read: ({ readings: r }) => (file, date, body) => r.artificialAnalysis.push(readArtificialAnalysisFile(file, date, body)),
  },
];

/** Files a route reads; `isSourceFile` lets the CLI tell these from files it must not ignore silently. */
export function routeOf(file: string): { route: Route; date: string } | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(file);
    if (match) return { route, date: match[1]! };
  }
  return null;
}

export function readSources(files: RawFile[]): SourceReadings {
  const readings: SourceReadings = { openRouterModels: [], listings: [], openRouterProviders: [], artificialAnalysis: [] };
  const state: ReadingState = { readings, modelsDev: new RepeatedEntries(), liteLlm: new RepeatedEntries() };
  for (const { file, load } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const routed = routeOf(file);
    if (!routed) throw new UnusableInputError(`${file}: no reader for this file; raw files must follow the layout in the README`);
    routed.route.read(state)(file, routed.date, load());
  }
  const sameDate = new Map<string, string>();
  for (const listing of readings.listings) {
    const slot = `${listing.source} ${listing.date} ${listing.completeFor.length > 0 ? 'full' : listing.file}`;
    const other = sameDate.get(slot);
    if (other) throw new UnusableInputError(`${listing.file} and ${other} are two full ${listing.source} listings of the same date; keep one`);
    sameDate.set(slot, listing.file);
  }
  readings.openRouterModels.sort((a, b) => a.date.localeCompare(b.date));
  readings.openRouterProviders.sort((a, b) => a.date.localeCompare(b.date));
  readings.artificialAnalysis.sort((a, b) => a.date.localeCompare(b.date));
  readings.listings.sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source) || a.file.localeCompare(b.file));
  return readings;
}
