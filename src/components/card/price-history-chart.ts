/** A card's stepped input/output price chart on a time axis, drawn from its price-history table. */
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { epochDayLabel, historySeries, type HistoryChartRow } from '../../lib/history/history-chart.ts';
import { Chart } from '../chart-setup.ts';

function tableRows(section: HTMLElement): HistoryChartRow[] {
  return Array.from(section.querySelectorAll<HTMLTableRowElement>('tbody tr[data-date]'), (row) => ({
    date: row.dataset.date ?? '',
    values: Object.fromEntries(Array.from(row.querySelectorAll<HTMLElement>('td[data-key]'), (td) => [td.dataset.key ?? '', td.dataset.value ?? ''])),
  }));
}

export function drawPriceHistoryChart(section: HTMLElement): void {
  const canvas = section.querySelector('canvas');
  if (!canvas) return;
  const rows = tableRows(section);
  const lastSeen = section.dataset.lastSeen ?? null;
  const colors = chartColors(section);
  // Each price holds until the next change (chart.js 'before': horizontal to the next point, then up or down).
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'Input $/M', data: historySeries(rows, 'input', lastSeen), stepped: 'before', borderColor: colors.accent, backgroundColor: colors.accent, spanGaps: false },
        { label: 'Output $/M', data: historySeries(rows, 'output', lastSeen), stepped: 'before', borderColor: colors.second, backgroundColor: colors.second, borderDash: [6, 3], spanGaps: false },
      ],
    },
    options: {
      ...FIXED_CHART_OPTIONS,
      scales: {
        x: themedAxis(colors, null, { type: 'linear', ticks: { callback: (value) => epochDayLabel(Number(value), false), maxTicksLimit: 6 } }),
        y: themedAxis(colors, '$ per 1M tokens', { beginAtZero: true }),
      },
      plugins: {
        legend: { labels: { color: colors.fg } },
        tooltip: { callbacks: { title: (items) => (items[0] ? epochDayLabel(items[0].parsed.x ?? 0, true) : '') } },
      },
    },
  });
}
