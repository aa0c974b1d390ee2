/**
 * Artificial Analysis API v2 `GET /data/llms/models` (https://artificialanalysis.ai/documentation):
 * `{status, prompt_options, data: [{id, name, slug, release_date, model_creator{slug, name},
 * evaluations{artificial_analysis_intelligence_index…}, median_output_tokens_per_second,
 * median_time_to_first_token_seconds}]}`. Not offers: figures about a model, which identity attaches
 * to the models AA's slug and creator name. AA's terms ask for attribution wherever they appear.
 */
import { z } from 'astro/zod';
import type { IsoDate, Rejection, SourceName } from '../schema.ts';
import type { SkipTally } from './listing.ts';
import { EntryLog, TEXT_LIMITS, UnusableInputError, describeShape, isCalendarDate } from './source-file.ts';

/** One model's figures as AA states them; null where AA has none. */
export interface ModelFigures {
  /** AA's own id (a UUID). */
  aaId: string;
  slug: string;
  name: string;
  creatorSlug: string | null;
  creatorName: string | null;
  releaseDate: IsoDate | null;
  intelligenceIndex: number | null;
  codingIndex: number | null;
  mathIndex: number | null;
  outputTokensPerSecond: number | null;
  timeToFirstTokenSeconds: number | null;
  /** Index of the entry in the raw file, for messages. */
  index: number;
}

export interface ArtificialAnalysisListing {
  source: Extract<SourceName, 'artificial-analysis'>;
  date: IsoDate;
  file: string;
  /** What AA asks be shown with its figures. */
  attribution: { name: string; url: string };
  models: ModelFigures[];
  rejected: Rejection[];
  skipped: SkipTally[];
  trimmed: Rejection[];
}

export const AA_ATTRIBUTION = { name: 'Artificial Analysis', url: 'https://artificialanalysis.ai/' } as const;

/** AA's indices run 0–100; speeds and times are bounded so a broken value cannot pass as a figure. */
const indexFigure = z.number().min(0).max(100).nullish();
const RawAaModel = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().min(1),
  release_date: z.string().refine(isCalendarDate, { error: 'is not a YYYY-MM-DD date' }).nullish(),
  model_creator: z.object({ slug: z.string().nullish(), name: z.string().nullish() }).nullish(),
  evaluations: z
    .object({
      artificial_analysis_intelligence_index: indexFigure,
      artificial_analysis_coding_index: indexFigure,
      artificial_analysis_math_index: indexFigure,
    })
    .nullish(),
  median_output_tokens_per_second: z.number().min(0).max(100_000, { error: 'is more than 100,000 tokens per second' }).nullish(),
  median_time_to_first_token_seconds: z.number().min(0).max(3_600, { error: 'is more than an hour' }).nullish(),
});

const Envelope = z.object({ data: z.array(z.unknown()) });

export function readArtificialAnalysisFile(file: string, date: string, body: unknown): ArtificialAnalysisListing {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw new UnusableInputError(`${file}: expected Artificial Analysis' {"data": [...]} response, got ${describeShape(body)}`);
  const log = new EntryLog(file);
  const models: ModelFigures[] = [];
  const slugs = new Set<string>();
  envelope.data.data.forEach((raw, index) => {
    const rawSlug = (raw as { slug?: unknown } | null)?.slug;
    const model = log.parse(RawAaModel, raw, index, typeof rawSlug === 'string' ? rawSlug.slice(0, TEXT_LIMITS.id) : null);
    if (!model || !log.usableId(index, model.slug, 'slug')) return;
    if (slugs.has(model.slug)) {
      log.reject(index, model.slug, 'slug', `duplicate slug ${model.slug} in the same file`);
      return;
    }
    slugs.add(model.slug);
    const evaluations = model.evaluations;
    models.push({
      aaId: model.id,
      slug: model.slug,
      name: log.cap(model.name, TEXT_LIMITS.name, index, model.slug, 'name'),
      creatorSlug: model.model_creator?.slug ?? null,
      creatorName: model.model_creator?.name ?? null,
      releaseDate: model.release_date ?? null,
      intelligenceIndex: evaluations?.artificial_analysis_intelligence_index ?? null,
      codingIndex: evaluations?.artificial_analysis_coding_index ?? null,
      mathIndex: evaluations?.artificial_analysis_math_index ?? null,
      outputTokensPerSecond: model.median_output_tokens_per_second ?? null,
      timeToFirstTokenSeconds: model.median_time_to_first_token_seconds ?? null,
      index,
    });
  });
  return { source: 'artificial-analysis', date, file, attribution: AA_ATTRIBUTION, models, rejected: log.rejected, skipped: log.skipped, trimmed: log.trimmed };
}
