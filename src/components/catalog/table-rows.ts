/**
 * The rows of a server-rendered catalog table, read once, then shown, hidden and reordered in place.
 * Each keystroke tests every row against the compiled filter but writes to the DOM only for rows
 * whose visibility changed; the order is rewritten only when the sort changes (filtering never
 * changes it). Style and layout then cover only the rows that changed.
 */
import {
  compileFilter,
  DEFAULT_SORT,
  rowFromDataset,
  searchText,
  sortRows,
  type CatalogFilterState,
  type CatalogRowData,
  type SortDirection,
  type SortKey,
} from '../../lib/catalog/catalog-view.ts';

interface Entry extends CatalogRowData {
  element: HTMLTableRowElement;
  haystack: string;
  shown: boolean;
}

export class TableRows {
  private readonly body: HTMLTableSectionElement | null;
  private readonly entries: Entry[];
  private order: { sort: SortKey; direction: SortDirection };

  /** The table must be in `DEFAULT_SORT` order, as CatalogTable renders it. */
  constructor(table: HTMLTableElement) {
    this.body = table.tBodies[0] ?? null;
    this.entries = Array.from(this.body?.rows ?? [], (element) => {
      const row = rowFromDataset(element.dataset);
      return { ...row, element, haystack: searchText(row), shown: !element.hidden };
    });
    this.order = { ...DEFAULT_SORT };
  }

  get size(): number {
    return this.entries.length;
  }

  data(): readonly CatalogRowData[] {
    return this.entries;
  }

  /** Shows the rows matching `state`, in its order; returns how many are shown. */
  apply(state: CatalogFilterState): number {
    if (state.sort !== this.order.sort || state.direction !== this.order.direction) this.reorder(state.sort, state.direction);
    const matches = compileFilter(state);
    let shown = 0;
    for (const entry of this.entries) {
      const show = matches(entry, entry.haystack);
      if (show !== entry.shown) {
        entry.element.hidden = !show;
        entry.shown = show;
      }
      if (show) shown += 1;
    }
    return shown;
  }

  private reorder(sort: SortKey, direction: SortDirection): void {
    this.order = { sort, direction };
    if (!this.body) return;
    const fragment = document.createDocumentFragment();
    for (const entry of sortRows(this.entries, sort, direction)) fragment.append(entry.element);
    this.body.append(fragment);
  }
}
