/**
 * The cost calculator island: a workload form, the ranking of every model by what the workload
 * costs on it, a chart of the cheapest, and token counts of pasted text. It fetches the compact
 * pricing catalog (/api/pricing.json) rather than receiving it as props, keeps every input in the
 * URL (replaceState) and reads it back on load, so a shared link reproduces the result.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { formatCount, formatDiscount, formatUsd, formatUsdRounded } from '../../lib/format/format.ts';
import { DIMENSION_LABELS, type CostLine } from '../../lib/pricing/pricing.ts';
import {
  DEFAULT_PRESET,
  PRESETS,
  rankModels,
  WORKLOAD_FIELDS,
  workloadFromParams,
  workloadToParams,
  type PricedModel,
  type PricedRow,
  type Ranking,
  type Workload,
} from '../../lib/pricing/workload.ts';
import { modelPath } from '../../lib/format/slug.ts';
import CheapestChart from './CheapestChart.tsx';
import TokenCounter from './TokenCounter.tsx';
import './calculator.css';

interface Props {
  /** Where the compact pricing catalog is served. */
  dataUrl: string;
  /** The id of the server-rendered fallback, hidden once the island has its data. */
  fallbackId: string;
}

interface Filters {
  query: string;
  author: string;
  tag: string;
  retired: boolean;
  top: number;
  highlight: string;
}

type WorkloadKey = keyof Workload;

const EMPTY_FILTERS: Filters = { query: '', author: '', tag: '', retired: false, top: 10, highlight: '' };
const PAGE_SIZE = 50;
const TOP_CHOICES = [5, 10, 20] as const;
const NUMERIC_FIELDS = WORKLOAD_FIELDS.filter((f) => f.key !== 'requests' && f.key !== 'daysPerMonth');
const VOLUME_FIELDS = WORKLOAD_FIELDS.filter((f) => f.key === 'requests' || f.key === 'daysPerMonth');

function draftsOf(workload: Workload): Record<string, string> {
  return Object.fromEntries(WORKLOAD_FIELDS.map((f) => [f.key, String(workload[f.key])]));
}

function filtersFromParams(params: URLSearchParams): Filters {
  const top = Number(params.get('top'));
  return {
    query: params.get('q') ?? '',
    author: params.get('author') ?? '',
    tag: params.get('tag') ?? '',
    retired: params.get('retired') === '1',
    top: (TOP_CHOICES as readonly number[]).includes(top) ? top : EMPTY_FILTERS.top,
    highlight: params.get('model') ?? '',
  };
}

function stateToQuery(workload: Workload, filters: Filters): string {
  const params = workloadToParams(workload);
  if (filters.query) params.set('q', filters.query);
  if (filters.author) params.set('author', filters.author);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.retired) params.set('retired', '1');
  if (filters.top !== EMPTY_FILTERS.top) params.set('top', String(filters.top));
  if (filters.highlight) params.set('model', filters.highlight);
  return params.toString();
}

function sameWorkload(a: Workload, b: Workload): boolean {
  return WORKLOAD_FIELDS.every((f) => a[f.key] === b[f.key]) && a.per === b.per;
}

function matches(model: PricedModel, filters: Filters): boolean {
  if (!model.listed && !filters.retired) return false;
  if (filters.author && model.author !== filters.author) return false;
  if (filters.tag && !model.tags.includes(filters.tag)) return false;
  if (filters.query) {
    const needle = filters.query.toLowerCase();
    if (!model.displayName.toLowerCase().includes(needle) && !model.id.toLowerCase().includes(needle)) return false;
  }
  return true;
}

export default function Calculator({ dataUrl, fallbackId }: Props) {
  const [models, setModels] = useState<PricedModel[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [workload, setWorkload] = useState<Workload>(DEFAULT_PRESET.workload);
  const [drafts, setDrafts] = useState<Record<string, string>>(() => draftsOf(DEFAULT_PRESET.workload));
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [linkProblems, setLinkProblems] = useState<string[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [ready, setReady] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const changeStarted = useRef<number | null>(null);
  const ids = useId();

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const read = workloadFromParams(params);
    setWorkload(read.workload);
    setDrafts(draftsOf(read.workload));
    setFilters(filtersFromParams(params));
    setLinkProblems(read.problems);
    setReady(true);
    fetch(dataUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${dataUrl} answered HTTP ${response.status}`);
        return response.json() as Promise<{ models: PricedModel[] }>;
      })
      .then((body) => {
        setModels(body.models);
        const fallback = document.getElementById(fallbackId);
        if (fallback) fallback.hidden = true;
      })
      .catch((error: unknown) => setLoadError(`Prices could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`));
  }, [dataUrl, fallbackId]);

  useEffect(() => {
    if (!ready) return;
    const query = stateToQuery(workload, filters);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}${window.location.hash}`);
  }, [workload, filters, ready]);

  const visible = useMemo(() => (models ?? []).filter((m) => matches(m, filters)), [models, filters]);
  const ranking: Ranking | null = useMemo(() => (models ? rankModels(visible, workload) : null), [models, visible, workload]);

  // How long an input change takes to show: from the event to the DOM holding the new ranking.
  useLayoutEffect(() => {
    if (changeStarted.current === null || !rootRef.current) return;
    rootRef.current.dataset.rankMs = (performance.now() - changeStarted.current).toFixed(2);
    changeStarted.current = null;
  }, [ranking]);

  const markChange = () => {
    changeStarted.current = performance.now();
  };

  const setField = (key: WorkloadKey, text: string) => {
    markChange();
    setDrafts((d) => ({ ...d, [key]: text }));
    const field = WORKLOAD_FIELDS.find((f) => f.key === key);
    const value = Number(text);
    if (!field || text.trim() === '' || !Number.isInteger(value) || value < field.min || value > field.max) return;
    setWorkload((w) => ({ ...w, [key]: value }));
  };

  const setWorkloadFrom = useCallback((next: Workload) => {
    changeStarted.current = performance.now();
    setWorkload(next);
    setDrafts(draftsOf(next));
  }, []);

  const applyCount = useCallback(
    (count: number, target: 'inputTokens' | 'outputTokens') => {
      changeStarted.current = performance.now();
      setWorkload((w) => ({ ...w, [target]: count }));
      setDrafts((d) => ({ ...d, [target]: String(count) }));
    },
    [],
  );

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    markChange();
    setFilters((f) => ({ ...f, [key]: value }));
  };

  const fieldError = (key: WorkloadKey): string | null => {
    const field = WORKLOAD_FIELDS.find((f) => f.key === key);
    const text = drafts[key] ?? '';
    if (!field) return null;
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < field.min || value > field.max) {
      return `Enter a whole number from ${formatCount(field.min)} to ${formatCount(field.max)}.`;
    }
    if (key === 'cacheWritePercent' && workload.cacheReadPercent + value > 100) return 'Cache read and write shares together cannot exceed 100 %.';
    return null;
  };

  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const m of models ?? []) if (m.listed || filters.retired) byId.set(m.author, m.authorLabel);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], 'en'));
  }, [models, filters.retired]);
  const tags = useMemo(() => [...new Set((models ?? []).flatMap((m) => m.tags))].sort(), [models]);

  const cacheProblem = workload.cacheReadPercent + workload.cacheWritePercent > 100;
  const activePreset = PRESETS.find((p) => sameWorkload(p.workload, workload));

  const renderField = (field: (typeof WORKLOAD_FIELDS)[number]) => {
    const id = `${ids}-${field.param}`;
    const error = fieldError(field.key);
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
          onChange={(e: ChangeEvent<HTMLInputElement>) => setField(field.key, e.target.value)}
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
    <div className="calculator" ref={rootRef} data-ready={models ? 'true' : 'false'}>
      <section aria-labelledby={`${ids}-workload`} className="calc-panel">
        <h2 id={`${ids}-workload`}>Workload</h2>
        <div className="calc-presets" role="group" aria-label="Presets">
          {PRESETS.map((preset) => (
            <button
              key={preset.id}
              type="button"
              className={activePreset?.id === preset.id ? undefined : 'secondary'}
              aria-pressed={activePreset?.id === preset.id}
              title={preset.description}
              onClick={() => setWorkloadFrom(preset.workload)}
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
          <div className="calc-grid">{NUMERIC_FIELDS.map(renderField)}</div>
        </fieldset>
        <fieldset className="calc-fieldset">
          <legend>Volume</legend>
          <div className="calc-grid">
            {VOLUME_FIELDS.filter((f) => f.key === 'requests').map(renderField)}
            <div className="calc-field">
              <label htmlFor={`${ids}-per`}>Counted per</label>
              <select
                id={`${ids}-per`}
                name="per"
                value={workload.per}
                onChange={(e) => {
                  markChange();
                  setWorkload((w) => ({ ...w, per: e.target.value === 'month' ? 'month' : 'day' }));
                }}
              >
                <option value="day">day</option>
                <option value="month">month</option>
              </select>
            </div>
            {VOLUME_FIELDS.filter((f) => f.key === 'daysPerMonth').map(renderField)}
          </div>
        </fieldset>
        <TokenCounter models={models} onUse={applyCount} />
      </section>

      <section aria-labelledby={`${ids}-results`} className="calc-results">
        <h2 id={`${ids}-results`}>What it costs</h2>
        <div className="calc-filters" role="search" aria-label="Filter models">
          <div className="calc-field">
            <label htmlFor={`${ids}-q`}>Search models</label>
            <input id={`${ids}-q`} type="search" value={filters.query} onChange={(e) => setFilter('query', e.target.value)} placeholder="name or id" />
          </div>
          <div className="calc-field">
            <label htmlFor={`${ids}-author`}>Author</label>
            <select id={`${ids}-author`} value={filters.author} onChange={(e) => setFilter('author', e.target.value)}>
              <option value="">All authors</option>
              {authors.map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="calc-field">
            <label htmlFor={`${ids}-tag`}>Tag</label>
            <select id={`${ids}-tag`} value={filters.tag} onChange={(e) => setFilter('tag', e.target.value)}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div className="calc-check">
            <input id={`${ids}-retired`} type="checkbox" checked={filters.retired} onChange={(e) => setFilter('retired', e.target.checked)} />
            <label htmlFor={`${ids}-retired`}>Include retired models (last known prices)</label>
          </div>
        </div>

        <p role="status" aria-live="polite" className="calc-status" data-testid="calc-status">
          {loadError ?? (ranking ? statusText(ranking, workload, cacheProblem) : 'Loading prices…')}
        </p>

        {ranking && !cacheProblem && (
          <>
            <Highlight ranking={ranking} id={filters.highlight} onClear={() => setFilter('highlight', '')} />
            <CheapestChart rows={ranking.ranked.slice(0, filters.top)} top={filters.top} onTopChange={(n) => setFilter('top', n)} choices={TOP_CHOICES} />
            <RankedTable
              rows={showAll ? ranking.ranked : ranking.ranked.slice(0, PAGE_SIZE)}
              total={ranking.ranked.length}
              highlight={filters.highlight}
              workload={workload}
              onShowAll={showAll || ranking.ranked.length <= PAGE_SIZE ? null : () => setShowAll(true)}
            />
            <OtherModels ranking={ranking} />
          </>
        )}
      </section>
    </div>
  );
}

function statusText(ranking: Ranking, workload: Workload, cacheProblem: boolean): string {
  if (cacheProblem) return 'Cache read and write shares add up to more than 100 %; lower one of them to see costs.';
  const cheapest = ranking.ranked[0];
  const extra = `${ranking.free.length} free, ${ranking.variable.length} variable-price, ${ranking.cannotServe.length} cannot serve it.`;
  if (!cheapest) return `No paid model in this selection serves this workload. ${extra}`;
  const volume = `${formatCount(workload.requests)} requests a ${workload.per}`;
  return `Cheapest of ${ranking.ranked.length} ranked models: ${cheapest.model.displayName} at ${formatUsdRounded(cheapest.costs.perRequest)} per request, ${formatUsdRounded(cheapest.costs.perMonth)} per month for ${volume}. ${extra}`;
}

function Highlight({ ranking, id, onClear }: { ranking: Ranking; id: string; onClear: () => void }) {
  if (!id) return null;
  const rank = ranking.ranked.findIndex((r) => r.model.id === id);
  const row = ranking.ranked[rank];
  const free = ranking.free.find((r) => r.model.id === id);
  const variable = ranking.variable.find((r) => r.model.id === id);
  const cannot = ranking.cannotServe.find((r) => r.model.id === id);
  let text: string;
  if (row) text = `${row.model.displayName} ranks #${rank + 1} of ${ranking.ranked.length}: ${formatUsdRounded(row.costs.perRequest)} per request, ${formatUsdRounded(row.costs.perMonth)} per month.`;
  else if (free) text = `${free.model.displayName} serves this workload free of charge.`;
  else if (variable) text = `${variable.model.displayName} has a variable price: ${variable.reason}.`;
  else if (cannot) text = `${cannot.model.displayName} cannot serve this workload: ${cannot.reasons.join('; ')}.`;
  else text = `The selected model (${id}) is not in the current selection of models.`;
  return (
    <div className="calc-highlight" data-testid="calc-highlight">
      <p>
        <strong>Selected model.</strong> {text}
      </p>
      <button type="button" className="secondary" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

function tierText(row: PricedRow): string | null {
  const notes: string[] = [];
  if (row.tier) notes.push(`prompt ≥ ${formatCount(row.tier.minPromptTokens)} tokens tier`);
  if (row.discount) notes.push(formatDiscount(row.discount));
  if (!row.model.listed) notes.push('retired');
  return notes.length > 0 ? notes.join(', ') : null;
}

function RankedTable({
  rows,
  total,
  highlight,
  workload,
  onShowAll,
}: {
  rows: PricedRow[];
  total: number;
  highlight: string;
  workload: Workload;
  onShowAll: (() => void) | null;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const baseId = useId();
  return (
    <div className="table-scroll">
      <table className="calc-table" data-testid="calc-ranked">
        <caption>
          Paid models ranked by cost, cheapest first ({formatCount(rows.length)} of {formatCount(total)} shown), for {formatCount(workload.requests)} requests a {workload.per}
          {workload.per === 'day' ? ` over ${workload.daysPerMonth} days a month` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Per request
            </th>
            <th scope="col" className="num calc-per-day">
              Per day
            </th>
            <th scope="col" className="num">
              Per month
            </th>
          </tr>
        </thead>
        {rows.map((row, index) => {
          const note = tierText(row);
          const isOpen = open.has(row.model.id);
          const detailId = `${baseId}-${index}`;
          // One <tbody> per model keeps its breakdown row next to it without breaking table semantics.
          return (
            <tbody key={row.model.id} className={row.model.id === highlight ? 'calc-selected' : undefined}>
              <tr data-model-id={row.model.id}>
                <td className="num">{index + 1}</td>
                <th scope="row">
                  <a href={modelPath(row.model.slug)}>{row.model.displayName}</a>
                  {row.model.id === highlight && <span className="tag calc-selected-tag">selected</span>}
                  {note && <span className="calc-note"> {note}</span>}
                  <button type="button" className="calc-disclosure" aria-expanded={isOpen} aria-controls={detailId} onClick={() => toggle(row.model.id)}>
                    Breakdown
                  </button>
                </th>
                <td className="num" data-cost="request" data-exact={row.costs.perRequest}>
                  {formatUsdRounded(row.costs.perRequest)}
                </td>
                <td className="num calc-per-day" data-cost="day" data-exact={row.costs.perDay}>
                  {formatUsdRounded(row.costs.perDay)}
                </td>
                <td className="num" data-cost="month" data-exact={row.costs.perMonth}>
                  {formatUsdRounded(row.costs.perMonth)}
                </td>
              </tr>
              {isOpen && (
                <tr className="calc-breakdown-row" id={detailId}>
                  <td colSpan={5}>
                    <Breakdown model={row.model.displayName} lines={row.lines} total={row.costs.perRequest} discount={row.discount} />
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
      {onShowAll && (
        <button type="button" className="secondary calc-more" onClick={onShowAll}>
          Show all {formatCount(total)} ranked models
        </button>
      )}
    </div>
  );
}

function unitOf(line: CostLine): string {
  return line.dimension === 'request' || line.dimension === 'image' || line.dimension === 'webSearch' ? ' each' : '/M';
}

function Breakdown({ model, lines, total, discount }: { model: string; lines: CostLine[]; total: string; discount: string | null }) {
  return (
    <table className="calc-breakdown">
      <caption>Cost of one request on {model}, by dimension</caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col" className="num">
            Quantity
          </th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col" className="num">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.dimension} data-dimension={line.dimension}>
            <th scope="row">{DIMENSION_LABELS[line.dimension]}</th>
            <td className="num">{formatCount(line.quantity)}</td>
            <td className="num">
              {formatUsd(line.unitPrice)}
              {unitOf(line)}
            </td>
            <td className="num">{formatUsd(line.cost)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Total per request{discount ? ` (${formatDiscount(discount)})` : ''}
          </th>
          <td className="num">{formatUsd(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function OtherModels({ ranking }: { ranking: Ranking }) {
  return (
    <div className="calc-others">
      <details>
        <summary>
          Free models that serve this workload ({formatCount(ranking.free.length)})
        </summary>
        <p className="muted">No charge at OpenRouter's listed prices; free variants usually come with rate limits.</p>
        <ul data-testid="calc-free">
          {ranking.free.map((r) => (
            <li key={r.model.id} data-model-id={r.model.id}>
              <a href={modelPath(r.model.slug)}>{r.model.displayName}</a>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Variable-price models ({formatCount(ranking.variable.length)})</summary>
        <p className="muted">Routers bill the price of whichever model they pick, so no cost can be stated in advance.</p>
        <ul data-testid="calc-variable">
          {ranking.variable.map((r) => (
            <li key={r.model.id} data-model-id={r.model.id}>
              <a href={modelPath(r.model.slug)}>{r.model.displayName}</a>: {r.reason}
            </li>
          ))}
        </ul>
      </details>
      <details open={ranking.cannotServe.length > 0 && ranking.cannotServe.length <= 20}>
        <summary>Models that cannot serve this workload ({formatCount(ranking.cannotServe.length)})</summary>
        <ul data-testid="calc-cannot">
          {ranking.cannotServe.map((r) => (
            <li key={r.model.id} data-model-id={r.model.id}>
              <a href={modelPath(r.model.slug)}>{r.model.displayName}</a>: {r.reasons.join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
