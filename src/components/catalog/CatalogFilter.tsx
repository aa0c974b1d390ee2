/**
 * Search, facet filters and sorting for a server-rendered catalog table. The island reads the rows
 * (their data attributes) from the table it is given, hides and reorders them in place, turns the
 * column headers into sort buttons, and mirrors its state in the URL with replaceState.
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  catalogFacets,
  compareRows,
  decodeFilterState,
  defaultDirection,
  emptyFilterState,
  encodeFilterState,
  matchesFilter,
  rowFromDataset,
  SORT_KEYS,
  type CatalogFilterState,
  type CatalogRow,
  type FacetOption,
  type SortKey,
} from '../../lib/catalog-view.ts';
import './catalog-filter.css';

interface Props {
  /** The id of the <table> this island filters. */
  tableId: string;
  /** How many rows the server rendered: the count shown before the rows are read. */
  total: number;
  /** What the rows are, for the search label and the result count. */
  noun?: string;
}

interface TableRow {
  row: CatalogRow;
  element: HTMLTableRowElement;
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
const DECIMAL = /^\d+(\.\d+)?$/;

function readTable(table: HTMLTableElement): TableRow[] {
  const body = table.tBodies[0];
  if (!body) return [];
  return Array.from(body.rows).map((element) => ({ row: rowFromDataset(element.dataset), element }));
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

function CheckboxGroup(props: {
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
}

export default function CatalogFilter({ tableId, total, noun = 'models' }: Props) {
  const [rows, setRows] = useState<TableRow[]>([]);
  const [state, setState] = useState<CatalogFilterState>(emptyFilterState);
  const [priceDrafts, setPriceDrafts] = useState({ maxInput: '', maxOutput: '' });
  const ready = useRef(false);

  useEffect(() => {
    const table = document.getElementById(tableId);
    if (!(table instanceof HTMLTableElement)) return;
    setRows(readTable(table));
    const restored = decodeFilterState(window.location.search);
    setState(restored);
    setPriceDrafts({ maxInput: restored.maxInput ?? '', maxOutput: restored.maxOutput ?? '' });
    ready.current = true;
  }, [tableId]);

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
      button.onclick = () =>
        setState((s) => ({
          ...s,
          sort: key,
          direction: s.sort === key ? (s.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key),
        }));
      const active = state.sort === key;
      th.setAttribute('aria-sort', active ? (state.direction === 'asc' ? 'ascending' : 'descending') : 'none');
      const arrow = button.querySelector('.sort-arrow');
      if (arrow) arrow.textContent = active ? (state.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕';
    }
  }, [tableId, state.sort, state.direction]);

  const visible = useMemo(() => {
    const matching = rows.filter((r) => matchesFilter(r.row, state));
    return matching.sort((a, b) => compareRows(a.row, b.row, state.sort, state.direction));
  }, [rows, state]);

  useEffect(() => {
    if (!ready.current || rows.length === 0) return;
    const body = rows[0]?.element.parentElement;
    if (!body) return;
    const shown = new Set(visible.map((r) => r.element));
    for (const r of rows) r.element.hidden = !shown.has(r.element);
    const hidden = rows.filter((r) => !shown.has(r.element)).map((r) => r.element);
    body.append(...visible.map((r) => r.element), ...hidden);
    const query = encodeFilterState(state);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
  }, [visible, rows, state]);

  const facets = useMemo(() => catalogFacets(rows.map((r) => r.row)), [rows]);
  const update = (patch: Partial<CatalogFilterState>) => setState((s) => ({ ...s, ...patch }));
  const listHandler = (field: 'authors' | 'inputModalities' | 'outputModalities' | 'tags' | 'tokenizers') => (value: string, on: boolean) =>
    setState((s) => ({ ...s, [field]: toggle(s[field], value, on) }));
  const priceHandler = (field: 'maxInput' | 'maxOutput') => (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    setPriceDrafts((d) => ({ ...d, [field]: text }));
    const trimmed = text.trim();
    if (trimmed === '') update({ [field]: null });
    else if (DECIMAL.test(trimmed)) update({ [field]: trimmed });
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
            onChange={(event) => update({ query: event.currentTarget.value })}
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
          {rows.length === 0 ? `All ${total} ${noun}` : visible.length === rows.length ? `All ${rows.length} ${noun}` : `${visible.length} of ${rows.length} ${noun}`}
        </p>
      </search>
      <details className="filters">
        <summary>
          Filters{active > 0 ? ` (${active} active)` : ''}
        </summary>
        <div className="filter-grid">
          <CheckboxGroup legend="Tags" name="tag" options={facets.tags} selected={state.tags} onChange={listHandler('tags')} />
          <CheckboxGroup legend="Input modalities" name="in" options={facets.inputModalities} selected={state.inputModalities} onChange={listHandler('inputModalities')} />
          <CheckboxGroup legend="Output modalities" name="out" options={facets.outputModalities} selected={state.outputModalities} onChange={listHandler('outputModalities')} />
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
          <CheckboxGroup legend="Tokenizer" name="tokenizer" options={facets.tokenizers} selected={state.tokenizers} onChange={listHandler('tokenizers')} scroll />
          <CheckboxGroup legend="Author" name="author" options={facets.authors} selected={state.authors} onChange={listHandler('authors')} scroll />
        </div>
        <button
          type="button"
          className="secondary"
          disabled={active === 0 && state.query === ''}
          onClick={() => {
            setState((s) => ({ ...emptyFilterState(), sort: s.sort, direction: s.direction }));
            setPriceDrafts({ maxInput: '', maxOutput: '' });
          }}
        >
          Clear filters
        </button>
      </details>
      {rows.length > 0 && visible.length === 0 ? <p className="empty">No {noun} match these filters.</p> : null}
    </div>
  );
}
