/** The catalog's price-against-context scatter, drawn from the rows of the catalog table it names. */
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { plottedOnLogScales, rowFromDataset } from '../../lib/catalog/catalog-view.ts';
import { Chart } from '../chart-setup.ts';

interface Point {
  x: number;
  y: number;
  name: string;
}

export function drawPriceContextChart(figure: HTMLElement): void {
  const canvas = figure.querySelector('canvas');
  if (!canvas) return;
  const table = document.getElementById(figure.dataset.table ?? '');
  if (!(table instanceof HTMLTableElement)) return;
  // Plotting needs numbers; the exact decimal strings stay in the table and on the cards.
  const points: Point[] = Array.from(table.tBodies[0]?.rows ?? [], (tr) => rowFromDataset(tr.dataset))
    .filter(plottedOnLogScales)
    .map((row) => ({ x: row.contextLength!, y: Number(row.input), name: row.displayName }));
  const colors = chartColors(figure);
  new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [{ label: 'Models', data: points, backgroundColor: colors.accentTranslucent, borderColor: colors.accent, pointRadius: 3.5, pointHoverRadius: 6 }] },
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
