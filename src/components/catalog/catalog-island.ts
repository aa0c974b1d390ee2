/**
 * The catalog's island, plain TypeScript (no framework: the home page must load in 66 KiB).
 * It wires the server-rendered controls to the rows of /catalog/rows.json, loaded on first use, and
 * shows the matching rows a page at a time, reusing row elements (ticks survive filtering). The
 * state lives in the URL (replaceState). Each change announces the shown rows with a
 * "catalog:results" event, which the price-against-context chart follows.
 */
import { activeFilterCount, effectiveSort, emptyFilterState, type CatalogFilterState } from '../../lib/catalog/catalog-filter.ts';
import { runCatalogFilter, type CatalogEntry, type CatalogResult } from '../../lib/catalog/catalog-query.ts';
import type { CatalogRow } from '../../lib/catalog/catalog-row.ts';
import { defaultDirection, SORT_KEYS, sortRows, type SortDirection, type SortKey } from '../../lib/catalog/catalog-sort.ts';
import { ROWS_PER_PAGE } from '../../lib/catalog/catalog-pages.ts';
import { decodeFilterState, encodeFilterState } from '../../lib/catalog/catalog-url.ts';
import { loadCatalogData, type CatalogData } from './catalog-data.ts';
import { buildFacetsPanel, type FacetsPanel } from './facets-panel.ts';
import { rowElement } from './row-element.ts';

/** Rows shown at first and added by "Show more": a page of the server's table. */
const PAGE_ROWS = ROWS_PER_PAGE;
const URL_DELAY_MS = 150;

export interface CatalogResultsEvent {
  rows: readonly CatalogRow[];
}

export function startCatalog(root: HTMLElement): void {
  const table = root.querySelector<HTMLTableElement>('table[data-catalog-table]');
  const controls = root.querySelector<HTMLElement>('[data-catalog-controls]');
  if (!table || !controls) return;
  const body = table.tBodies[0]!;
  const listed = table.dataset.list !== 'retired';
  const noun = listed ? 'models' : 'retired models';
  const selectable = table.classList.contains('picks');
  const search = controls.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = controls.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const count = controls.querySelector<HTMLElement>('[data-result-count]')!;
  const otherList = controls.querySelector<HTMLElement>('[data-other-list]')!;
  const filters = controls.querySelector<HTMLDetailsElement>('[data-filters]')!;
  const facetsBox = controls.querySelector<HTMLElement>('[data-facets]')!;
  const activeBadge = controls.querySelector<HTMLElement>('[data-active-filters]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-show-more]');
  const pager = root.querySelector<HTMLElement>('[data-pager]');

  const elements = new Map<string, HTMLTableRowElement>();
  for (const tr of Array.from(body.rows)) {
    if (tr.dataset.id) elements.set(tr.dataset.id, tr);
    tr.querySelector<HTMLInputElement>('input[name="compare"]')?.setAttribute('tabindex', '-1');
  }

  let state: CatalogFilterState = decodeFilterState(window.location.search);
  let data: CatalogData | null = null;
  let panel: FacetsPanel | null = null;
  let limit = PAGE_ROWS;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  const orders = new Map<string, CatalogEntry[]>();
  let lastResult: CatalogResult<CatalogRow> | null = null;
  let listTotal = 0;

  const ordered = (sort: SortKey, direction: SortDirection): CatalogEntry[] => {
    const order = sort === 'relevance' ? 'created:desc' : `${sort}:${direction}`;
    let entries = orders.get(order);
    if (!entries && data) {
      const byRow = new Map(data.entries.map((e) => [e.row, e]));
      const [s, d] = order.split(':') as [SortKey, SortDirection];
      entries = sortRows(data.entries.map((e) => e.row), s, d).map((row) => byRow.get(row)!);
      orders.set(order, entries);
    }
    return entries ?? [];
  };

  const writeUrl = () => {
    const query = encodeFilterState(state);
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) window.history.replaceState(window.history.state, '', url);
  };

  const showControls = () => {
    if (document.activeElement !== search) search.value = state.query;
    const { sort, direction } = effectiveSort(state);
    sortSelect.value = `${sort}:${direction}`;
    const active = activeFilterCount(state);
    activeBadge.textContent = active > 0 ? ` (${active} active)` : '';
    for (const th of Array.from(table.tHead?.rows[0]?.cells ?? [])) {
      const key = th.dataset.sortKey;
      if (!key) continue;
      // global.css draws the arrow from aria-sort, as on every sortable table of the site.
      th.setAttribute('aria-sort', key === sort ? (direction === 'asc' ? 'ascending' : 'descending') : 'none');
    }
  };

  const render = () => {
    if (!data) return;
    const { sort, direction } = effectiveSort(state);
    const result = runCatalogFilter(ordered(sort, direction), state, listed);
    lastResult = result;
    const shown = result.rows.slice(0, limit).map((row) => {
      let element = elements.get(row.id);
      if (!element) {
        element = rowElement(row, selectable);
        elements.set(row.id, element);
      }
      return element;
    });
    body.replaceChildren(...shown);
    const found = result.rows.length;
    count.textContent = found === listTotal ? `All ${listTotal} ${noun}` : `${found} of ${listTotal} ${noun}${result.fuzzy ? ' (no exact match: close spellings)' : ''}`;
    if (found === 0) count.textContent = `No ${noun} match${state.query ? ` “${state.query}”` : ''}${activeFilterCount(state) > 0 ? ' with these filters' : ''}`;
    showOtherList(result.otherListMatches);
    if (more) {
      more.hidden = found <= limit;
      more.textContent = `Show ${Math.min(PAGE_ROWS, found - limit)} more of ${found - limit} not shown`;
    }
    if (pager) pager.hidden = true;
    panel?.update(state, result.facets);
    document.dispatchEvent(new CustomEvent<CatalogResultsEvent>('catalog:results', { detail: { rows: result.rows } }));
  };

  const showOtherList = (matches: number) => {
    otherList.hidden = matches === 0 || state.query.trim() === '';
    if (otherList.hidden) return;
    const q = encodeURIComponent(state.query.trim());
    const [words, href, action] = listed
      ? [`${matches} retired model${matches === 1 ? '' : 's'} ${matches === 1 ? 'matches' : 'match'} “${state.query.trim()}”.`, `/retired/?q=${q}`, matches === 1 ? 'Show it' : 'Show them']
      : [`${matches} listed model${matches === 1 ? '' : 's'} ${matches === 1 ? 'matches' : 'match'} “${state.query.trim()}”.`, `/?q=${q}`, matches === 1 ? 'Show it' : 'Show them'];
    const link = document.createElement('a');
    link.href = href;
    link.textContent = action;
    otherList.replaceChildren(`${words} `, link);
  };

  const commit = (next: CatalogFilterState, typing = false) => {
    state = next;
    limit = PAGE_ROWS;
    showControls();
    render();
    clearTimeout(urlTimer);
    // While typing, the URL follows a moment after the last key: replaceState costs milliseconds.
    if (typing) urlTimer = setTimeout(writeUrl, URL_DELAY_MS);
    else writeUrl();
  };
  const update = (patch: Partial<CatalogFilterState>, typing = false) => commit({ ...state, ...patch }, typing);

  const load = () =>
    loadCatalogData()
      .then((loaded) => {
        if (data) return;
        data = loaded;
        listTotal = loaded.entries.filter((e) => e.row.listed === listed).length;
        if (filters.open) openPanel();
        render();
        root.dataset.catalogReady = '';
      })
      .catch((error: Error) => {
        count.textContent = `${error.message}; the table shows the first ${body.rows.length} ${noun}.`;
      });

  const openPanel = () => {
    if (panel || !data) return;
    panel = buildFacetsPanel(facetsBox, data.entries.map((e) => e.row).filter((r) => r.listed === listed), data.providers, update, () => state);
    if (lastResult) panel.update(state, lastResult.facets);
  };

  search.addEventListener('focus', load, { once: true });
  search.addEventListener('input', () => {
    void load();
    update({ query: search.value }, true);
  });
  sortSelect.addEventListener('change', () => {
    void load();
    const [sort, direction] = sortSelect.value.split(':') as [SortKey, SortDirection];
    update({ sort, direction });
  });
  filters.addEventListener('toggle', () => {
    if (!filters.open) return;
    void load().then(openPanel);
  });
  controls.querySelector('[data-clear-filters]')?.addEventListener('click', () => commit({ ...emptyFilterState(), sort: state.sort, direction: state.direction }));
  more?.addEventListener('click', () => {
    limit += PAGE_ROWS;
    render();
  });

  // Column headers become sort buttons; aria-sort stays on the <th>, where assistive technology reads it.
  for (const th of Array.from(table.tHead?.rows[0]?.cells ?? [])) {
    const key = th.dataset.sortKey as SortKey | undefined;
    if (!key || !SORT_KEYS.includes(key)) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(th.textContent ?? key);
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      void load();
      const current = effectiveSort(state);
      update({ sort: key, direction: current.sort === key ? (current.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(key) });
    });
  }

  // One tab stop per row (its link); the arrow keys reach the row's compare box and the rows around.
  body.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const row = target.closest('tr');
    if (!row) return;
    const isBox = target instanceof HTMLInputElement;
    const within = (tr: Element | null) => (tr ? (isBox ? tr.querySelector<HTMLElement>('input') : tr.querySelector<HTMLElement>('th a')) : null);
    let next: HTMLElement | null = null;
    if (event.key === 'ArrowLeft' && !isBox) next = row.querySelector('input');
    else if (event.key === 'ArrowRight' && isBox) next = row.querySelector('th a');
    else if (event.key === 'ArrowDown') next = within(row.nextElementSibling);
    else if (event.key === 'ArrowUp') next = within(row.previousElementSibling);
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  showControls();
  // A shared link with a filter needs the rows at once; an unfiltered visit loads them on first use.
  if (encodeFilterState(state) !== '') void load();
}
