/**
 * Which config.json describes a model, how faithful a copy it is, and the architecture that follows:
 * the one call the normalizer makes per model.
 *
 * A config applies to a model by its Hugging Face id (the file name, `org__name.config.json`, also
 * under `abridged/`), or through a curated note's `configFile` (a base model's or sibling's config).
 * PROVENANCE.json says for each file what kind of copy it is (from the manifest of the recording):
 * the kind is written into the source label, so every page that shows a figure's source shows it.
 */
import type { Architecture, CuratedNotesFile, Provenance, SourceRef } from './schema.ts';
import { readArchitecture } from './architecture.ts';

/** Config kinds as PROVENANCE.json states them (`kind`), from the recording's manifest. */
export const CONFIG_KINDS = ['exact-verified', 'exact-unverified', 'derivative', 'base-model', 'abridged', 'inference-config'] as const;
export type ConfigKind = (typeof CONFIG_KINDS)[number];

const ABRIDGED_FOLDER = 'abridged/';

/** A config file whose text is not JSON: kept as a value so the model reports it instead of the run stopping. */
export interface UnreadableConfig {
  unreadable: string;
}

function isUnreadable(value: unknown): value is UnreadableConfig {
  return typeof value === 'object' && value !== null && typeof (value as UnreadableConfig).unreadable === 'string';
}

/**
 * Parses a config.json. Python's json.dump writes `Infinity` and `NaN`, which JSON has no words for
 * (NVIDIA's Nemotron-H configs carry `time_step_limit: [0.0, Infinity]`); they are read as null, so
 * only the figures that need them are lost. Any other syntax error gives an UnreadableConfig.
 */
export function parseConfigText(text: string): unknown {
  const pythonic = text.replace(/"(?:[^"\\]|\\.)*"|-?\bInfinity\b|\bNaN\b/g, (token) => (token.startsWith('"') ? token : 'null'));
  try {
    return JSON.parse(pythonic);
  } catch (error) {
    return { unreadable: `not valid JSON (${(error as Error).message})` } satisfies UnreadableConfig;
  }
}

/** "mistralai/Mixtral-8x7B-v0.1" → "mistralai__Mixtral-8x7B-v0.1.config.json", the raw folder's naming. */
export function configFileName(huggingFaceId: string): string {
  return `${huggingFaceId.replace(/\//g, '__')}.config.json`;
}

/**
 * The file for a Hugging Face id: a full copy first, then an abridged one; ids differ in case between
 * OpenRouter and Hugging Face ("thedrummer/…" vs "TheDrummer/…"), so case is ignored as a last resort.
 */
export function configFileFor(huggingFaceId: string, files: readonly string[]): string | undefined {
  const name = configFileName(huggingFaceId);
  const exact = [name, `${ABRIDGED_FOLDER}${name}`].find((candidate) => files.includes(candidate));
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  return files.find((file) => file.toLowerCase() === lower) ?? files.find((file) => file.toLowerCase() === `${ABRIDGED_FOLDER}${lower}`);
}

/** "abridged/org__name.config.json" → "org/name": the naming of configFileName, read back. */
export function huggingFaceIdOfFile(fileName: string): string | undefined {
  const match = /^(?:abridged\/)?([^/]+?)__([^/]+?)\.config\.json$/.exec(fileName);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

function isConfigKind(kind: string | undefined): kind is ConfigKind {
  return (CONFIG_KINDS as readonly string[]).includes(kind ?? '');
}

/**
 * The source label of a config's figures, saying what kind of copy the file is. `configOf` names the
 * model whose file it really is when that is not the model shown (a base model's or sibling's config).
 */
export function configSourceLabel(kind: string | undefined, configOf: string | undefined, curatedNote: string | undefined): string {
  const of = configOf ? ` of ${configOf}` : '';
  const described = !isConfigKind(kind)
    ? 'Hugging Face config.json'
    : {
        'exact-verified': 'Hugging Face config.json (exact copy, checksum-verified)',
        'exact-unverified': 'Hugging Face config.json (copy, not checksum-verified)',
        derivative: `derivative config.json${of} (a quantized or re-saved copy; architecture values as the original)`,
        'base-model': `base model's config.json${of} (same architecture; not this model's own file)`,
        abridged: `abridged config.json${of} (a third-party trimmed copy: a weaker source, defaults may be missing)`,
        'inference-config': `inference config${of} from the model's own code repository (not Hugging Face format)`,
      }[kind];
  return curatedNote ? `${described}: ${curatedNote}` : described;
}

export interface ModelArchitecture {
  architecture: Architecture;
  notes: { text: string; source: SourceRef }[];
  /** The config as a model source (with its fetch date), or null when no config applies. */
  configSource: (SourceRef & { fetchedAt: string }) | null;
  /** Messages for the run's output: missing curated files, unreadable or dropped configs (file, field). */
  warnings: string[];
}

export interface ModelArchitectureInput {
  id: string;
  /** The id without its `:variant` suffix, whose curated note a variant shares. */
  baseId: string;
  huggingFaceId: string | null;
  notes: CuratedNotesFile;
  /** Config files keyed by path under huggingface/ ("org__name.config.json", "abridged/…"). */
  configs: Readonly<Record<string, unknown>>;
  provenance: Provenance;
}

export function architectureForModel(input: ModelArchitectureInput): ModelArchitecture {
  const { id, huggingFaceId, configs, provenance } = input;
  const curated = input.notes[id] ?? input.notes[input.baseId];
  const files = Object.keys(configs);
  const fileName = curated?.configFile ?? (huggingFaceId ? configFileFor(huggingFaceId, files) : undefined);
  const config = fileName === undefined ? undefined : configs[fileName];
  const warnings: string[] = [];
  let architecture: Architecture = {};
  let configSource: ModelArchitecture['configSource'] = null;

  if (config !== undefined && fileName !== undefined) {
    const file = `huggingface/${fileName}`;
    const entry = provenance[file];
    const abridged = fileName.startsWith(ABRIDGED_FOLDER);
    // A file recorded as another model's config can be this model's own (Lunaris's file is Llama 3 8B Instruct's).
    const ownFile = entry?.configOf !== undefined && entry.configOf.toLowerCase() === huggingFaceId?.toLowerCase();
    const kind = curated?.configKind ?? (ownFile ? 'exact-unverified' : (entry?.kind ?? (abridged ? 'abridged' : undefined)));
    // Whose file it is: as recorded, or the file's own name for an exact copy applied to another model.
    const configOf = ownFile ? undefined : (entry?.configOf ?? (curated?.configKind === 'base-model' ? huggingFaceIdOfFile(fileName) : undefined));
    const source: SourceRef = { kind: 'hf-config', label: configSourceLabel(kind, configOf, curated?.configNote), url: entry?.url ?? null };
    // A dropped config is no source of anything the card shows, so it is not listed as one.
    if (isUnreadable(config)) {
      warnings.push(`${id}: ${file} could not be read: ${config.unreadable}; its figures are left out`);
    } else {
      try {
        const reading = readArchitecture(config, source);
        architecture = reading.architecture;
        for (const problem of reading.problems) warnings.push(`${id}: ${file}: ${problem.field} ${problem.message}; the config is left out`);
        if (reading.problems.length === 0) configSource = { ...source, fetchedAt: entry?.fetchedAt ?? 'unknown' };
      } catch (error) {
        warnings.push(`${id}: ${file} could not be read: ${(error as Error).message}`);
      }
    }
  } else if (curated?.configFile) {
    warnings.push(`${id}: curated note names huggingface/${curated.configFile}, which is not in the raw folder`);
  }
  for (const [field, figure] of Object.entries(curated?.figures ?? {})) {
    (architecture as Record<string, unknown>)[field] = figure;
  }
  return { architecture, notes: curated?.notes ?? [], configSource, warnings };
}
