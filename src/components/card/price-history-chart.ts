/** A card's stepped input/output price chart, drawn from its price-history table. */
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { Chart } from '../chart-setup.ts';
import { DECIMAL } from '../../lib/pricing/decimal.ts';

function series(rows: HTMLTableRowElement[], key: string): (number | null)[] {
  return rows.map((row) => {
    const value = row.querySelector<HTMLElement>(`td[data-key="${key}"]`)?.dataset.value ?? '';
    // Plotting needs numbers; "variable" and absent prices become gaps in the line.
    return DECIMAL.test(value) ? Number(value) : null;
  });
}

export function drawPriceHistoryChart(section: HTMLElement): void {
  const canvas = section.querySelector('canvas');
  if (!canvas) return;
  const rows = Array.from(section.querySelectorAll<HTMLTableRowElement>('tbody tr[data-date]'));
  const colors = chartColors(section);
  const labels = rows.map((row) => row.dataset.date ?? '');
  const input = series(rows, 'input');
  const output = series(rows, 'output');
  // Each price holds until the next change (chart.js 'before': horizontal to the next point, then up or
  // down); a closing point at the last snapshot seen shows how long the newest price has held.
  const lastSeen = section.dataset.lastSeen;
  if (lastSeen && lastSeen > (labels.at(-1) ?? '')) {
    labels.push(lastSeen);
    input.push(input.at(-1) ?? null);
    output.push(output.at(-1) ?? null);
  }
  new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: 'Input $/M', data: input, stepped: 'before', borderColor: colors.accent, backgroundColor: colors.accent, spanGaps: false },
        { label: 'Output $/M', data: output, stepped: 'before', borderColor: colors.second, backgroundColor: colors.second, borderDash: [6, 3], spanGaps: false },
      ],
    },
    options: {
      ...FIXED_CHART_OPTIONS,
      scales: {
        x: themedAxis(colors, null),
        y: themedAxis(colors, '$ per 1M tokens', { beginAtZero: true }),
      },
      plugins: { legend: { labels: { color: colors.fg } } },
    },
  });
}
