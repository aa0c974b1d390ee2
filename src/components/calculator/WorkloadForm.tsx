/** The workload half of the calculator: presets, what one request consumes, the volume, token counts. */
import { useId, type ChangeEvent } from 'react';
import { formatCount } from '../../lib/format/format.ts';
import { PRESETS, WORKLOAD_FIELDS, type Workload } from '../../lib/pricing/workload.ts';
import type { PricedModel } from '../../lib/calculator/pricing-payload.ts';
import TokenCounter from './TokenCounter.tsx';

type Field = (typeof WORKLOAD_FIELDS)[number];

const PER_REQUEST_FIELDS = WORKLOAD_FIELDS.filter((f) => f.key !== 'requests' && f.key !== 'daysPerMonth');
const REQUESTS_FIELD = WORKLOAD_FIELDS.filter((f) => f.key === 'requests');
const DAYS_FIELD = WORKLOAD_FIELDS.filter((f) => f.key === 'daysPerMonth');

/** The text of every field as typed, so that a half-typed number is kept while it is not valid. */
export function draftsOf(workload: Workload): Record<string, string> {
  return Object.fromEntries(WORKLOAD_FIELDS.map((f) => [f.key, String(workload[f.key])]));
}

/** The value a field's text stands for, or null when it is not a whole number in the field's range. */
export function fieldValue(field: Field, text: string): number | null {
  const value = Number(text);
  return text.trim() === '' || !Number.isInteger(value) || value < field.min || value > field.max ? null : value;
}

function fieldError(field: Field, text: string, workload: Workload): string | null {
  const value = fieldValue(field, text);
  if (value === null) return `Enter a whole number from ${formatCount(field.min)} to ${formatCount(field.max)}.`;
  if (field.key === 'cacheWritePercent' && workload.cacheReadPercent + value > 100) return 'Cache read and write shares together cannot exceed 100 %.';
  return null;
}

function sameWorkload(a: Workload, b: Workload): boolean {
  return WORKLOAD_FIELDS.every((f) => a[f.key] === b[f.key]) && a.per === b.per;
}

interface Props {
  workload: Workload;
  drafts: Record<string, string>;
  linkProblems: string[];
  models: PricedModel[] | null;
  onField: (field: Field, text: string) => void;
  onWorkload: (workload: Workload) => void;
  onCount: (count: number, target: 'inputTokens' | 'outputTokens') => void;
}

export default function WorkloadForm({ workload, drafts, linkProblems, models, onField, onWorkload, onCount }: Props) {
  const ids = useId();
  const activePreset = PRESETS.find((p) => sameWorkload(p.workload, workload));

  const renderField = (field: Field) => {
    const id = `${ids}-${field.param}`;
    const error = fieldError(field, drafts[field.key] ?? '', workload);
    return (
      <div className="calc-field" key={field.key}>
        <label htmlFor={id}>{field.label}</label>
        <input
          id={id}
          name={field.param}
          type="number"
          inputMode="numeric"
          min={field.min}
          max={field.max}
          step={1}
          value={drafts[field.key] ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onField(field, e.target.value)}
        />
        {error && (
          <span className="calc-error" id={`${id}-error`}>
            {error}
          </span>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby={`${ids}-workload`} className="calc-panel">
      <h2 id={`${ids}-workload`}>Workload</h2>
      <div className="calc-presets" role="group" aria-label="Typical workloads">
        {PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className={activePreset?.id === preset.id ? undefined : 'secondary'}
            aria-pressed={activePreset?.id === preset.id}
            title={preset.description}
            onClick={() => onWorkload(preset.workload)}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {activePreset && <p className="muted calc-preset-note">{activePreset.description}</p>}
      {linkProblems.length > 0 && (
        <ul className="calc-problems" aria-label="Problems in the link">
          {linkProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <fieldset className="calc-fieldset">
        <legend>Per request</legend>
        <div className="calc-grid">{PER_REQUEST_FIELDS.map(renderField)}</div>
      </fieldset>
      <fieldset className="calc-fieldset">
        <legend>Volume</legend>
        <div className="calc-grid">
          {REQUESTS_FIELD.map(renderField)}
          <div className="calc-field">
            <label htmlFor={`${ids}-per`}>Counted per</label>
            <select id={`${ids}-per`} name="per" value={workload.per} onChange={(e) => onWorkload({ ...workload, per: e.target.value === 'month' ? 'month' : 'day' })}>
              <option value="day">day</option>
              <option value="month">month</option>
            </select>
          </div>
          {DAYS_FIELD.map(renderField)}
        </div>
      </fieldset>
      <TokenCounter models={models} onUse={onCount} />
    </section>
  );
}
