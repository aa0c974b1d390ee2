/** One run's answer, reasoning, status and measurements. */
import { useMemo } from 'react';
import { answerHtml } from '../../lib/trial/answer-markdown.ts';
import { formatCount, formatUsd } from '../../lib/format/format.ts';
import type { Pricing } from '../../lib/data/schema.ts';
import { streamMetrics } from '../../lib/trial/stream.ts';
import { estimateCost, runCost, type CostEstimate, type TrialCost } from '../../lib/trial/cost.ts';
import { parseMaxTokens, trialMessages } from '../../lib/trial/request.ts';
import { describePhase, formatDuration, formatRate, isRunning, type TrialRun } from '../../lib/trial/run.ts';

export type RenderMode = 'markdown' | 'text';

export function costText(cost: TrialCost): string {
  switch (cost.kind) {
    case 'reported':
      return `${formatUsd(cost.total)} (reported by the server)`;
    case 'computed':
      return `${formatUsd(cost.total)} (computed from catalog prices)`;
    case 'none':
      return `unknown: ${cost.reason}`;
  }
}

export function estimateText(estimate: CostEstimate): string {
  const tokens = `≈${formatCount(estimate.promptTokens)} input tokens${
    estimate.maxCompletionTokens === null ? ', output not counted (no max tokens set)' : ` + at most ${formatCount(estimate.maxCompletionTokens)} output tokens`
  }`;
  if (estimate.cost.kind === 'none') return `unknown (${estimate.cost.reason}); ${tokens}`;
  return `${estimate.maxCompletionTokens === null ? '' : 'up to '}${formatUsd(estimate.cost.total)} for ${tokens}`;
}

export function safeEstimate(pricing: Pricing | null, systemPrompt: string, prompt: string, maxTokens: string): CostEstimate | null {
  const max = parseMaxTokens(maxTokens);
  try {
    return estimateCost(pricing, trialMessages(systemPrompt, prompt), max instanceof Error ? null : max);
  } catch {
    return null;
  }
}

export function safeRunCost(pricing: Pricing | null, run: TrialRun): TrialCost {
  try {
    return runCost(pricing, run.usage);
  } catch (error) {
    return { kind: 'none', reason: (error as Error).message };
  }
}

export function RunView({ run, pricing, estimate, mode }: { run: TrialRun | null; pricing: Pricing | null; estimate: CostEstimate | null; mode: RenderMode }) {
  const html = useMemo(() => (mode === 'markdown' && run ? answerHtml(run.content) : ''), [mode, run?.content]);
  if (run === null) return null;
  const metrics = streamMetrics(run, run.usage ? run.usage.completionTokens : null, run.content + run.reasoning);
  const failed = run.phase === 'failed';
  const status = describePhase(run);
  const cost = safeRunCost(pricing, run);
  const finished = !isRunning(run);
  return (
    <div className="trial-run" data-phase={run.phase}>
      <p className={`trial-status${failed ? ' trial-status-error' : ''}${run.phase === 'stopped' ? ' trial-status-stopped' : ''}`} role={failed ? 'alert' : 'status'}>
        {status}
      </p>
      {run.badLines.length > 0 && (
        <p className="trial-status trial-status-warn" role="status">
          {run.badLines.length === 1 ? '1 line' : `${run.badLines.length} lines`} in the stream {run.badLines.length === 1 ? 'was' : 'were'} not JSON and{' '}
          {run.badLines.length === 1 ? 'was' : 'were'} skipped: “{run.badLines[0]}”.
        </p>
      )}
      {run.reasoning && (
        <details className="trial-reasoning" open>
          <summary>Reasoning ({formatCount(run.reasoning.length)} characters)</summary>
          <pre>{run.reasoning}</pre>
        </details>
      )}
      {(run.content !== '' || !finished) && (
        <div className="trial-answer" aria-label="Answer" aria-busy={!finished}>
          {mode === 'markdown' ? <div className="trial-markdown" dangerouslySetInnerHTML={{ __html: html }} /> : <pre className="trial-plain">{run.content}</pre>}
        </div>
      )}
      <dl className="trial-metrics">
        <div>
          <dt>Time to first token</dt>
          <dd data-metric="ttft">{formatDuration(metrics.timeToFirstTokenMs)}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd data-metric="rate">{formatRate(metrics.tokensPerSecond, metrics.tokensPerSecondSource)}</dd>
        </div>
        <div>
          <dt>Total time</dt>
          <dd data-metric="total">{formatDuration(metrics.totalMs)}</dd>
        </div>
        <div>
          <dt>Finish reason</dt>
          <dd data-metric="finish">{run.finishReason ?? '–'}</dd>
        </div>
        <div>
          <dt>Served by</dt>
          <dd data-metric="served">
            {run.servedModel ?? '–'}
            {run.provider ? ` via ${run.provider}` : ''}
          </dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd data-metric="tokens">
            {run.usage
              ? `${formatCount(run.usage.promptTokens)} prompt (${formatCount(run.usage.cachedTokens ?? 0)} cached) · ${formatCount(run.usage.completionTokens)} completion (${formatCount(run.usage.reasoningTokens ?? 0)} reasoning)`
              : finished
                ? 'not reported by the server'
                : '–'}
          </dd>
        </div>
        <div className="trial-cost">
          <dt>Cost</dt>
          <dd data-metric="cost">{finished ? costText(cost) : '–'}</dd>
        </div>
        {estimate && (
          <div className="trial-cost">
            <dt>Estimated before sending</dt>
            <dd data-metric="estimate">{estimateText(estimate)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
