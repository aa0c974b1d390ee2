/**
 * The comparison table as markup (src/lib/compare/markup.ts): rendered to HTML on the static pair
 * pages and to DOM by the compare page's script, so both read identically. "Only rows that differ"
 * is a checkbox that works through CSS (:has), without script. Differences and best values carry
 * text, not only colour. Model names head the columns and stay pinned while the table scrolls.
 */
import { modelPath, toSlug } from '../format/slug.ts';
import { breakableId, h, type Markup } from './markup.ts';
import type { CompareCell, CompareRow, RowGroup } from './compare-cells.ts';
import type { CompareModel } from './compare-payload.ts';
import { columnLabels } from './curated-pairs.ts';

export interface CompareTableOptions {
  caption: string;
  /** Each column header gets a Remove button carrying `data-remove="<id>"` (the compare page). */
  removable?: boolean;
  /** A line under each model's name (its cheapest offer and offers count). */
  columnNotes?: readonly (string | null)[];
}

type ColumnModel = Pick<CompareModel, 'id' | 'modelName' | 'displayName' | 'authorLabel'>;

function columnHeader(model: ColumnModel, label: string, removable: boolean, note: string | null | undefined): Markup {
  return h(
    'th',
    { scope: 'col', class: 'model-col', 'data-model-id': model.id },
    h('a', { href: modelPath(toSlug(model.id)) }, label),
    h('span', { class: 'model-col-author' }, model.authorLabel),
    note ? h('span', { class: 'model-col-offers' }, note) : null,
    removable && h('button', { type: 'button', class: 'secondary remove', 'data-remove': model.id, 'aria-label': `Remove ${model.displayName} from the comparison` }, 'Remove'),
  );
}

function cellContent(cell: CompareCell): Markup {
  const value = cell.code ? h('code', null, ...breakableId(cell.text)) : cell.text;
  return cell.href ? h('a', { href: cell.href }, value) : value;
}

function rowMarkup(row: CompareRow, models: readonly ColumnModel[]): Markup {
  const label = h(
    'th',
    { scope: 'row' },
    row.label,
    row.differs && [' ', h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠'), h('span', { class: 'visually-hidden' }, ' (differs)')],
    row.hint ? h('span', { class: 'row-hint' }, row.hint) : null,
  );
  if (row.shared) return h('tr', { 'data-row': row.id, class: row.differs ? 'differs' : 'same' }, label, h('td', { colspan: models.length, class: 'shared-cell' }, row.cells[0]?.text ?? ''));
  const cells = row.cells.map((cell, i) => {
    const best = row.best[i] === true && row.bestLabel !== null;
    return h(
      'td',
      { class: best ? 'best' : null, 'data-model-id': models[i]?.id },
      cellContent(cell),
      best && [' ', h('span', { class: 'best-badge' }, h('span', { class: 'visually-hidden' }, 'best value: '), row.bestLabel ?? '')],
      cell.note ? h('span', { class: 'cell-note' }, cell.note) : null,
    );
  });
  return h('tr', { 'data-row': row.id, class: row.differs ? 'differs' : 'same' }, label, ...cells);
}

export function compareTableMarkup(models: readonly ColumnModel[], groups: readonly RowGroup[], options: CompareTableOptions): Markup {
  const labels = columnLabels(models);
  const differing = groups.reduce((n, g) => n + g.rows.filter((r) => r.differs).length, 0);
  return h(
    'div',
    { class: 'compare-block' },
    h(
      'p',
      { class: 'compare-legend' },
      h('label', { class: 'only-diff' }, h('input', { type: 'checkbox', class: 'only-diff-toggle' }), ` Show only the ${differing} rows that differ`),
      h(
        'span',
        { class: 'muted' },
        'Rows marked ',
        h('span', { class: 'diff-mark', 'aria-hidden': 'true' }, '≠'),
        h('span', { class: 'visually-hidden' }, '“differs”'),
        ' differ; a badge such as ',
        h('span', { class: 'best-badge' }, 'cheapest'),
        ' marks the best value in a row.',
      ),
    ),
    h(
      'div',
      { class: 'table-scroll compare-scroll', role: 'region', 'aria-label': `${options.caption} (scrolls)`, tabindex: 0 },
      h(
        'table',
        { class: 'compare-table', style: `--columns: ${models.length}` },
        h('caption', { class: 'visually-hidden' }, options.caption),
        h('thead', null, h('tr', null, h('th', { scope: 'col', class: 'field-col' }, 'Field'), ...models.map((m, i) => columnHeader(m, labels[i] ?? m.modelName, options.removable === true, options.columnNotes?.[i])))),
        ...groups.map((group) =>
          h(
            'tbody',
            { 'data-group': group.id },
            h('tr', { class: 'group-row' }, h('th', { scope: 'colgroup', colspan: models.length + 1, id: `group-${group.id}` }, h('span', { class: 'group-title' }, group.title))),
            ...group.rows.map((row) => rowMarkup(row, models)),
          ),
        ),
      ),
    ),
  );
}
