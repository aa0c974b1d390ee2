/** A catalog table row built in the browser, cell for cell as CatalogTable.astro renders it (row-cells.ts). */
import type { CatalogRow } from '../../lib/catalog/catalog-row.ts';
import { rowCells } from '../../lib/catalog/row-cells.ts';

function cell(tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

export function rowElement(row: CatalogRow, selectable: boolean): HTMLTableRowElement {
  const cells = rowCells(row);
  const tr = document.createElement('tr');
  tr.dataset.id = row.id;
  if (selectable) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'compare';
    box.value = row.id;
    box.tabIndex = -1;
    box.setAttribute('aria-label', `Compare ${row.displayName}`);
    const td = document.createElement('td');
    td.append(box);
    tr.append(td);
  }
  const th = document.createElement('th');
  th.scope = 'row';
  const link = document.createElement('a');
  link.href = cells.href;
  link.textContent = cells.name;
  const code = document.createElement('code');
  cells.idParts.forEach((part, i) => {
    if (i > 0) code.append(document.createElement('wbr'));
    code.append(part);
  });
  th.append(link, code);
  const time = document.createElement('time');
  time.dateTime = cells.date.iso;
  time.textContent = cells.date.text;
  const date = document.createElement('td');
  date.append(time);
  tr.append(th, cell('td', cells.author), cell('td', cells.context), cell('td', cells.input), cell('td', cells.output), cell('td', cells.providers), cell('td', cells.quality), date);
  return tr;
}
