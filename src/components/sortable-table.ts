/**
 * Sorting for server-rendered tables whose rows carry their rank under each column
 * (`data-rank-<key>`, computed at build time from exact values). The server order works without
 * JavaScript; this turns each `th[data-sort-key]` into a button that reorders the rows, and keeps
 * `aria-sort` true to what is shown.
 */
export function enhanceSortableTable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const headers = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]'));
  for (const header of headers) {
    const key = header.dataset.sortKey ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...Array.from(header.childNodes));
    header.append(button);
    button.addEventListener('click', () => {
      const direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      const rank = (row: HTMLTableRowElement) => Number(row.dataset[`rank${key.charAt(0).toUpperCase()}${key.slice(1)}`] ?? Number.MAX_SAFE_INTEGER);
      const rows = Array.from(body.rows).sort((a, b) => (direction === 'ascending' ? rank(a) - rank(b) : rank(b) - rank(a)));
      body.append(...rows);
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', direction);
    });
  }
}
