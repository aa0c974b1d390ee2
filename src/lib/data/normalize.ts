/**
 * Raw upstream files → the normalized catalog (models.json) and its offers (offers.json). Pure: the
 * caller (scripts/normalize.ts) reads the files and writes the results; everything here is
 * deterministic for the same inputs.
 *
 * The stages, each in its own module:
 * - normalize-snapshots: OpenRouter models snapshots → one record per model per snapshot;
 * - normalize-models: records → the catalog's models (OpenRouter ids), architecture, variants;
 * - normalize-offers: every source listing → identity (identity*.ts) → offers (offers.ts),
 *   providers, models of their own for what matches nothing, and what listings add to models;
 * - normalize-history: price history and what each snapshot changed.
 *
 * One malformed entry is reported (file, index, id, field) and left out; an input unusable as a whole
 * throws UnusableInputError and nothing is written.
 */
import type { Catalog, Model, OfferCatalog, Provenance, Rejection, SnapshotChanges } from './schema.ts';
import type { SourceListing } from './sources/listing.ts';
import type { ArtificialAnalysisListing } from './sources/artificial-analysis.ts';
import { readEndpoints, readSnapshot, UnusableInputError, type RawSnapshot, type SnapshotRecord } from './normalize-snapshots.ts';
import { linkVariants, modelFromAppearances, parseNotes, withUsableSlugs } from './normalize-models.ts';
import { snapshotChanges } from './normalize-history.ts';
import { offerStage, openRouterListing, type MatchFigures, type ProviderInfo } from './normalize-offers.ts';
import { CuratedAliasesFile } from './identity.ts';
import type { PlacedEntry } from './offers.ts';

export { UnusableInputError, type RawSnapshot };

export interface RawInputs {
  snapshots: RawSnapshot[];
  /** Endpoints responses of the newest endpoints folder, keyed by file path. */
  endpoints: { file: string; body: unknown }[];
  /** Hugging Face config.json files keyed by file name (e.g. "mistralai__Mixtral-8x7B-v0.1.config.json"). */
  huggingFaceConfigs: Record<string, unknown>;
  notes: unknown;
  provenance: Provenance;
  /** Every other source's listings (models.dev, LiteLLM, genai-prices, endpoints, AA), from src/lib/data/sources. */
  listings?: SourceListing[];
  /** data/raw/curated/aliases.json. */
  aliases?: unknown;
  /** models.dev provider records. */
  providerInfo?: ProviderInfo[];
  /** OpenRouter's providers list (GET /api/v1/providers): display name and slug. */
  openRouterProviders?: { name: string; slug: string }[];
  /** Artificial Analysis figures per model, from src/lib/data/sources/artificial-analysis.ts. */
  artificialAnalysis?: ArtificialAnalysisListing[];
}

export interface NormalizeReport {
  matchFigures: MatchFigures[];
  unmatched: string[];
  priceless: { providerId: string; modelId: string; keys: string[] }[];
}

export interface NormalizeResult {
  catalog: Catalog;
  offers: OfferCatalog;
  history: SnapshotChanges[];
  report: NormalizeReport;
  /** Problems that do not reject anything but deserve a line in the run's output. */
  warnings: string[];
}

export function normalizeCatalog(inputs: RawInputs): NormalizeResult {
  const snapshots = [...inputs.snapshots].sort((a, b) => a.date.localeCompare(b.date) || a.source.localeCompare(b.source));
  if (snapshots.length === 0) throw new UnusableInputError('no snapshots found: expected openrouter/openrouter-models-YYYY-MM-DD.json files');
  const dates = [...new Set(snapshots.map((s) => s.date))];
  if (dates.length !== snapshots.length) throw new UnusableInputError(`two snapshots share a date: ${snapshots.map((s) => s.file).join(', ')}`);

  const rejected: Rejection[] = [];
  const warnings: string[] = [];
  const recordsBySnapshot = snapshots.map((snapshot) => readSnapshot(snapshot, rejected));
  const modelInputs = { notes: parseNotes(inputs.notes), huggingFaceConfigs: inputs.huggingFaceConfigs, provenance: inputs.provenance, dates, warnings };
  const endpointsById = readEndpoints(inputs.endpoints, rejected);

  const ids = withUsableSlugs([...new Set(recordsBySnapshot.flatMap((records) => [...records.keys()]))].sort(), recordsBySnapshot, rejected);
  const catalogModels: Model[] = ids.map((id) => {
    const appearances = recordsBySnapshot
      .map((records, index) => ({ record: records.get(id), snapshot: snapshots[index]! }))
      .filter((a): a is { record: SnapshotRecord; snapshot: RawSnapshot } => a.record !== undefined);
    return { ...modelFromAppearances(id, appearances, modelInputs), providers: endpointsById.get(id) ?? [] };
  });
  linkVariants(catalogModels);

  const usable = new Set(ids);
  const openRouterListings = snapshots
    .map((s, i) => ({ s, records: new Map([...recordsBySnapshot[i]!].filter(([id]) => usable.has(id))) }))
    .filter(({ s }) => s.source === 'openrouter')
    .map(({ s, records }) => openRouterListing(s.date, s.file, records));
  const given = inputs.listings ?? [];
  const listings = given.some((l) => l.source === 'openrouter') ? given : [...openRouterListings, ...given];
  for (const listing of [...(inputs.listings ?? []), ...(inputs.artificialAnalysis ?? [])]) rejected.push(...listing.rejected);

  const stage = offerStage({
    models: catalogModels,
    listings,
    aliases: parseAliases(inputs.aliases),
    providerInfo: inputs.providerInfo ?? [],
    openRouterProviders: inputs.openRouterProviders ?? [],
    artificialAnalysis: inputs.artificialAnalysis ?? [],
  });
  const models = stage.models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const asOf = [...dates, ...listings.map((l) => l.date)].sort().pop()!;
  const unknownPriceKeys = models.flatMap((m) => Object.entries(m.pricing.unknown).map(([key, value]) => ({ id: m.id, key, value })));

  return {
    catalog: {
      generatedFrom: [
        ...snapshots.map((s, i) => ({ date: s.date, source: s.source, file: s.file, models: recordsBySnapshot[i]!.size })),
        ...listings.filter((l) => l.source !== 'openrouter').map((l) => ({ date: l.date, source: l.source, file: l.file, models: l.entries.length })),
      ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      asOf,
      counts: {
        listed: models.filter((m) => m.listed).length,
        retired: models.filter((m) => !m.listed).length,
        rejected: rejected.length,
        offers: stage.offers.length,
        providers: stage.providers.length,
      },
      rejected,
      unknownPriceKeys,
      models,
    },
    offers: { asOf, providers: stage.providers, offers: stage.offers },
    history: snapshotChanges(snapshots, recordsBySnapshot, catalogModels),
    report: { matchFigures: stage.matchFigures, unmatched: stage.unmatched, priceless: stage.priceless },
    warnings,
  };
}

function parseAliases(raw: unknown): CuratedAliasesFile {
  if (raw === undefined) return { aliases: [] };
  const parsed = CuratedAliasesFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UnusableInputError(`curated/aliases.json: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}


export type { PlacedEntry };
