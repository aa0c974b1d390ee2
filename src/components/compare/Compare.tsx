/**
 * The interactive comparison at /compare/. The URL is the state: `?models=a,b,c` (plus optional
 * workload and KV-context parameters) is read on load and on Back/Forward; adding or removing a model
 * pushes a history entry, editing the workload replaces the current one. The catalog arrives as one
 * compact JSON file (/api/compare.json), never through props.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  MAX_COMPARE,
  MIN_COMPARE,
  compareRows,
  compareUrl,
  parseCompareQuery,
  resolveIds,
  type CompareData,
  type CompareModel,
  type CompareState,
  type Workload,
} from '../../lib/compare/compare.ts';
import { CompareData as CompareDataSchema } from '../../lib/compare/compare-payload.ts';
import { fetchJson } from '../../lib/browser/fetch-json.ts';
import { formatCount } from '../../lib/format/format.ts';
import ErrorBoundary from '../ErrorBoundary.tsx';
import CompareTable from './CompareTable.tsx';
import CompareCharts from './CompareCharts.tsx';
import ModelPicker, { type PickerModel } from './ModelPicker.tsx';

interface Props {
  dataUrl: string;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: CompareData; byId: Map<string, CompareModel> };

const WORKLOAD_FIELDS: { field: 'inputTokens' | 'outputTokens' | 'cacheReadPercent' | 'cacheWritePercent' | 'requests'; label: string; max: number; suffix?: string }[] = [
  { field: 'inputTokens', label: 'Input tokens per request', max: 100_000_000 },
  { field: 'outputTokens', label: 'Output tokens per request', max: 100_000_000 },
  { field: 'cacheReadPercent', label: 'Share of input read from cache', max: 100, suffix: '%' },
  { field: 'cacheWritePercent', label: 'Share of input written to cache', max: 100, suffix: '%' },
  { field: 'requests', label: 'Requests per day', max: 1_000_000_000 },
];

function NumberField({ id, label, value, max, suffix, onValue }: {
  id: string;
  label: string;
  value: number;
  max: number;
  suffix?: string;
  onValue: (value: number) => void;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const valid = /^\d+$/.test(text.trim()) && Number(text) <= max;
  const errorId = `${id}-error`;
  return (
    <div className="number-field">
      <label htmlFor={id}>{label}</label>
      <span className="number-input">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          step={1}
          value={text}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : errorId}
          onChange={(event) => {
            setText(event.target.value);
            const next = event.target.value.trim();
            if (/^\d+$/.test(next) && Number(next) <= max) onValue(Number(next));
          }}
        />
        {suffix ? <span aria-hidden="true">{suffix}</span> : null}
      </span>
      {valid ? null : (
        <span id={errorId} className="field-error">
          Enter a whole number from 0 to {formatCount(max)}.
        </span>
      )}
    </div>
  );
}

export default function Compare(props: Props) {
  return (
    <ErrorBoundary label="The comparison">
      <CompareApp {...props} />
    </ErrorBoundary>
  );
}

function CompareApp({ dataUrl }: Props) {
  const [state, setState] = useState<CompareState>(() => parseCompareQuery(window.location.search));
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    let cancelled = false;
    fetchJson(dataUrl, CompareDataSchema)
      .then((data) => {
        if (!cancelled) setLoad({ state: 'ready', data, byId: new Map(data.models.map((m) => [m.id, m])) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [dataUrl]);

  useEffect(() => {
    const onPop = () => setState(parseCompareQuery(window.location.search));
    window.addEventListener('popstate', onPop);
    // A checkbox form submits ?compare=a&compare=b: rewrite it to the canonical ?models=a,b.
    if (new URLSearchParams(window.location.search).has('compare')) {
      const initial = parseCompareQuery(window.location.search);
      window.history.replaceState(null, '', compareUrl(initial.ids, initial));
    }
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((next: Pick<CompareState, 'ids' | 'workload' | 'kvContext'>, mode: 'push' | 'replace') => {
    const url = compareUrl(next.ids, next);
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(parseCompareQuery(new URL(url, window.location.href).search));
  }, []);

  const resolved = useMemo(
    () => (load.state === 'ready' ? resolveIds(state.ids, (id) => load.byId.get(id)) : { models: [], unknown: [] }),
    [load, state.ids],
  );
  const knownIds = resolved.models.map((m) => m.id);
  const exclude = useMemo(() => new Set(knownIds), [knownIds.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps
  const groups = useMemo(
    () => compareRows(resolved.models, { workload: state.workload, kvContext: state.kvContext }),
    [resolved.models, state.workload, state.kvContext],
  );

  const add = (model: PickerModel) => {
    navigate({ ...state, ids: [...knownIds, model.id] }, 'push');
    setAnnouncement(`Added ${model.displayName}. Comparing ${knownIds.length + 1} models.`);
  };
  const remove = (id: string) => {
    const name = load.state === 'ready' ? (load.byId.get(id)?.displayName ?? id) : id;
    navigate({ ...state, ids: knownIds.filter((known) => known !== id) }, 'push');
    setAnnouncement(`Removed ${name}. Comparing ${knownIds.length - 1} models.`);
  };
  const setWorkload = (field: keyof Workload, value: number) => navigate({ ...state, ids: knownIds, workload: { ...state.workload, [field]: value } }, 'replace');

  if (load.state === 'loading') return <p className="compare-status" role="status">Loading the catalog…</p>;
  if (load.state === 'error') {
    return (
      <p className="notice error" role="alert">
        The model catalog could not be loaded ({load.message}). Reload the page to try again, or use the curated comparisons below.
      </p>
    );
  }

  const { models, unknown } = resolved;
  const full = models.length >= MAX_COMPARE;
  const caption = `Comparison of ${models.map((m) => m.displayName).join(', ')}`;
  return (
    <div className="compare-app">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <section aria-labelledby="compare-models-heading" className="compare-controls">
        <h2 id="compare-models-heading">Models ({models.length} of up to {MAX_COMPARE})</h2>
        {models.length > 0 ? (
          <ol className="chosen">
            {models.map((m) => (
              <li key={m.id} data-model-id={m.id}>
                <span className="chosen-name">{m.displayName}</span> <code>{m.id}</code>
                <button type="button" className="secondary" onClick={() => remove(m.id)} aria-label={`Remove ${m.displayName}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        {unknown.length > 0 ? (
          <div className="notice warn" role="note" data-testid="unknown-ids">
            <p>
              {unknown.length === 1 ? 'This id is' : 'These ids are'} not in the catalog (as of {load.data.asOf}), so{' '}
              {unknown.length === 1 ? 'it is' : 'they are'} left out:{' '}
              {unknown.map((id, i) => (
                <span key={id}>
                  {i > 0 ? ', ' : ''}
                  <code>{id}</code>
                </span>
              ))}
              . Check the spelling, or search for the model below.
            </p>
          </div>
        ) : null}
        {state.overflow.length > 0 ? (
          <p className="notice warn" role="note">
            Up to {MAX_COMPARE} models can be compared; left out: {state.overflow.join(', ')}.
          </p>
        ) : null}
        {state.duplicates.length > 0 ? (
          <p className="notice" role="note">
            Listed twice, shown once: {[...new Set(state.duplicates)].join(', ')}.
          </p>
        ) : null}
        <ModelPicker
          models={load.data.models}
          exclude={exclude}
          onPick={add}
          disabledReason={full ? `${MAX_COMPARE} models is the most this page compares; remove one to add another.` : null}
        />
        {models.length < MIN_COMPARE ? (
          <p className="notice">
            {models.length === 0 ? 'Add two to six models to compare them.' : 'Add at least one more model to compare.'}
          </p>
        ) : null}
      </section>

      {models.length > 0 ? (
        <>
          <section aria-labelledby="workload-heading" className="workload">
            <h2 id="workload-heading">Your workload</h2>
            <p className="muted">Costs in the table and charts follow these figures; the link keeps them.</p>
            <div className="workload-fields">
              {WORKLOAD_FIELDS.map(({ field, label, max, suffix }) => (
                <NumberField
                  key={field}
                  id={`workload-${field}`}
                  label={label}
                  value={state.workload[field]}
                  max={max}
                  {...(suffix ? { suffix } : {})}
                  onValue={(value) => setWorkload(field, value)}
                />
              ))}
              <NumberField
                id="kv-context"
                label="KV cache sized at (tokens)"
                value={state.kvContext}
                max={100_000_000}
                onValue={(value) => value > 0 && navigate({ ...state, ids: knownIds, kvContext: value }, 'replace')}
              />
            </div>
          </section>
          <section aria-labelledby="table-heading">
            <h2 id="table-heading">Side by side</h2>
            <CompareTable models={models} groups={groups} caption={caption} onRemove={remove} />
          </section>
          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading">Charts</h2>
            <CompareCharts models={models} asOf={load.data.asOf} workload={state.workload} />
          </section>
        </>
      ) : null}
    </div>
  );
}
