/**
 * The prompt form of the card widget and the playground: the prompt, Send and Stop, how answers are
 * rendered, and the reason a send was refused.
 */
import type { FormEvent, ReactNode } from 'react';
import type { RenderMode } from './RunView.tsx';

interface Props {
  /** The textarea's id, which the label points at. */
  id: string;
  label: ReactNode;
  prompt: string;
  onPromptChange(prompt: string): void;
  /** Shown under the prompt, e.g. the estimated cost. */
  hint?: ReactNode;
  sendLabel: string;
  stopLabel: string;
  /** Send is disabled while anything runs, and Stop enabled only then. */
  running: boolean;
  onSend(event: FormEvent): void;
  onStop(): void;
  modeLabel: string;
  mode: RenderMode;
  onModeChange(mode: RenderMode): void;
  problem: string | null;
}

export function PromptForm(props: Props) {
  const { id, label, prompt, onPromptChange, hint, sendLabel, stopLabel, running, onSend, onStop, modeLabel, mode, onModeChange, problem } = props;
  return (
    <form className="trial-form" onSubmit={onSend}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={4} value={prompt} onChange={(e) => onPromptChange(e.currentTarget.value)} placeholder="Ask something…" />
      {hint}
      <div className="trial-actions">
        <button type="submit" disabled={running}>
          {sendLabel}
        </button>
        <button type="button" className="secondary" onClick={onStop} disabled={!running}>
          {stopLabel}
        </button>
        <label className="trial-mode">
          {modeLabel}{' '}
          <select value={mode} onChange={(e) => onModeChange(e.currentTarget.value as RenderMode)}>
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
  );
}
