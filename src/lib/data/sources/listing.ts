/**
 * The seam between the source readers (one module per upstream source in this folder) and the
 * identity/offer stage: every reader turns one raw file into a SourceListing, whatever its envelope,
 * and never decides which model an entry is. Identity (src/lib/data/identity*.ts) does that.
 */
import type { IsoDate, Pricing, Rejection, SourceName } from '../schema.ts';

/** Keys an entry states about what it is; identity matches on these first, then on name rules. */
export interface StatedKeys {
  huggingFaceId?: string;
  /** An OpenRouter model id ("mistralai/mixtral-8x7b-instruct") the entry names or is. */
  openRouterId?: string;
  canonicalSlug?: string;
  /** models.dev `family`, LiteLLM's base model and similar grouping names. */
  family?: string;
  /** Artificial Analysis slug and creator slug. */
  aaSlug?: string;
  aaCreator?: string;
}

/** One entry of one source at one date: a provider selling a model (or, for AA, figures about a model). */
export interface ListingEntry {
  /** The source's own provider id: models.dev provider key, LiteLLM `litellm_provider`, OpenRouter's provider slug (from the endpoint tag, else its name), "openrouter" for the models API. */
  providerId: string;
  /** The provider's display name where the source states one ("Google", "Together"). */
  providerName: string | null;
  /** OpenRouter endpoint tag ("google-vertex/global/flex"): one provider can serve a model through several endpoints. Null elsewhere. */
  endpointTag: string | null;
  /** The id that provider's API takes. */
  providerModelId: string;
  /** The source's own key for the entry (LiteLLM key, "provider/model" for models.dev, "<openrouter id>@<endpoint provider>"). */
  key: string;
  /** Index of the entry in the raw file, for messages. */
  index: number;
  keys: StatedKeys;
  name: string | null;
  description: string | null;
  /** Null where the source states no price for it (the entry still says the provider sells it). */
  pricing: Pricing | null;
  contextLength: number | null;
  maxOutputTokens: number | null;
  quantization: string | null;
  uptime: { percent: number; window: string } | null;
  /** The entry is reached through OpenRouter's routing (endpoints), not the provider's own API. */
  viaOpenRouter: boolean;
  releaseDate: IsoDate | null;
  knowledgeCutoff: string | null;
  openWeights: boolean | null;
  inputModalities: string[] | null;
  outputModalities: string[] | null;
}

export interface SourceListing {
  source: SourceName;
  date: IsoDate;
  /** The raw file, relative to data/raw. */
  file: string;
  /**
   * Providers whose whole catalog this listing is: an offer of one of them that a newer listing of
   * the same source leaves out is retired by it. A partial listing (one model's endpoints) names none.
   */
  completeFor: string[];
  entries: ListingEntry[];
  /** Entries left out, each named by file, index, id and field. */
  rejected: Rejection[];
  /** Entries left out on purpose (a LiteLLM embedding model, a key that is not a model), counted by reason. */
  skipped: SkipTally[];
  /** Texts cut to a sane length (names, descriptions), each named like a rejection; the entry is kept. */
  trimmed: Rejection[];
  /** Providers as the source describes them (models.dev and genai-prices name theirs; others list none). */
  providers: ListedProvider[];
}

export interface SkipTally {
  reason: string;
  count: number;
  /** The first few keys skipped for this reason, for the run's output. */
  examples: string[];
}

export interface ListedProvider {
  id: string;
  name: string;
  apiBaseUrl: string | null;
  docUrl: string | null;
}
