/**
 * Search, facet filters and sorting for a server-rendered catalog table. The island reads the rows
 * (their data attributes) from the table it is given, hides and reorders them in place, turns the
 * column headers into sort buttons, and mirrors its state in the URL with replaceState.
 *
 * The rows are not React's: a `TableRows` (table-rows.ts) owns them and touches only rows whose
 * visibility changes, so React renders the form and one line of count text per keystroke.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  catalogFacets,
  decodeFilterState,
  defaultDirection,
  emptyFilterState,
  encodeFilterState,
  SORT_KEYS,
  type CatalogFilterState,
  type FacetOption,
  type SortKey,
} from '../../lib/catalog/catalog-view.ts';
import { TableRows } from './table-rows.ts';
import { DECIMAL } from '../../lib/pricing/decimal.ts';
import './catalog-filter.css';

interface Props {
  /** The id of the <table> this island filters. */
  tableId: string;
  /** How many rows the server rendered: the count shown before the rows are read. */
  total: number;
  /** What the rows are, for the search label and the result count. */
  noun?: string;
}

const CONTEXT_STEPS = [8_192, 32_768, 65_536, 131_072, 200_000, 262_144, 1_000_000];
const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  author: 'Author',
  context: 'Context',
  input: 'Input price',
  output: 'Output price',
  created: 'Created',
};
const URL_DELAY_MS = 150;

function writeUrl(state: CatalogFilterState): void {
  const query = encodeFilterState(state);
  const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])].sort() : list.filter((v) => v !== value);
}

function activeFilterCount(state: CatalogFilterState): number {
  return (
    state.authors.length +
    state.inputModalities.length +
    state.outputModalities.length +
    state.tags.length +
    state.tokenizers.length +
    (state.minContext === null ? 0 : 1) +
    (state.maxInput === null ? 0 : 1) +
    (state.maxOutput === null ? 0 : 1)
  );
}

const CheckboxGroup = memo(function CheckboxGroup(props: {
  legend: string;
  name: string;
  options: FacetOption[];
  selected: string[];
  onChange: (value: string, on: boolean) => void;
  scroll?: boolean;
}) {
  return (
    <fieldset className={props.scroll ? 'facet facet-scroll' : 'facet'}>
      <legend>{props.legend}</legend>
      <div className="options">
        {props.options.map((option) => (
          <label key={option.value}>
            <input
              type="checkbox"
              name={props.name}
              value={option.value}
              checked={props.selected.includes(option.value)}
              onChange={(event) => props.onChange(option.value, event.currentTarget.checked)}
            />{' '}
            {option.label} <span className="count">({option.count})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
});

export default function CatalogFilter({ tableId, total, noun = 'models' }: Props) {
  const [rows, setRows] = useState<TableRows | null>(null);
  const [state, setState] = useState<CatalogFilterState>(emptyFilterState);
  const [visibleCount, setVisibleCount] = useState(total);
  const [priceDrafts, setPriceDrafts] = useState({ maxInput: '', maxOutput: '' });
  const current = useRef(state);
  const table = useRef<TableRows | null>(null);
  const urlTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Every change goes through here, inside the event that caused it: the rows are updated in the
  // same task and React renders once, instead of rendering, then running an effect that renders again.
  // While typing, the URL follows a moment after the last keystroke: replaceState costs milliseconds
  // on a page of thousands of rows (the browser records the page's state), which must not delay
  // showing the result of each key.
  const commit = useCallback((next: CatalogFilterState, typing = false) => {
    current.current = next;
    setState(next);
    if (table.current === null) return;
    setVisibleCount(table.current.apply(next));
    clearTimeout(urlTimer.current);
    if (typing) urlTimer.current = setTimeout(() => writeUrl(current.current), URL_DELAY_MS);
    else writeUrl(next);
  }, []);

  useEffect(() => {
    const element = document.getElementById(tableId);
    if (!(element instanceof HTMLTableElement)) return;
    const restored = decodeFilterState(window.location.search);
    table.current = new TableRows(element);
    setRows(table.current);
    setPriceDrafts({ maxInput: restored.maxInput ?? '', maxOutput: restored.maxOutput ?? '' });
    commit(restored);
  }, [tableId, commit]);

  // Column headers become buttons; aria-sort stays on the <th> where assistive technology reads it.
  useEffect(() => {
    const table = document.getElementById(tableId);
    if (!(table instanceof HTMLTableElement)) return;
    for (const th of Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]'))) {
      const key = th.dataset.sortKey as SortKey;
      if (!SORT_KEYS.includes(key)) continue;
      let button = th.querySelector<HTMLButtonElement>('button.sort-button');
      if (!button) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort-button';
        const label = document.createElement('span');
        label.textContent = th.textContent ?? key;
        const arrow = document.createElement('span');
        arrow.className = 'sort-arrow';
        arrow.setAttribute('aria-hidden', 'true');
        button.append(label, arrow);
        th.replaceChildren(button);
      }
      button.onclick = () => {
        const s = current.current;
        commit({ ...s, sort: key, direction: s.sort === key ? (s.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key) });
      };
      const active = state.sort === key;
      th.setAttribute('aria-sort', active ? (state.direction === 'asc' ? 'ascending' : 'descending') : 'none');
      const arrow = button.querySelector('.sort-arrow');
      if (arrow) arrow.textContent = active ? (state.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕';
    }
  }, [tableId, state.sort, state.direction, commit]);

  const facets = useMemo(() => catalogFacets(rows?.data() ?? []), [rows]);
  const update = useCallback((patch: Partial<CatalogFilterState>, typing = false) => commit({ ...current.current, ...patch }, typing), [commit]);
  const listHandlers = useMemo(() => {
    const handler = (field: 'authors' | 'inputModalities' | 'outputModalities' | 'tags' | 'tokenizers') => (value: string, on: boolean) =>
      commit({ ...current.current, [field]: toggle(current.current[field], value, on) });
    return {
      authors: handler('authors'),
      inputModalities: handler('inputModalities'),
      outputModalities: handler('outputModalities'),
      tags: handler('tags'),
      tokenizers: handler('tokenizers'),
    };
  }, [commit]);
  const priceHandler = (field: 'maxInput' | 'maxOutput') => (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    setPriceDrafts((d) => ({ ...d, [field]: text }));
    const trimmed = text.trim();
    if (trimmed === '') update({ [field]: null }, true);
    else if (DECIMAL.test(trimmed)) update({ [field]: trimmed }, true);
  };
  const invalid = (text: string) => text.trim() !== '' && !DECIMAL.test(text.trim());
  const active = activeFilterCount(state);

  return (
    <div className="catalog-filter">
      <search className="filter-bar">
        <label className="search">
          <span>Search {noun}</span>
          <input
            type="search"
            name="q"
            value={state.query}
            placeholder="Name, id or author"
            autoComplete="off"
            onChange={(event) => update({ query: event.currentTarget.value }, true)}
          />
        </label>
        <label className="sort">
          <span>Sort by</span>
          <select
            name="sort"
            value={`${state.sort}:${state.direction}`}
            onChange={(event) => {
              const [sort, direction] = event.currentTarget.value.split(':') as [SortKey, 'asc' | 'desc'];
              update({ sort, direction });
            }}
          >
            {SORT_KEYS.flatMap((key) =>
              (['asc', 'desc'] as const).map((direction) => (
                <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                  {SORT_LABELS[key]} {key === 'name' || key === 'author' ? (direction === 'asc' ? 'A→Z' : 'Z→A') : key === 'created' ? (direction === 'asc' ? 'oldest first' : 'newest first') : direction === 'asc' ? 'low→high' : 'high→low'}
                </option>
              )),
            )}
          </select>
        </label>
        <p className="result-count" role="status" aria-live="polite" data-result-count>
          {rows === null || visibleCount === rows.size ? `All ${rows?.size ?? total} ${noun}` : `${visibleCount} of ${rows.size} ${noun}`}
        </p>
      </search>
      <details className="filters">
        <summary>
          Filters{active > 0 ? ` (${active} active)` : ''}
        </summary>
        <div className="filter-grid">
          <CheckboxGroup legend="Tags" name="tag" options={facets.tags} selected={state.tags} onChange={listHandlers.tags} />
          <CheckboxGroup legend="Input modalities" name="in" options={facets.inputModalities} selected={state.inputModalities} onChange={listHandlers.inputModalities} />
          <CheckboxGroup legend="Output modalities" name="out" options={facets.outputModalities} selected={state.outputModalities} onChange={listHandlers.outputModalities} />
          <fieldset className="facet">
            <legend>Limits</legend>
            <label>
              Minimum context{' '}
              <select
                name="ctx"
                value={state.minContext === null ? '' : String(state.minContext)}
                onChange={(event) => update({ minContext: event.currentTarget.value === '' ? null : Number(event.currentTarget.value) })}
              >
                <option value="">any</option>
                {[...new Set([...CONTEXT_STEPS, ...(state.minContext === null ? [] : [state.minContext])])]
                  .sort((a, b) => a - b)
                  .map((tokens) => (
                    <option key={tokens} value={tokens}>
                      {tokens.toLocaleString('en-US')} tokens
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Max input $/M{' '}
              <input type="text" inputMode="decimal" name="maxin" size={6} value={priceDrafts.maxInput} aria-invalid={invalid(priceDrafts.maxInput)} onChange={priceHandler('maxInput')} />
            </label>
            <label>
              Max output $/M{' '}
              <input type="text" inputMode="decimal" name="maxout" size={6} value={priceDrafts.maxOutput} aria-invalid={invalid(priceDrafts.maxOutput)} onChange={priceHandler('maxOutput')} />
            </label>
          </fieldset>
          <CheckboxGroup legend="Tokenizer" name="tokenizer" options={facets.tokenizers} selected={state.tokenizers} onChange={listHandlers.tokenizers} scroll />
          <CheckboxGroup legend="Author" name="author" options={facets.authors} selected={state.authors} onChange={listHandlers.authors} scroll />
        </div>
        <button
          type="button"
          className="secondary"
          disabled={active === 0 && state.query === ''}
          onClick={() => {
            commit({ ...emptyFilterState(), sort: current.current.sort, direction: current.current.direction });
            setPriceDrafts({ maxInput: '', maxOutput: '' });
          }}
        >
          Clear filters
        </button>
      </details>
      {rows !== null && rows.size > 0 && visibleCount === 0 ? <p className="empty">No {noun} match these filters.</p> : null}
    </div>
  );
}
