/**
 * /value/'s scatter: intelligence index against cost per request (log scale), drawn from the rows of
 * the data table beside it, the Pareto frontier as a line. Every point is labelled on hover, when its
 * table row is hovered or focused, and from the keyboard: arrow keys on the focused chart step through
 * the points and show each one's label.
 */
import type { ActiveDataPoint, TooltipItem } from 'chart.js';
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { Chart } from '../chart-setup.ts';

interface Point {
  x: number;
  y: number;
  name: string;
  provider: string;
  modelId: string;
}

function pointsFrom(table: HTMLTableElement): Point[] {
  // Plotting needs numbers; the exact decimal costs stay in the table.
  return Array.from(table.tBodies[0]?.rows ?? [])
    .map((row) => ({
      x: Number(row.dataset.cost),
      y: Number(row.dataset.index),
      name: row.dataset.name ?? '',
      provider: row.dataset.provider ?? '',
      modelId: row.dataset.modelId ?? '',
    }))
    .filter((p) => p.x > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
}

const label = (p: Point) => `${p.name}: index ${p.y}, $${p.x} per request at ${p.provider}`;

/** Draws the chart and returns a function that redraws it from the table's current rows. */
export function drawValueChart(figure: HTMLElement, table: HTMLTableElement): () => void {
  const canvas = figure.querySelector('canvas');
  if (!canvas) return () => {};
  const colors = chartColors(figure);
  const datasets = () => {
    const rows = Array.from(table.tBodies[0]?.rows ?? []);
    const all = pointsFrom(table);
    const frontierIds = new Set(rows.filter((r) => r.dataset.frontier === 'true').map((r) => r.dataset.modelId));
    const answerId = rows.find((r) => r.dataset.answer === 'true')?.dataset.modelId;
    return [
      { label: 'Models', data: all, backgroundColor: colors.accentTranslucent, borderColor: colors.accent, pointRadius: all.map((p) => (p.modelId === answerId ? 8 : 4)), pointHoverRadius: 8 },
      { label: 'Pareto frontier', data: all.filter((p) => frontierIds.has(p.modelId)), showLine: true, borderColor: colors.second, backgroundColor: colors.second, borderDash: [6, 3], pointRadius: 2, pointStyle: 'rectRot' as const },
    ];
  };
  const chart = new Chart(canvas, {
    type: 'scatter',
    data: { datasets: datasets() },
    options: {
      ...FIXED_CHART_OPTIONS,
      scales: {
        x: themedAxis(colors, 'Cost per request (USD, log scale)', { type: 'logarithmic' }),
        y: themedAxis(colors, 'Intelligence index', { beginAtZero: true }),
      },
      plugins: {
        legend: { labels: { color: colors.fg } },
        tooltip: { callbacks: { label: (item: TooltipItem<'scatter'>) => label(item.raw as Point) } },
      },
    },
  });

  const show = (index: number) => {
    const active: ActiveDataPoint[] = [{ datasetIndex: 0, index }];
    chart.setActiveElements(active);
    chart.tooltip?.setActiveElements(active, { x: 0, y: 0 });
    chart.update();
    const point = (chart.data.datasets[0]?.data[index] as Point | undefined) ?? null;
    canvas.setAttribute('aria-label', point ? label(point) : 'No models to plot');
  };
  const hide = () => {
    chart.setActiveElements([]);
    chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.update();
  };

  let focused = -1;
  canvas.addEventListener('keydown', (event) => {
    const count = chart.data.datasets[0]?.data.length ?? 0;
    if (count === 0) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') focused = (focused + 1) % count;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') focused = (focused - 1 + count) % count;
    else if (event.key === 'Home') focused = 0;
    else if (event.key === 'End') focused = count - 1;
    else return;
    event.preventDefault();
    show(focused);
  });
  canvas.addEventListener('blur', hide);

  const fromRow = (event: Event) => {
    const row = (event.target as Element | null)?.closest?.('tr');
    const id = row?.getAttribute('data-model-id');
    const index = (chart.data.datasets[0]?.data as Point[]).findIndex((p) => p.modelId === id);
    if (index >= 0) show(index);
  };
  table.addEventListener('focusin', fromRow);
  table.addEventListener('mouseover', fromRow);
  table.addEventListener('focusout', hide);
  table.addEventListener('mouseleave', hide);

  return () => {
    chart.data.datasets = datasets();
    focused = -1;
    chart.update();
  };
}
