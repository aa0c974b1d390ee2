/** The catalog's price-against-context scatter: the catalog's rows, then whatever its filters show. */
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { plottedOnLogScales, type CatalogRow } from '../../lib/catalog/catalog-row.ts';
import { chartCaption } from '../../lib/catalog/chart-caption.ts';
import { Chart } from '../chart-setup.ts';
import { loadCatalogData } from './catalog-data.ts';
import type { CatalogResultsEvent } from './catalog-island.ts';

interface Point {
  x: number;
  y: number;
  name: string;
}

// Plotting needs numbers; the exact decimal strings stay in the table and on the cards.
const pointsOf = (rows: readonly CatalogRow[]): Point[] =>
  rows.filter(plottedOnLogScales).map((row) => ({ x: row.contextLength!, y: Number(row.input), name: row.displayName }));

let latest: { rows: readonly CatalogRow[] } | null = null;
// The catalog may filter before the chart is drawn: keep its newest result for the first draw.
document.addEventListener('catalog:results', (event) => {
  latest = (event as CustomEvent<CatalogResultsEvent>).detail;
});

export async function drawPriceContextChart(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector('canvas');
  if (!canvas) return;
  const listed = figure.dataset.list !== 'retired';
  const all = (await loadCatalogData()).entries.map((e) => e.row).filter((row) => row.listed === listed);
  const caption = figure.querySelector('[data-chart-caption]');
  const colors = chartColors(figure);
  const chart = new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [{ label: 'Models', data: pointsOf(latest?.rows ?? all), backgroundColor: colors.accentTranslucent, borderColor: colors.accent, pointRadius: 3.5, pointHoverRadius: 6 }] },
    options: {
      ...FIXED_CHART_OPTIONS,
      scales: {
        x: themedAxis(colors, 'Context (tokens)', { type: 'logarithmic', ticks: { callback: (v) => shortTokens(Number(v)) } }),
        y: themedAxis(colors, 'Input $ per 1M tokens', { type: 'logarithmic', ticks: { callback: (v) => (isOneTwoFive(Number(v)) ? `$${Number(v)}` : '') } }),
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = item.raw as Point;
              return `${p.name}: ${p.x.toLocaleString('en-US')} tokens, $${p.y}/M input`;
            },
          },
        },
      },
    },
  });
  const follow = (rows: readonly CatalogRow[]) => {
    const points = pointsOf(rows);
    chart.data.datasets[0]!.data = points;
    chart.update('none');
    if (caption) caption.textContent = chartCaption(points.length, rows.length - points.length, rows.length !== all.length);
    canvas.setAttribute('aria-label', `Scatter chart of the cheapest input price per million tokens against context length for ${points.length} models, both on log scales. The catalog table lists the same values.`);
  };
  if (latest) follow(latest.rows);
  document.addEventListener('catalog:results', (event) => follow((event as CustomEvent<CatalogResultsEvent>).detail.rows));
}

function shortTokens(value: number): string {
  // Log axes put ticks at 1–9 × 10^n; labelling only the powers of ten keeps the axis legible.
  const log = Math.log10(value);
  if (Math.abs(log - Math.round(log)) > 1e-9) return '';
  return value >= 1e6 ? `${value / 1e6}M` : value >= 1e3 ? `${value / 1e3}K` : String(value);
}

/** Log-axis ticks at 1, 2 and 5 × 10^n only: chart.js offers every integer multiple, which overlap. */
function isOneTwoFive(value: number): boolean {
  const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6);
}
