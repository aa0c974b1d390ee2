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
  /** What the file read to in an earlier run, where the caller kept it (same bytes, same code). */
  known?: FileReading;
  /** Called with what the file read to, when it was read here (not `known`). */
  keep?: (reading: FileReading) => void;
}

/** What one source file reads to, as one value: plain JSON data, so a caller may keep it between runs. */
export type FileReading =
  | { openRouterModels: OpenRouterModelsFile }
  | { listing: SourceListing }
  | { openRouterProviders: OpenRouterProvidersFile }
  | { artificialAnalysis: ArtificialAnalysisListing };

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

/** What one run's readers carry from a file to the next of the same source. */
interface Repeats {
  modelsDev: RepeatedEntries;
  liteLlm: RepeatedEntries;
}

interface Route {
  pattern: RegExp;
  read: (repeats: Repeats, file: string, date: string, body: unknown) => FileReading;
}

const DATE = '(\\d{4}-\\d{2}-\\d{2})';

/** The raw layout: one pattern per kind of file; the captured group is the file's date. */
const ROUTES: Route[] = [
  { pattern: new RegExp(`^openrouter/openrouter-models-${DATE}\\.json$`), read: (_, file, date, body) => ({ openRouterModels: readOpenRouterModelsFile(file, date, body) }) },
  { pattern: new RegExp(`^models-dev/models-dev-api-${DATE}\\.json(\\.gz)?$`), read: ({ modelsDev }, file, date, body) => ({ listing: readModelsDevFile(file, date, body, modelsDev) }) },
  { pattern: new RegExp(`^litellm/litellm-${DATE}\\.json$`), read: ({ liteLlm }, file, date, body) => ({ listing: readLiteLlmFile(file, date, body, liteLlm) }) },
  // Written by `npm run data:fetch`: one raw endpoints body per model, in a folder per fetch date.
  { pattern: new RegExp(`^openrouter/endpoints/${DATE}/[^/]+\\.json$`), read: (_, file, date, body) => ({ listing: readOpenRouterEndpointsFile(file, date, body) }) },
  { pattern: new RegExp(`^openrouter-endpoints/[a-z-]+-${DATE}\\.json$`), read: (_, file, date, body) => ({ listing: readOpenRouterEndpointsFile(file, date, body) }) },
  { pattern: new RegExp(`^openrouter/providers-${DATE}\\.json$`), read: (_, file, date, body) => ({ openRouterProviders: readOpenRouterProvidersFile(file, date, body) }) },
  { pattern: new RegExp(`^genai-prices/genai-prices-v2-${DATE}\\.json$`), read: (_, file, date, body) => ({ listing: readGenaiPricesFile(file, date, body) }) },
  { pattern: new RegExp(`^artificial-analysis/aa-llms-models-${DATE}\\.json$`), read: (_, file, date, body) => ({ artificialAnalysis: readArtificialAnalysisFile(file, date, body) }) },
];

/** Files a route reads; `isSourceFile` lets the CLI tell these from files it must not ignore silently. */
export function routeOf(file: string): { route: Route; date: string } | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(file);
    if (match) return { route, date: match[1]! };
  }
  return null;
}

function addReading(readings: SourceReadings, reading: FileReading): void {
  if ('openRouterModels' in reading) {
    readings.openRouterModels.push(reading.openRouterModels);
    readings.listings.push(reading.openRouterModels.listing);
  } else if ('listing' in reading) readings.listings.push(reading.listing);
  else if ('openRouterProviders' in reading) readings.openRouterProviders.push(reading.openRouterProviders);
  else readings.artificialAnalysis.push(reading.artificialAnalysis);
}

export function readSources(files: RawFile[]): SourceReadings {
  const readings: SourceReadings = { openRouterModels: [], listings: [], openRouterProviders: [], artificialAnalysis: [] };
  const repeats: Repeats = { modelsDev: new RepeatedEntries(), liteLlm: new RepeatedEntries() };
  for (const { file, load, known, keep } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const routed = routeOf(file);
    if (!routed) throw new UnusableInputError(`${file}: no reader for this file; raw files must follow the layout in the README`);
    let reading = known;
    if (!reading) {
      reading = routed.route.read(repeats, file, routed.date, load());
      keep?.(reading);
    }
    addReading(readings, reading);
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
