/**
 * An independent reading of data/raw for tests: the newest price and context every source states for
 * each of its keys, parsed here with the minimum of code and none of the pipeline's (no zod, no
 * big.js, no readers). Numbers keep their JSON text (JSON.parse's source access), and prices move
 * their decimal point by string digit shifting, so a conversion bug in the pipeline cannot hide here.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface OracleStatement {
  source: 'openrouter' | 'models.dev' | 'litellm' | 'openrouter-endpoints' | 'genai-prices';
  key: string;
  date: string;
  file: string;
  /** Provider as the source names it, and the id that provider's API takes. */
  provider: string;
  modelId: string;
  input: string;
  output: string;
  contextLength: number | null;
}

/** "5e-08" or "0.00000054" per token, shifted by `places` decimal places: "0.05", "0.54"; "-1" is "variable". */
export function shiftDecimal(text: string, places: number): string {
  if (text === '-1') return 'variable';
  const [mantissa, exponentText = '0'] = text.toLowerCase().split('e');
  const [whole, fraction = ''] = mantissa!.split('.');
  const digits = `${whole}${fraction}`;
  let point = whole!.length + Number(exponentText) + places;
  let padded = digits;
  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  if (point > padded.length) padded = padded.padEnd(point, '0');
  const intPart = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = padded.slice(point).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/** JSON with every number kept as its source text. */
function parseKeepingNumbers(text: string): any {
  return JSON.parse(text, (_key, value, context?: { source?: string }) => (typeof value === 'number' ? context!.source : value));
}

function readRaw(file: string): any {
  const bytes = readFileSync(file);
  return parseKeepingNumbers((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
}

function dated(dir: string, pattern: RegExp): { file: string; date: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((f) => f.match)
    .map((f) => ({ file: path.join(dir, f.name), date: f.match![1]! }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

const contextOf = (value: unknown): number | null => (value === undefined || value === null || Number(value) <= 0 ? null : Number(value));

function* openRouter(rawDir: string): Generator<OracleStatement> {
  for (const { file, date } of dated(path.join(rawDir, 'openrouter'), /^openrouter-models-(\d{4}-\d{2}-\d{2})\.json$/)) {
    const body = readRaw(file);
    for (const m of Array.isArray(body) ? body : body.data) {
      if (typeof m?.pricing?.prompt !== 'string' || typeof m?.pricing?.completion !== 'string') continue;
      yield { source: 'openrouter', key: m.id, date, file: path.relative(rawDir, file), provider: 'openrouter', modelId: m.id, input: shiftDecimal(m.pricing.prompt, 6), output: shiftDecimal(m.pricing.completion, 6), contextLength: contextOf(m.context_length ?? m.top_provider?.context_length) };
    }
  }
}

function* modelsDev(rawDir: string): Generator<OracleStatement> {
  for (const { file, date } of dated(path.join(rawDir, 'models-dev'), /^models-dev-api-(\d{4}-\d{2}-\d{2})\.json(?:\.gz)?$/)) {
    const body = readRaw(file);
    for (const [provider, p] of Object.entries<any>(body)) {
      for (const [modelId, m] of Object.entries<any>(p?.models ?? {})) {
        // An entry without a cost states no price: there is nothing to find in the catalog for it.
        const cost = m?.cost;
        if (typeof cost?.input !== 'string' || typeof cost?.output !== 'string') continue;
        yield { source: 'models.dev', key: `${provider}/${modelId}`, date, file: path.relative(rawDir, file), provider, modelId, input: shiftDecimal(cost.input, 0), output: shiftDecimal(cost.output, 0), contextLength: contextOf(m.limit?.context) };
      }
    }
  }
}

/** LiteLLM modes a person sends prompts to and pays per token for (the rest are embeddings, images…). */
const LITELLM_CHAT_MODES = new Set(['chat', 'completion', 'responses']);

function* liteLlm(rawDir: string): Generator<OracleStatement> {
  for (const { file, date } of dated(path.join(rawDir, 'litellm'), /^litellm-(\d{4}-\d{2}-\d{2})\.json$/)) {
    for (const [key, e] of Object.entries<any>(readRaw(file))) {
      if (typeof e !== 'object' || !e?.litellm_provider || !LITELLM_CHAT_MODES.has(e.mode)) continue;
      // A price list bills only what it lists: one of the two unlisted is free; neither listed is no price.
      if (typeof e.input_cost_per_token !== 'string' && typeof e.output_cost_per_token !== 'string') continue;
      const input = shiftDecimal(e.input_cost_per_token ?? '0', 6);
      const output = shiftDecimal(e.output_cost_per_token ?? '0', 6);
      yield { source: 'litellm', key, date, file: path.relative(rawDir, file), provider: e.litellm_provider, modelId: key, input, output, contextLength: contextOf(e.max_input_tokens) };
    }
  }
}

/** OpenRouter's endpoints: a recording of every model's raw endpoints body, or a trimmed one ({models}). */
function* endpoints(rawDir: string): Generator<OracleStatement> {
  for (const { file, date } of dated(path.join(rawDir, 'openrouter-endpoints'), /-(\d{4}-\d{2}-\d{2})\.json$/)) {
    const body = readRaw(file);
    const models: any[] = body.models ?? body.data.map((row: any) => row.response?.data);
    const seen = new Set<string>();
    for (const model of models) {
      // A ":free" row answered with its base model repeats that model's endpoints.
      if (!model?.id || seen.has(model.id)) continue;
      seen.add(model.id);
      const perHandle = new Map<string, number>();
      for (const e of model.endpoints ?? []) {
        const handle = e.tag || e.provider_name;
        const nth = (perHandle.get(handle) ?? 0) + 1;
        perHandle.set(handle, nth);
        if (typeof e.pricing?.prompt !== 'string' || typeof e.pricing?.completion !== 'string') continue;
        const key = `${model.id}@${handle}${nth > 1 ? `#${nth}` : ''}`;
        yield { source: 'openrouter-endpoints', key, date, file: path.relative(rawDir, file), provider: e.provider_name, modelId: model.id, input: shiftDecimal(e.pricing.prompt, 6), output: shiftDecimal(e.pricing.completion, 6), contextLength: contextOf(e.context_length) };
      }
    }
  }
}

/** genai-prices: a price, {base, tiers}, or a list of price sets of which the one in force on the file's date applies. */
function* genaiPrices(rawDir: string): Generator<OracleStatement> {
  for (const { file, date } of dated(path.join(rawDir, 'genai-prices'), /^genai-prices-v2-(\d{4}-\d{2}-\d{2})\.json$/)) {
    for (const provider of readRaw(file)) {
      for (const model of provider.models ?? []) {
        const sets: any[] = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
        const inForce = sets.filter((set) => !set.constraint || (Object.keys(set.constraint).length === 1 && set.constraint.start_date <= date)).pop();
        const prices = inForce?.prices;
        const figure = (value: any): string | undefined => (typeof value === 'string' ? value : value?.base);
        const input = figure(prices?.input_mtok);
        const output = figure(prices?.output_mtok);
        if (input === undefined && output === undefined) continue;
        yield { source: 'genai-prices', key: `${provider.id}/${model.id}`, date, file: path.relative(rawDir, file), provider: provider.id, modelId: model.id, input: shiftDecimal(input ?? '0', 0), output: shiftDecimal(output ?? '0', 0), contextLength: contextOf(model.context_window) };
      }
    }
  }
}

const everyStatement = new Map<string, OracleStatement[]>();

/** Every statement of every raw file, oldest file first; read once per folder. */
function allStatements(rawDir: string): OracleStatement[] {
  let statements = everyStatement.get(rawDir);
  if (!statements) {
    statements = [...openRouter(rawDir), ...modelsDev(rawDir), ...liteLlm(rawDir), ...endpoints(rawDir), ...genaiPrices(rawDir)].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    everyStatement.set(rawDir, statements);
  }
  return statements;
}

/**
 * Each source's newest statement of each of its keys. `skip(statement)` leaves out what the pipeline
 * reported as rejected (it names file and id), so the oracle falls back to the key's previous
 * statement, as the pipeline does.
 */
export function newestStatements(rawDir: string, skip: (s: OracleStatement) => boolean = () => false): OracleStatement[] {
  const newest = new Map<string, OracleStatement>();
  for (const statement of allStatements(rawDir)) {
    if (!skip(statement)) newest.set(`${statement.source}\u0000${statement.key}`, statement);
  }
  return [...newest.values()];
}

export function openRouterSnapshotDates(rawDir: string): string[] {
  return dated(path.join(rawDir, 'openrouter'), /^openrouter-models-(\d{4}-\d{2}-\d{2})\.json$/).map((f) => f.date);
}

/** The dates of every listing the oracle reads: the newest is what "now" means for the catalog. */
export function listingDates(rawDir: string): string[] {
  return [
    ...dated(path.join(rawDir, 'openrouter'), /^openrouter-models-(\d{4}-\d{2}-\d{2})\.json$/),
    ...dated(path.join(rawDir, 'models-dev'), /^models-dev-api-(\d{4}-\d{2}-\d{2})\.json(?:\.gz)?$/),
    ...dated(path.join(rawDir, 'litellm'), /^litellm-(\d{4}-\d{2}-\d{2})\.json$/),
    ...dated(path.join(rawDir, 'openrouter-endpoints'), /-(\d{4}-\d{2}-\d{2})\.json$/),
    ...dated(path.join(rawDir, 'genai-prices'), /^genai-prices-v2-(\d{4}-\d{2}-\d{2})\.json$/),
  ]
    .map((f) => f.date)
    .sort();
}
