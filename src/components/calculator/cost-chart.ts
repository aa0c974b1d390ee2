/** The calculator's bar chart of the cheapest models. Imported on demand, so chart.js loads only with it. */
import { chartColors, FIXED_CHART_OPTIONS, themedAxis } from '../../lib/browser/chart-theme.ts';
import { Chart } from '../chart-setup.ts';

export interface ChartBar {
  label: string;
  /** Plotting needs numbers; the exact decimal strings stay in the table beside the chart. */
  value: number;
  /** The formatted exact amount shown in the tooltip. */
  text: string;
}

export interface CostChart {
  update(bars: ChartBar[], axisLabel: string): void;
  destroy(): void;
}

export function createCostChart(canvas: HTMLCanvasElement, bars: ChartBar[], axisLabel: string): CostChart {
  const colors = chartColors(canvas);
  let current = bars;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [{ label: axisLabel, data: bars.map((b) => b.value), backgroundColor: colors.accentTranslucent, borderColor: colors.accent, borderWidth: 1 }],
    },
    options: {
      ...FIXED_CHART_OPTIONS,
      indexAxis: 'y',
      scales: {
        x: themedAxis(colors, axisLabel, { beginAtZero: true }),
        y: { ticks: { color: colors.fg, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        // The axis title names the one series already.
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => current[item.dataIndex]?.text ?? '' } },
      },
    },
  });
  return {
    update(next, label) {
      current = next;
      chart.data.labels = next.map((b) => b.label);
      const dataset = chart.data.datasets[0];
      if (dataset) {
        dataset.data = next.map((b) => b.value);
        dataset.label = label;
      }
      const x = chart.options.scales?.x;
      if (x && 'title' in x && x.title) x.title.text = label;
      chart.update();
    },
    destroy() {
      chart.destroy();
    },
  };
}
