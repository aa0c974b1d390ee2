/**
 * The card's only eager script, kept tiny: copy buttons, the KV-cache context picker, sorting of the
 * providers table, and the price-history chart, whose chart.js code is imported only once the chart
 * scrolls into view.
 */
import { whenVisible } from '../../lib/browser/when-visible.ts';
import { enhanceSortableTable } from '../sortable-table.ts';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, insecure origin): fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  const source = document.getElementById(button.dataset.copyTarget ?? '');
  const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
  if (!source) continue;
  button.hidden = false;
  let timer: number | undefined;
  button.addEventListener('click', async () => {
    const copied = await copyText(source.textContent ?? '');
    if (!status) return;
    status.textContent = copied ? 'Copied' : 'Copy failed: select the text and copy it by hand';
    window.clearTimeout(timer);
    timer = window.setTimeout(() => (status.textContent = ''), 4000);
  });
}

for (const picker of document.querySelectorAll<HTMLElement>('[data-kv-picker]')) {
  const select = picker.querySelector('select');
  const output = picker.querySelector('output');
  if (!select || !output) continue;
  select.addEventListener('change', () => {
    output.textContent = select.selectedOptions[0]?.dataset.kv ?? '';
  });
}

for (const figure of document.querySelectorAll<HTMLElement>('[data-lazy-chart="price-history"]')) {
  const section = figure.closest<HTMLElement>('[data-price-history]');
  if (!section) continue;
  whenVisible(figure, async () => {
    const { drawPriceHistoryChart } = await import('./price-history-chart.ts');
    drawPriceHistoryChart(section);
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table[data-sortable-offers]')) enhanceSortableTable(table);
