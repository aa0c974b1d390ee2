/**
 * The cost of a live trial call, and the estimate shown before sending it. The server's own figure
 * (`usage.cost`, which OpenRouter sends) wins; otherwise the catalog price is applied to the usage the
 * server reported, through the shared pricing module.
 */
import { requestCost } from '../pricing/pricing.ts';
import { singleRequest, workloadCost } from '../pricing/workload.ts';
import type { Pricing } from '../data/schema.ts';
import { estimateTokens } from '../calculator/tokenizers.ts';
import type { ChatMessage, StreamUsage } from './stream.ts';

export type TrialCost =
  | { kind: 'reported'; total: string }
  | { kind: 'computed'; total: string }
  | { kind: 'none'; reason: string };

/** Maps stream usage onto the pricing module's RequestUsage: its completion count excludes reasoning. */
export function runCost(pricing: Pricing | null, usage: StreamUsage | null): TrialCost {
  if (usage === null) return { kind: 'none', reason: 'the server sent no token usage' };
  if (usage.implausible !== null) return { kind: 'none', reason: usage.implausible };
  if (usage.cost !== null) return { kind: 'reported', total: usage.cost };
  if (pricing === null) return { kind: 'none', reason: 'the server sent no cost and this model is not in the catalog' };
  const reasoning = Math.min(usage.reasoningTokens ?? 0, usage.completionTokens);
  const cacheRead = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const cacheWrite = Math.min(usage.cacheWriteTokens ?? 0, usage.promptTokens - cacheRead);
  const cost = requestCost(pricing, {
    promptTokens: usage.promptTokens,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    completionTokens: usage.completionTokens - reasoning,
    reasoningTokens: reasoning,
  });
  if (cost.kind === 'priced') return { kind: 'computed', total: cost.total };
  return { kind: 'none', reason: cost.reason };
}

export interface CostEstimate {
  promptTokens: number;
  /** The max tokens setting; null when unset, and then only the input is estimated. */
  maxCompletionTokens: number | null;
  cost: TrialCost;
}

/**
 * Before sending: input tokens guessed at about four characters per token (no tokenizer is loaded
 * in the widget, to keep it light), output at most max tokens. An upper bound for the output, a
 * rough figure for the input.
 */
export function estimateCost(pricing: Pricing | null, messages: ChatMessage[], maxTokens: number | null): CostEstimate {
  // Chat templates add a few tokens per message around the text.
  const promptTokens = messages.reduce((sum, m) => sum + estimateTokens(m.content) + 4, 0);
  const maxCompletionTokens = maxTokens;
  if (pricing === null) return { promptTokens, maxCompletionTokens, cost: { kind: 'none', reason: 'this model is not in the catalog' } };
  const cost = workloadCost(pricing, singleRequest(promptTokens, maxTokens ?? 0));
  return {
    promptTokens,
    maxCompletionTokens,
    cost: cost.kind === 'priced' ? { kind: 'computed', total: cost.perRequest } : { kind: 'none', reason: cost.reason },
  };
}
