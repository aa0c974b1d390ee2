/**
 * The cost calculator island: a workload form, the ranking of every offer (or every model at its
 * cheapest provider) by what the workload costs there, a chart of the cheapest, and token counts of
 * pasted text. A search that names a model shows that model first, at each of its providers, before
 * the ranking of everything the words match. It fetches the compact pricing file (/api/pricing.json) and checks it against its
 * schema rather than receiving it as props, keeps every input in the URL (replaceState) and reads it
 * back on load, so a shared link reproduces the result. Without inputs in the URL the server-rendered
 * ranking already answers the default workload, so the 1.5 MB file is fetched and ranked only once the
 * reader touches the form: ranking ~10,000 offers at load blocked the main thread for two seconds.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useState } from 'react';
import { fetchJson } from '../../lib/browser/fetch-json.ts';
import { calculatorQuery, DEFAULT_VIEW, TOP_CHOICES, viewFromParams, type CalculatorView } from '../../lib/calculator/calculator-url.ts';
import { modelMeant, rankOffers, selectedModel } from '../../lib/calculator/offer-ranking.ts';
import { fromPricingWire, PricingWire, type PricingPayload } from '../../lib/calculator/pricing-payload.ts';
import { statusText } from '../../lib/calculator/ranking-text.ts';
import { DEFAULT_PRESET, WORKLOAD_FIELDS, workloadFromParams, type Workload } from '../../lib/pricing/workload.ts';
import ErrorBoundary from '../ErrorBoundary.tsx';
import CheapestChart from './CheapestChart.tsx';
import ModelMeant from './ModelMeant.tsx';
import OtherOffers, { Highlight } from './OtherOffers.tsx';
import RankedOffers from './RankedOffers.tsx';
import RankingFilters from './RankingFilters.tsx';
import WorkloadForm, { draftsOf, fieldValue } from './WorkloadForm.tsx';
import './calculator.css';

interface Props {
  /** Where the compact pricing file is served. */
  dataUrl: string;
  /** The id of the server-rendered ranking, hidden once the island has its data. */
  fallbackId: string;
}

const PAGE_SIZE = 50;

export default function Calculator(props: Props) {
  return (
    <ErrorBoundary label="The calculator">
      <CalculatorIsland {...props} />
    </ErrorBoundary>
  );
}

function CalculatorIsland({ dataUrl, fallbackId }: Props) {
  const [payload, setPayload] = useState<PricingPayload | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [workload, setWorkload] = useState<Workload>(DEFAULT_PRESET.workload);
  const [drafts, setDrafts] = useState<Record<string, string>>(() => draftsOf(DEFAULT_PRESET.workload));
  const [view, setView] = useState<CalculatorView>(DEFAULT_VIEW);
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [ready, setReady] = useState(false);
  // Whether the reader asked for more than the server-rendered default: inputs in the URL or a touched form.
  const [wanted, setWanted] = useState(false);
  const ids = useId();

  // Layout effect: it runs in the hydrating commit itself, before any key the reader presses can
  // reach the form, so a shared link's state never overwrites what they typed. A bare URL carries no
  // state and leaves the form as it is.
  useLayoutEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.size > 0) {
      const read = workloadFromParams(params);
      setWorkload(read.workload);
      setDrafts(draftsOf(read.workload));
      setView(viewFromParams(params));
      setLinkProblems(read.problems);
      setWanted(true);
    }
    setReady(true);
  }, []);

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    fetchJson(dataUrl, PricingWire, { signal: controller.signal })
      .then((wire) => {
        setPayload(fromPricingWire(wire));
        const fallback = document.getElementById(fallbackId);
        if (fallback) fallback.hidden = true;
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoadError(`Prices could not be loaded (${error instanceof Error ? error.message : String(error)}). The ranking below is for the chat turn; reload the page to try again.`);
      });
    return () => controller.abort();
  }, [dataUrl, fallbackId, wanted]);

  useEffect(() => {
    if (!ready || !wanted) return;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${calculatorQuery(workload, view)}${window.location.hash}`);
  }, [workload, view, ready, wanted]);

  const cacheProblem = workload.cacheReadPercent + workload.cacheWritePercent > 100;
  const ranking = useMemo(() => (payload && !cacheProblem ? rankOffers(payload, workload, view) : null), [payload, workload, view, cacheProblem]);
  // A search names a model: its best match is shown first with its own offers, the ranking after it.
  const meant = useMemo(() => (payload && !cacheProblem ? modelMeant(payload, workload, view) : null), [payload, workload, view, cacheProblem]);
  // A link's selected model (the card's calculator link) is shown the same way, unless a search names one.
  const selected = useMemo(
    () => (payload && !cacheProblem && !meant && view.highlight ? selectedModel(payload, workload, view, view.highlight) : null),
    [payload, workload, view, cacheProblem, meant],
  );

  const setField = (field: (typeof WORKLOAD_FIELDS)[number], text: string) => {
    setDrafts((d) => ({ ...d, [field.key]: text }));
    const value = fieldValue(field, text);
    if (value !== null) setWorkload((w) => ({ ...w, [field.key]: value }));
  };

  const setWholeWorkload = useCallback((next: Workload) => {
    setWorkload(next);
    setDrafts(draftsOf(next));
  }, []);

  const applyCount = useCallback((count: number, target: 'inputTokens' | 'outputTokens') => {
    setWorkload((w) => ({ ...w, [target]: count }));
    setDrafts((d) => ({ ...d, [target]: String(count) }));
  }, []);

  // A new selection starts from its first page again: "show all" of thousands of offers is a choice made per list.
  const setViewField = <K extends keyof CalculatorView>(key: K, value: CalculatorView[K]) => {
    setView((v) => ({ ...v, [key]: value }));
    if (key !== 'highlight' && key !== 'top') setShowAll(false);
  };

  let status = wanted ? 'Loading prices…' : 'The ranking below answers the preset; change any input to rank every offer.';
  if (loadError) status = loadError;
  else if (cacheProblem) status = 'Cache read and write shares add up to more than 100 %; lower one of them to see costs.';
  else if (ranking) {
    const first = meant ? ` Best match for the search, shown first: ${meant.model.displayName}.` : selected ? ` Selected model, shown first: ${selected.model.displayName}.` : '';
    status = `${statusText(ranking, workload, view.onePerModel)}${first}`;
  }

  return (
    <div className="calculator" data-ready={payload ? 'true' : 'false'} onFocusCapture={() => setWanted(true)} onChangeCapture={() => setWanted(true)}>
      <WorkloadForm
        workload={workload}
        drafts={drafts}
        linkProblems={linkProblems}
        models={payload?.models ?? null}
        onField={setField}
        onWorkload={setWholeWorkload}
        onCount={applyCount}
      />
      <section aria-labelledby={`${ids}-results`} className="calc-results">
        <h2 id={`${ids}-results`}>What it costs</h2>
        <RankingFilters view={view} payload={payload} promptTokens={workload.inputTokens} onChange={setViewField} />
        <p role="status" aria-live="polite" className={loadError ? 'calc-status calc-load-error' : 'calc-status'} data-testid="calc-status">
          {status}
        </p>
        {ranking && (
          <>
            {meant && (
              <ModelMeant meant={meant} kicker={`Best match for “${view.query.trim()}”`} ranking={ranking} onePerModel={view.onePerModel} workload={workload} onPick={(id) => setViewField('query', id)} />
            )}
            {selected && (
              <ModelMeant meant={selected} kicker="Selected model" ranking={ranking} onePerModel={view.onePerModel} workload={workload} onPick={(id) => setViewField('query', id)} onClear={() => setViewField('highlight', '')} />
            )}
            {!meant && !selected && <Highlight ranking={ranking} id={view.highlight} onClear={() => setViewField('highlight', '')} />}
            <CheapestChart rows={ranking.ranked.slice(0, view.top)} top={view.top} onTopChange={(n) => setViewField('top', n)} choices={TOP_CHOICES} />
            <RankedOffers
              rows={showAll ? ranking.ranked : ranking.ranked.slice(0, PAGE_SIZE)}
              total={ranking.ranked.length}
              highlight={view.highlight}
              workload={workload}
              onePerModel={view.onePerModel}
              onShowAll={showAll || ranking.ranked.length <= PAGE_SIZE ? null : () => setShowAll(true)}
            />
            <OtherOffers ranking={ranking} />
          </>
        )}
      </section>
    </div>
  );
}
