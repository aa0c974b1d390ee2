/**
 * One prompt, up to four models, side by side. Each column streams on its own, with its own Stop
 * and metrics; the results table sums the runs up. The model list is fetched from a static JSON
 * file rather than passed as island props, so the page HTML stays small.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { formatPricePerMillion, formatUsd } from '../../lib/format/format.ts';
import { sumCosts } from '../../lib/pricing/pricing.ts';
import type { CostEstimate } from '../../lib/trial/cost.ts';
import { PLAYGROUND_MAX_MODELS, modelsFromQuery, playgroundQuery, readTrialModels, type TrialModel } from '../../lib/trial/models.ts';
import { buildTrialRequest, type BuiltRequest } from '../../lib/trial/request.ts';
import { isRunning, runFigures, type TrialRun } from '../../lib/trial/run.ts';
import { CopyAsCode } from './CopyAsCode.tsx';
import { PromptForm } from './PromptForm.tsx';
import { RunView, estimateText, safeEstimate, safeRunCost, type RenderMode } from './RunView.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import ModelPicker from '../compare/ModelPicker.tsx';
import { useTrialRun } from './useTrialRun.ts';
import { useTrialSettings } from './useTrialSettings.ts';
import './live-trial.css';

interface Job {
  round: number;
  request: Extract<BuiltRequest, { ok: true }>['stream'];
}

/** "$0.02/M in · $0.03/M out": what a column's model costs, so its estimate can be read against it. */
function pricesText(pricing: NonNullable<TrialModel['pricing']>): string {
  return `${formatPricePerMillion(pricing.perMillionTokens.input)} in · ${formatPricePerMillion(pricing.perMillionTokens.output)} out`;
}

function servedByOpenRouter(baseUrl: string): boolean {
  try {
    return new URL(baseUrl.trim()).hostname.endsWith('openrouter.ai');
  } catch {
    return true;
  }
}

function unknownModel(id: string): TrialModel {
  return { id, displayName: id, pricing: null, contextLength: null, created: '' };
}

function Column(props: {
  model: TrialModel;
  job: Job | null;
  stopAll: number;
  mode: RenderMode;
  estimate: CostEstimate | null;
  onRun(id: string, run: TrialRun | null): void;
  onRemove(id: string): void;
}) {
  const { model, job, stopAll, mode, estimate, onRun, onRemove } = props;
  const { run, send, stop } = useTrialRun();
  useEffect(() => {
    if (job) void send(job.request);
  }, [job, send]);
  useEffect(() => {
    if (stopAll > 0) stop();
  }, [stopAll, stop]);
  useEffect(() => {
    onRun(model.id, run);
  }, [model.id, run, onRun]);
  const running = isRunning(run);
  return (
    <section className="playground-column" aria-label={model.displayName}>
      <header className="playground-column-head">
        <h2>{model.displayName}</h2>
        <code>{model.id}</code>
        <p className="trial-hint">{model.pricing === null ? 'Not in the catalog: the cost is shown only if the server reports it.' : pricesText(model.pricing)}</p>
        <div className="trial-actions">
          <button type="button" className="secondary" onClick={stop} disabled={!running} aria-label={`Stop ${model.displayName}`}>
            Stop
          </button>
          <button type="button" className="secondary" onClick={() => onRemove(model.id)} disabled={running} aria-label={`Remove ${model.displayName}`}>
            Remove
          </button>
        </div>
      </header>
      {run === null ? <p className="trial-hint">No answer yet.</p> : <RunView run={run} pricing={model.pricing} estimate={estimate} mode={mode} />}
    </section>
  );
}

export default function Playground() {
  const id = useId();
  const settingsState = useTrialSettings();
  const { settings, apiKey } = settingsState;
  const [catalog, setCatalog] = useState<Map<string, TrialModel>>(new Map());
  const [catalogProblem, setCatalogProblem] = useState<string | null>(null);
  /** Columns wait for the model list, so that a column's name and prices do not change under the reader. */
  const [catalogSettled, setCatalogSettled] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [prompt, setPrompt] = useState('');
  const [mode, setMode] = useState<RenderMode>('markdown');
  const [problem, setProblem] = useState<string | null>(null);
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const [estimates, setEstimates] = useState<Record<string, CostEstimate | null>>({});
  const [stopAll, setStopAll] = useState(0);
  const [runs, setRuns] = useState<Record<string, TrialRun | null>>({});

  useEffect(() => {
    setSelected(modelsFromQuery(window.location.search));
    fetch('/api/trial-models.json')
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((json) => setCatalog(new Map(readTrialModels(json).map((m) => [m.id, m]))))
      .catch((error: Error) => setCatalogProblem(`The model list could not be loaded (${error.message}); you can still type a model id.`))
      .finally(() => setCatalogSettled(true));
  }, []);

  const updateUrl = (ids: string[]) => {
    const query = playgroundQuery(window.location.search, ids);
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  };

  const addModel = (modelId: string) => {
    if (selected.includes(modelId)) {
      setProblem(`${modelId} is already in the comparison.`);
      return;
    }
    if (selected.length >= PLAYGROUND_MAX_MODELS) {
      setProblem(`At most ${PLAYGROUND_MAX_MODELS} models at once: remove one first.`);
      return;
    }
    // OpenRouter answers only the ids it lists; another server (Ollama, vLLM…) has ids of its own.
    if (!catalog.has(modelId) && catalog.size > 0 && servedByOpenRouter(settings.baseUrl)) {
      setProblem(`“${modelId}” is not a model in the catalog: pick one from the list, or set another base URL to use your own server's model ids.`);
      return;
    }
    const next = [...selected, modelId];
    setSelected(next);
    updateUrl(next);
    setProblem(null);
  };

  const removeModel = useCallback((modelId: string) => {
    // A model added again later must not replay its old job.
    setJobs(({ [modelId]: _job, ...rest }) => rest);
    setRuns(({ [modelId]: _run, ...rest }) => rest);
    setSelected((previous) => {
      const next = previous.filter((m) => m !== modelId);
      updateUrl(next);
      return next;
    });
  }, []);

  const onRun = useCallback((modelId: string, run: TrialRun | null) => setRuns((previous) => (previous[modelId] === run ? previous : { ...previous, [modelId]: run })), []);

  const models = useMemo(() => selected.map((m) => catalog.get(m) ?? unknownModel(m)), [selected, catalog]);
  const pickerModels = useMemo(() => [...catalog.values()], [catalog]);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const anyRunning = models.some((m) => isRunning(runs[m.id] ?? null));

  const sendAll = (event: React.FormEvent) => {
    event.preventDefault();
    if (models.length === 0) {
      setProblem('Add at least one model first.');
      return;
    }
    const nextJobs: Record<string, Job> = {};
    const nextEstimates: Record<string, CostEstimate | null> = {};
    for (const model of models) {
      const built = buildTrialRequest(model.id, prompt, settings, apiKey);
      if (!built.ok) {
        setProblem(built.problem);
        return;
      }
      nextJobs[model.id] = { round: (jobs[model.id]?.round ?? 0) + 1, request: built.stream };
      nextEstimates[model.id] = safeEstimate(model.pricing, settings.systemPrompt, prompt, settings.maxTokens);
    }
    setProblem(null);
    setEstimates(nextEstimates);
    setJobs(nextJobs);
  };

  const finishedRows = models.map((m) => ({ model: m, run: runs[m.id] ?? null })).filter((row): row is { model: TrialModel; run: TrialRun } => row.run !== null);
  const costs = finishedRows.map((row) => ({ row, cost: isRunning(row.run) ? null : safeRunCost(row.model.pricing, row.run) }));
  const knownCosts = costs.flatMap(({ cost }) => (cost && cost.kind !== 'none' ? [cost.total] : []));
  const codeRequest = buildTrialRequest(models[0]?.id ?? '', prompt, settings, apiKey, false);

  return (
    <div className="live-trial playground" data-ready={settingsState.loaded ? '' : undefined}>
      <SettingsPanel state={settingsState} />
      <div className="playground-picker">
        <ModelPicker
          inputId={`${id}-add`}
          models={pickerModels}
          exclude={chosen}
          onPick={(model) => addModel(model.id)}
          onPickText={addModel}
          disabledReason={selected.length >= PLAYGROUND_MAX_MODELS ? `At most ${PLAYGROUND_MAX_MODELS} models at once: remove one to add another.` : null}
          label={`Add a model (${selected.length} of ${PLAYGROUND_MAX_MODELS})`}
          placeholder="Search by name or id, e.g. llama 3.1 8b"
          hint="Type to search, use the arrow keys to choose and Enter to add. With another base URL, Enter adds the id as typed."
        />
        {catalogProblem && <p className="trial-hint">{catalogProblem}</p>}
      </div>
      <PromptForm
        id={`${id}-prompt`}
        label="Prompt for every model"
        prompt={prompt}
        onPromptChange={setPrompt}
        hint={
          prompt.trim() !== '' &&
          models.length > 0 && (
            <ul className="trial-hint trial-estimate" aria-label="Estimated cost before sending">
              {models.map((m) => {
                const estimate = safeEstimate(m.pricing, settings.systemPrompt, prompt, settings.maxTokens);
                return <li key={m.id}>{m.displayName}: {estimate ? estimateText(estimate) : 'unknown'}</li>;
              })}
            </ul>
          )
        }
        sendLabel="Send to all"
        stopLabel="Stop all"
        running={anyRunning}
        onSend={sendAll}
        onStop={() => setStopAll((n) => n + 1)}
        modeLabel="Show answers as"
        mode={mode}
        onModeChange={setMode}
        problem={problem}
      />
      {/* Its height is reserved (CSS) so the columns arriving after hydration move nothing below. */}
      <div className="playground-area">
        {!catalogSettled ? (
          <p className="trial-hint">Loading the model list…</p>
        ) : models.length === 0 ? (
          <p className="trial-hint">Add up to four models to compare them on the same prompt.</p>
        ) : (
          <div className="playground-columns" data-count={models.length}>
            {models.map((model) => (
              <Column
                key={model.id}
                model={model}
                job={jobs[model.id] ?? null}
                stopAll={stopAll}
                mode={mode}
                estimate={estimates[model.id] ?? null}
                onRun={onRun}
                onRemove={removeModel}
              />
            ))}
          </div>
        )}
      </div>
      {finishedRows.length > 0 && (
        <section className="playground-results" aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>Results</h2>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Results table, scrolls sideways">
            <table>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="num">First token</th>
                  <th scope="col" className="num">Speed</th>
                  <th scope="col" className="num">Total time</th>
                  <th scope="col" className="num">Prompt tokens</th>
                  <th scope="col" className="num">Completion tokens</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Estimated</th>
                </tr>
              </thead>
              <tbody>
                {costs.map(({ row, cost }) => {
                  const figures = runFigures(row.run);
                  const outcome = isRunning(row.run)
                    ? 'running'
                    : row.run.phase === 'done'
                      ? `done (${row.run.finishReason ?? 'no finish reason'})`
                      : row.run.phase === 'stopped'
                        ? 'stopped'
                        : `failed${row.run.failure?.kind === 'http' ? `: HTTP ${row.run.failure.status}` : row.run.failure ? `: ${row.run.failure.kind}` : ''}`;
                  const estimate = estimates[row.model.id];
                  return (
                    <tr key={row.model.id}>
                      <th scope="row">
                        {row.model.displayName}
                        {row.run.provider ? <span className="trial-hint"> via {row.run.provider}</span> : null}
                      </th>
                      <td>{outcome}</td>
                      <td className="num">{figures.timeToFirstToken}</td>
                      <td className="num">{figures.rate}</td>
                      <td className="num">{figures.totalTime}</td>
                      <td className="num">{figures.promptTokens}</td>
                      <td className="num">{figures.completionTokens}</td>
                      <td>{cost ? (cost.kind === 'none' ? 'unknown' : `${formatUsd(cost.total)} ${cost.kind}`) : '–'}</td>
                      <td>{estimate && estimate.cost.kind !== 'none' ? `up to ${formatUsd(estimate.cost.total)}` : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All models</th>
                  <td colSpan={6}>
                    {finishedRows.filter((r) => r.run.phase === 'done').length} of {finishedRows.length} finished
                  </td>
                  <td data-metric="total-cost">{knownCosts.length > 0 ? formatUsd(sumCosts(knownCosts)) : '–'}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      )}
      <CopyAsCode request={codeRequest.ok ? codeRequest.sample : null} problem={codeRequest.ok ? null : codeRequest.problem} />
    </div>
  );
}
