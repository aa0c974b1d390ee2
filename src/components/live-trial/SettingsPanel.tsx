/** Key, endpoint and sampling settings shared by the card widget and the playground. */
import { useEffect, useId, useRef } from 'react';
import type { TrialSettingsState } from './useTrialSettings.ts';

/** Opens itself once after loading when no key is stored, since the key is the first thing to fill in. */
export function SettingsPanel({ state }: { state: TrialSettingsState }) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const { settings, setSetting, apiKey, setApiKey, remember, setRemember, forgetKey, loaded } = state;
  useEffect(() => {
    if (loaded && apiKey === '' && details.current) details.current.open = true;
    // Only when loading completes: typing or forgetting a key must not fold the panel away.
  }, [loaded]);
  return (
    <details className="trial-settings" ref={details}>
      <summary>Settings: API key, endpoint, sampling</summary>
      {/* A form around the key field lets password managers and the browser treat it as one. */}
      <form className="trial-grid" onSubmit={(e) => e.preventDefault()}>
        <div className="trial-field trial-key">
          <label htmlFor={`${id}-key`}>API key</label>
          <input
            id={`${id}-key`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            placeholder="sk-or-v1-…"
            onChange={(e) => setApiKey(e.currentTarget.value)}
          />
          <div className="trial-key-actions">
            <label className="trial-check">
              <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} /> Remember on this device
            </label>
            <button type="button" className="secondary" onClick={forgetKey} disabled={apiKey === '' && !remember}>
              Forget key
            </button>
          </div>
          <p className="trial-hint">
            Kept in this tab only{remember ? ' and remembered on this device' : ''}, and sent only to the base URL below.
          </p>
        </div>
        <div className="trial-field trial-wide">
          <label htmlFor={`${id}-base`}>Base URL</label>
          <input
            id={`${id}-base`}
            type="url"
            spellCheck={false}
            value={settings.baseUrl}
            onChange={(e) => setSetting('baseUrl', e.currentTarget.value)}
          />
          <p className="trial-hint">Any OpenAI-compatible server, e.g. http://localhost:11434/v1 for Ollama.</p>
        </div>
        <div className="trial-field">
          <label htmlFor={`${id}-referer`}>HTTP-Referer (optional)</label>
          <input id={`${id}-referer`} type="url" value={settings.referer} placeholder="https://your-app.example" onChange={(e) => setSetting('referer', e.currentTarget.value)} />
        </div>
        <div className="trial-field">
          <label htmlFor={`${id}-title`}>X-Title (optional)</label>
          <input id={`${id}-title`} type="text" value={settings.title} placeholder="Your app" onChange={(e) => setSetting('title', e.currentTarget.value)} />
        </div>
        <div className="trial-field trial-wide">
          <label htmlFor={`${id}-system`}>System prompt (optional)</label>
          <textarea id={`${id}-system`} rows={2} value={settings.systemPrompt} onChange={(e) => setSetting('systemPrompt', e.currentTarget.value)} />
        </div>
        <div className="trial-field">
          <label htmlFor={`${id}-temp`}>Temperature</label>
          <input id={`${id}-temp`} type="number" inputMode="decimal" min={0} max={2} step={0.1} value={settings.temperature} onChange={(e) => setSetting('temperature', e.currentTarget.value)} />
        </div>
        <div className="trial-field">
          <label htmlFor={`${id}-max`}>Max tokens</label>
          <input id={`${id}-max`} type="number" inputMode="numeric" min={1} step={1} value={settings.maxTokens} onChange={(e) => setSetting('maxTokens', e.currentTarget.value)} />
        </div>
      </form>
    </details>
  );
}
