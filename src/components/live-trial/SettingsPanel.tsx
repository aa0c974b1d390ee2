/** Key, endpoint and sampling settings shared by the card widget and the playground. */
import { useId } from 'react';
import type { TrialSettingsState } from './useTrialSettings.ts';

/** Where a newcomer creates an OpenRouter key. */
export const OPENROUTER_KEYS_URL = 'https://openrouter.ai/settings/keys';

/**
 * The key field is always in view with where to get a key and what a call costs: a newcomer needs
 * all three before sending. The rest folds away. Nothing opens or moves once stored settings load,
 * so the page does not shift under the reader.
 */
export function SettingsPanel({ state }: { state: TrialSettingsState }) {
  const id = useId();
  const { settings, setSetting, apiKey, setApiKey, remember, setRemember, forgetKey } = state;
  return (
    <div className="trial-setup">
      {/* A form around the key field lets password managers and the browser treat it as one. */}
      <form className="trial-field trial-key" onSubmit={(e) => e.preventDefault()}>
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
          No key yet? <a href={OPENROUTER_KEYS_URL} rel="noopener noreferrer" target="_blank">Create an OpenRouter key</a>. It is kept in this tab (on this
          device too if you tick Remember) and sent only to the base URL in the settings below.
        </p>
        <p className="trial-warning">
          Each call is billed to the account of this key: it costs credits (free models excepted). The estimated cost shows before you send.
        </p>
      </form>
      <details className="trial-settings">
        <summary>Settings: endpoint, headers, sampling</summary>
        <form className="trial-grid" onSubmit={(e) => e.preventDefault()}>
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
    </div>
  );
}
