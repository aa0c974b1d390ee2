/** One run's answer, reasoning, status and measurements. */
import { memo, useMemo } from 'react';
import { useClipboard } from './useClipboard.ts';
import { answerHtml } from '../../lib/trial/answer-markdown.ts';
import { answerView, displayText } from '../../lib/trial/answer-view.ts';
import { formatCount, formatUsd } from '../../lib/format/format.ts';
import type { Pricing } from '../../lib/data/schema.ts';
import { estimateCost, runCost, type CostEstimate, type TrialCost } from '../../lib/trial/cost.ts';
import { parseMaxTokens, trialMessages } from '../../lib/trial/request.ts';
import { describeBadLines, describePhase, isRunning, runFigures, type TrialRun } from '../../lib/trial/run.ts';

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

/** One finished block of the answer, parsed once: React skips it while later blocks grow. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  const html = useMemo(() => answerHtml(text), [text]);
  return <div className="trial-markdown-block" dangerouslySetInnerHTML={{ __html: html }} />;
});

function HiddenNote({ hidden, full }: { hidden: number; full: string }) {
  const clipboard = useClipboard();
  if (hidden === 0) return null;
  return (
    <p className="trial-hint">
      {formatCount(hidden)} more characters are not shown, to keep the page responsive.{' '}
      <button type="button" className="secondary" onClick={() => void clipboard.copy(full)}>
        Copy all {formatCount(full.length)} characters
      </button>{' '}
      <span role="status">{clipboard.status}</span>
    </p>
  );
}

function Answer({ content, streaming, mode }: { content: string; streaming: boolean; mode: RenderMode }) {
  const view = useMemo(() => (mode === 'markdown' ? answerView(content, streaming) : null), [content, streaming, mode]);
  if (view === null) {
    const plain = displayText(content);
    return (
      <>
        <pre className="trial-plain">{plain.text}</pre>
        <HiddenNote hidden={plain.hiddenCharacters} full={content} />
      </>
    );
  }
  return (
    <div className="trial-markdown">
      {view.parts.map((part) =>
        part.kind === 'markdown' ? (
          <MarkdownBlock key={part.start} text={part.text} />
        ) : (
          <pre key={part.start} className="trial-plain">
            {part.text}
          </pre>
        ),
      )}
      <HiddenNote hidden={view.hiddenCharacters} full={content} />
    </div>
  );
}

export function RunView({ run, pricing, estimate, mode }: { run: TrialRun | null; pricing: Pricing | null; estimate: CostEstimate | null; mode: RenderMode }) {
  if (run === null) return null;
  const figures = runFigures(run);
  const failed = run.phase === 'failed';
  const status = describePhase(run);
  const badLines = describeBadLines(run);
  const cost = safeRunCost(pricing, run);
  const finished = !isRunning(run);
  const reasoning = displayText(run.reasoning);
  return (
    <div className="trial-run" data-phase={run.phase}>
      <p className={`trial-status${failed ? ' trial-status-error' : ''}${run.phase === 'stopped' ? ' trial-status-stopped' : ''}`} role={failed ? 'alert' : 'status'}>
        {status}
      </p>
      {badLines && (
        <p className="trial-status trial-status-warn" role="status">
          {badLines}
        </p>
      )}
      {run.reasoning && (
        <details className="trial-reasoning" open>
          <summary>Reasoning ({formatCount(run.reasoning.length)} characters)</summary>
          <pre>{reasoning.text}</pre>
          <HiddenNote hidden={reasoning.hiddenCharacters} full={run.reasoning} />
        </details>
      )}
      {(run.content !== '' || !finished) && (
        <div className="trial-answer" aria-label="Answer" aria-busy={!finished}>
          <Answer content={run.content} streaming={!finished} mode={mode} />
        </div>
      )}
      <dl className="trial-metrics">
        <div>
          <dt>Time to first token</dt>
          <dd data-metric="ttft">{figures.timeToFirstToken}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd data-metric="rate">{figures.rate}</dd>
        </div>
        <div>
          <dt>Total time</dt>
          <dd data-metric="total">{figures.totalTime}</dd>
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
          <dd data-metric="tokens">{figures.tokens}</dd>
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
