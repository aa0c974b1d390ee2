/**
 * The live trial on a model card: the user's key, a prompt, and the answer streaming in with its
 * speed and cost. Loaded with client:visible, so a card's first load carries none of it.
 */
import { useId, useMemo, useState } from 'react';
import type { CostEstimate } from '../../lib/trial/cost.ts';
import { buildTrialRequest } from '../../lib/trial/request.ts';
import type { TrialModel } from '../../lib/trial/models.ts';
import { endpointAt, type TrialEndpoint } from '../../lib/trial/endpoints.ts';
import { isRunning } from '../../lib/trial/run.ts';
import { CopyAsCode } from './CopyAsCode.tsx';
import { PromptForm } from './PromptForm.tsx';
import { RunView, estimateText, safeEstimate, type RenderMode } from './RunView.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import { useTrialRun } from './useTrialRun.ts';
import { useTrialSettings } from './useTrialSettings.ts';
import './live-trial.css';

export default function LiveTrial({ model, endpoints }: { model: TrialModel; endpoints: TrialEndpoint[] }) {
  const id = useId();
  const settingsState = useTrialSettings();
  const { settings, apiKey } = settingsState;
  // The provider follows the base URL: one of the model's endpoints, or a server of the user's own.
  const endpoint = endpointAt(endpoints, settings.baseUrl);
  const modelId = endpoint?.modelId ?? model.id;
  const pricing = endpoint ? endpoint.pricing : model.pricing;
  const { run, send, stop } = useTrialRun();
  const [prompt, setPrompt] = useState('');
  const [mode, setMode] = useState<RenderMode>('markdown');
  const [problem, setProblem] = useState<string | null>(null);
  const [sentEstimate, setSentEstimate] = useState<CostEstimate | null>(null);

  const estimate = useMemo(
    () => safeEstimate(pricing, settings.systemPrompt, prompt, settings.maxTokens),
    [pricing, settings.systemPrompt, prompt, settings.maxTokens],
  );
  const codeRequest = buildTrialRequest(modelId, prompt, settings, apiKey, false);
  const running = isRunning(run);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const built = buildTrialRequest(modelId, prompt, settings, apiKey);
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
      {endpoints.length > 1 && (
        <div className="trial-field">
          <label htmlFor={`${id}-provider`}>Provider</label>
          <select
            id={`${id}-provider`}
            value={endpoint === null ? 'other' : String(endpoints.indexOf(endpoint))}
            onChange={(e) => {
              const chosen = endpoints[Number(e.currentTarget.value)];
              if (chosen) settingsState.setSetting('baseUrl', chosen.baseUrl);
            }}
          >
            {endpoints.map((e, i) => (
              <option key={`${e.providerId} ${e.modelId}`} value={i}>
                {e.providerName} ({e.modelId})
              </option>
            ))}
            {endpoint === null && <option value="other">Another server (the base URL in the settings)</option>}
          </select>
          <p className="trial-hint">
            Sends model id <code>{modelId}</code> to <code>{settings.baseUrl}</code>, with the key you entered for it below.
          </p>
        </div>
      )}
      <SettingsPanel state={settingsState} />
      <PromptForm
        id={`${id}-prompt`}
        label={<>Prompt for {model.displayName}</>}
        prompt={prompt}
        onPromptChange={setPrompt}
        hint={estimate && prompt.trim() !== '' && <p className="trial-hint trial-estimate">Estimated cost: {estimateText(estimate)}</p>}
        sendLabel="Send"
        stopLabel="Stop"
        running={running}
        onSend={onSubmit}
        onStop={stop}
        modeLabel="Show answer as"
        mode={mode}
        onModeChange={setMode}
        problem={problem}
      />
      <RunView run={run} pricing={pricing} estimate={sentEstimate} mode={mode} />
      <CopyAsCode
        request={codeRequest.ok ? { ...codeRequest.sample, apiKeyEnv: endpoint?.apiKeyEnv } : null}
        problem={codeRequest.ok ? null : codeRequest.problem}
      />
    </div>
  );
}
