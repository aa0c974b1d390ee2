/**
 * A workload for the cost calculator: what each request consumes and how many requests there are,
 * the presets, its URL form, whether a model or offer can serve it, and the one function that prices
 * it. Pure logic shared by the calculator, the model cards, compare and the playground's estimate.
 */
import { periodCosts, requestCost, type CostLine, type PeriodCosts, type RequestUsage } from './pricing.ts';
import type { Model, PriceTier, Pricing } from '../data/schema.ts';
import { readChoice, readText, readWholeNumber, writeQuery, type QueryEntry } from '../format/url-state.ts';

export interface Workload {
  inputTokens: number;
  outputTokens: number;
  /** Percent (0–100) of the input read from the provider's prompt cache. */
  cacheReadPercent: number;
  /** Percent (0–100) of the input written to the cache. */
  cacheWritePercent: number;
  reasoningTokens: number;
  images: number;
  webSearches: number;
  requests: number;
  per: 'day' | 'month';
  daysPerMonth: number;
}

export type PresetId = 'chat' | 'rag' | 'summarize' | 'agent' | 'classify';

export interface Preset {
  id: PresetId;
  label: string;
  description: string;
  workload: Workload;
}

const base = { cacheReadPercent: 0, cacheWritePercent: 0, reasoningTokens: 0, images: 0, webSearches: 0, daysPerMonth: 30 } as const;

export const PRESETS: readonly Preset[] = [
  {
    id: 'chat',
    label: 'Chat turn',
    description: 'One reply in a conversation: 1,000 tokens in, 500 out, 1,000 turns a day.',
    workload: { ...base, inputTokens: 1_000, outputTokens: 500, requests: 1_000, per: 'day' },
  },
  {
    id: 'rag',
    label: 'RAG query, long context',
    description: 'A question answered from retrieved passages: 16,000 tokens in (a fifth of it a cached system prompt), 600 out.',
    workload: { ...base, inputTokens: 16_000, outputTokens: 600, cacheReadPercent: 20, requests: 2_000, per: 'day' },
  },
  {
    id: 'summarize',
    label: 'Summarize a document',
    description: 'A 40-page document (30,000 tokens) condensed into 1,000 tokens, 200 documents a day.',
    workload: { ...base, inputTokens: 30_000, outputTokens: 1_000, requests: 200, per: 'day' },
  },
  {
    id: 'agent',
    label: 'Agent step with tools',
    description: 'One step of a tool-using agent: 8,000 tokens of context, 60 % cached and 10 % newly written, 1,500 reasoning and 300 output tokens.',
    workload: { ...base, inputTokens: 8_000, outputTokens: 300, cacheReadPercent: 60, cacheWritePercent: 10, reasoningTokens: 1_500, requests: 5_000, per: 'day' },
  },
  {
    id: 'classify',
    label: 'Batch classification',
    description: 'Short texts labelled in bulk: 400 tokens in, 5 out, 1,000,000 a month.',
    workload: { ...base, inputTokens: 400, outputTokens: 5, requests: 1_000_000, per: 'month' },
  },
];

export const DEFAULT_PRESET: Preset = PRESETS[0] as Preset;

export function presetById(id: string | null | undefined): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/**
 * The token counts of one request. The one rounding rule for cached shares, used by every page that
 * prices a workload: a share is a whole number of tokens, `inputTokens × percent / 100` rounded to the
 * nearest token, halves up (1,001 × 33 % = 330.33 → 330; 3 × 50 % = 1.5 → 2). The write share then
 * takes at most what the read share left, so the two never exceed the input.
 */
export function usageFor(workload: Workload): RequestUsage {
  const cacheReadTokens = shareOf(workload.inputTokens, workload.cacheReadPercent);
  const cacheWriteTokens = Math.min(shareOf(workload.inputTokens, workload.cacheWritePercent), workload.inputTokens - cacheReadTokens);
  return {
    promptTokens: workload.inputTokens,
    cacheReadTokens,
    cacheWriteTokens,
    completionTokens: workload.outputTokens,
    reasoningTokens: workload.reasoningTokens,
    images: workload.images,
    webSearches: workload.webSearches,
  };
}

/** percent % of tokens, to the nearest whole token, halves up; integer arithmetic, so exact. */
function shareOf(tokens: number, percent: number): number {
  return Math.floor((tokens * percent + 50) / 100);
}

/** What a workload costs on one price list: per request, per day and per month, or why it has no figure. */
export type WorkloadCost =
  | ({ kind: 'priced'; lines: CostLine[]; tier: PriceTier | null; discount: string | null } & PeriodCosts)
  | { kind: 'variable'; reason: string }
  | { kind: 'unavailable'; reason: string };

/**
 * The one costing function for workloads: a model's or an offer's `pricing`, one workload, the
 * figures every page shows (calculator, cards, compare, the playground estimate, value).
 */
export function workloadCost(pricing: Pricing, workload: Workload): WorkloadCost {
  const cost = requestCost(pricing, usageFor(workload));
  if (cost.kind !== 'priced') return cost;
  const volume = { requests: workload.requests, per: workload.per, daysPerMonth: workload.daysPerMonth };
  return { kind: 'priced', lines: cost.lines, tier: cost.tier, discount: cost.discountApplied, ...periodCosts(cost.total, volume) };
}

/** A single request of the given size (the playground's estimate, a one-off call). */
export function singleRequest(inputTokens: number, outputTokens: number): Workload {
  return { ...base, inputTokens, outputTokens, requests: 1, per: 'day', daysPerMonth: 1 };
}

// ---------------------------------------------------------------------------------------------
// URL state

export interface NumberField {
  key: keyof Workload;
  param: string;
  label: string;
  min: number;
  max: number;
}

/** Every numeric input: its query parameter, its label and its allowed range. */
export const WORKLOAD_FIELDS: readonly NumberField[] = [
  { key: 'inputTokens', param: 'in', label: 'Input tokens per request', min: 0, max: 100_000_000 },
  { key: 'outputTokens', param: 'out', label: 'Output tokens per request', min: 0, max: 100_000_000 },
  { key: 'cacheReadPercent', param: 'cached', label: 'Share of input read from cache (%)', min: 0, max: 100 },
  { key: 'cacheWritePercent', param: 'cachewrite', label: 'Share of input written to cache (%)', min: 0, max: 100 },
  { key: 'reasoningTokens', param: 'reasoning', label: 'Reasoning tokens per request', min: 0, max: 100_000_000 },
  { key: 'images', param: 'images', label: 'Input images per request', min: 0, max: 10_000 },
  { key: 'webSearches', param: 'searches', label: 'Web searches per request', min: 0, max: 10_000 },
  { key: 'requests', param: 'requests', label: 'Requests', min: 0, max: 1_000_000_000_000 },
  { key: 'daysPerMonth', param: 'days', label: 'Days per month', min: 1, max: 31 },
];

/** The field of `key`: its parameter, label and range, for pages that ask for some of the fields. */
export function workloadField(key: NumberField['key']): NumberField {
  return WORKLOAD_FIELDS.find((field) => field.key === key)!;
}

const PERIODS = ['day', 'month'] as const satisfies readonly Workload['per'][];

/**
 * Reads a workload from query parameters: a preset (`preset=`) first, then any explicit field over it.
 * Every link the site wrote (all fields, plain digits) reads back whole; a hand-edited field that is
 * not a whole number in range keeps the preset's value and says so.
 */
export function workloadFromParams(params: URLSearchParams): { workload: Workload; problems: string[] } {
  const workload: Workload = { ...(presetById(readText(params, 'preset')) ?? DEFAULT_PRESET).workload };
  const problems: string[] = [];
  for (const field of WORKLOAD_FIELDS) {
    const read = readWholeNumber(params, field.param, field);
    if (read.state === 'ok') (workload[field.key] as number) = read.value;
    else if (read.state === 'invalid') {
      problems.push(`${field.label} in the link ("${field.param}=${read.raw}") is not a whole number from ${field.min} to ${field.max}; the preset value is used`);
    }
  }
  workload.per = readChoice(params, 'per', PERIODS, workload.per);
  if (workload.cacheReadPercent + workload.cacheWritePercent > 100) {
    problems.push('cache read and write shares add up to more than 100 %; the write share is reduced');
    workload.cacheWritePercent = 100 - workload.cacheReadPercent;
  }
  return { workload, problems };
}

/** A workload's parameters: every field, so that a shared link does not depend on preset values. */
export function workloadEntries(workload: Workload): QueryEntry[] {
  return [...WORKLOAD_FIELDS.map((field) => [field.param, workload[field.key]] as const), ['per', workload.per]];
}

// ---------------------------------------------------------------------------------------------
// Who can serve the workload

/** Reasons the model cannot serve the workload, empty when it can (unknown limits are not held against it). */
export function fitProblems(model: Pick<Model, 'contextLength' | 'maxCompletionTokens' | 'inputModalities' | 'outputModalities'>, workload: Workload): string[] {
  const problems: string[] = [];
  const generated = workload.outputTokens + workload.reasoningTokens;
  const needed = workload.inputTokens + generated;
  if (model.contextLength !== null && needed > model.contextLength) {
    problems.push(`context of ${model.contextLength.toLocaleString('en-US')} tokens is smaller than the ${needed.toLocaleString('en-US')} this request needs`);
  }
  if (model.maxCompletionTokens !== null && generated > model.maxCompletionTokens) {
    problems.push(`writes at most ${model.maxCompletionTokens.toLocaleString('en-US')} tokens per reply, fewer than the ${generated.toLocaleString('en-US')} asked for`);
  }
  if (workload.images > 0 && !model.inputModalities.includes('image')) problems.push('does not take image input');
  // Every workload asks for a text reply; an image, audio or video generator cannot give one.
  if (model.outputModalities.length > 0 && !model.outputModalities.includes('text')) problems.push(`writes ${model.outputModalities.join(' and ')}, not text`);
  return problems;
}

/** Link to the calculator with a preset workload and a model highlighted. */
export function calculatorHref(modelId: string, preset: PresetId = 'chat'): string {
  return `/calculator/?${writeQuery([
    ['preset', preset],
    ['model', modelId],
  ])}`;
}
