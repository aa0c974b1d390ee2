/**
 * The live trial on a model card: the user's key, a prompt, and the answer streaming in with its
 * speed and cost. Loaded with client:visible, so a card's first load carries none of it.
 */
import { useId, useMemo, useState } from 'react';
import type { CostEstimate } from '../../lib/trial-cost.ts';
import { buildTrialRequest } from '../../lib/trial-request.ts';
import type { TrialModel } from '../../lib/trial-models.ts';
import { isRunning } from '../../lib/trial-run.ts';
import { CopyAsCode } from './CopyAsCode.tsx';
import { RunView, estimateText, safeEstimate, type RenderMode } from './RunView.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useTrialRun } from './useTrialRun.ts';
import { useTrialSettings } from './useTrialSettings.ts';
import './live-trial.css';

export default function LiveTrial({ model }: { model: TrialModel }) {
  const id = useId();
  const settingsState = useTrialSettings();
  const { settings, apiKey } = settingsState;
  const { run, send, stop } = useTrialRun();
  const [prompt, setPrompt] = useState('');
  const [mode, setMode] = useState<RenderMode>('markdown');
  const [problem, setProblem] = useState<string | null>(null);
  const [sentEstimate, setSentEstimate] = useState<CostEstimate | null>(null);

  const estimate = useMemo(
    () => safeEstimate(model.pricing, settings.systemPrompt, prompt, settings.maxTokens),
    [model.pricing, settings.systemPrompt, prompt, settings.maxTokens],
  );
  const codeRequest = buildTrialRequest(model.id, prompt, settings, apiKey, false);
  const running = isRunning(run);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const built = buildTrialRequest(model.id, prompt, settings, apiKey);
    if (!built.ok) {
      setProblem(built.problem);
      return;
    }
    setProblem(null);
    setSentEstimate(estimate);
    void send(built.stream);
  };

  return (
    <div className="live-trial" data-ready={settingsState.loaded ? '' : undefined}>
      <SettingsPanel state={settingsState} />
      <form className="trial-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-prompt`}>Prompt for {model.displayName}</label>
        <textarea id={`${id}-prompt`} rows={4} value={prompt} onChange={(e) => setPrompt(e.currentTarget.value)} placeholder="Ask something…" />
        {estimate && prompt.trim() !== '' && <p className="trial-hint trial-estimate">Estimated cost: {estimateText(estimate)}</p>}
        <div className="trial-actions">
          <button type="submit" disabled={running}>
            Send
          </button>
          <button type="button" className="secondary" onClick={stop} disabled={!running}>
            Stop
          </button>
          <label className="trial-mode">
            Show answer as{' '}
            <select value={mode} onChange={(e) => setMode(e.currentTarget.value as RenderMode)}>
              <option value="markdown">formatted (markdown)</option>
              <option value="text">plain text</option>
            </select>
          </label>
        </div>
        {problem && (
          <p className="trial-status trial-status-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <RunView run={run} pricing={model.pricing} estimate={sentEstimate} mode={mode} />
      <CopyAsCode request={codeRequest.ok ? codeRequest.sample : null} problem={codeRequest.ok ? null : codeRequest.problem} />
    </div>
  );
}
