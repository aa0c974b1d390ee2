/**
 * The compare charts: price per dimension, workload cost, context, and price history on one chart.
 * Each chart has its figures in a table under it (server-rendered on the static pair pages), so the
 * canvas is never the only way to read them. chart.js is imported on demand.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { dayNumber, isoFromDayNumber, offerHistorySteps, plotPrice, priceHistorySteps, statedTokenDimensions, type PriceHistoryStep } from '../../lib/compare/compare-series.ts';
import { describeWorkload } from '../../lib/compare/compare-rows.ts';
import { columnLabels } from '../../lib/compare/curated-pairs.ts';
import type { CompareModel } from '../../lib/compare/compare-payload.ts';
import { workloadCost, type Workload } from '../../lib/pricing/workload.ts';
import { TOKEN_PRICE_LABELS } from '../../lib/pricing/price-labels.ts';
import { chartColors, FIXED_CHART_OPTIONS, themedAxis, type CartesianAxis, type ChartColors } from '../../lib/browser/chart-theme.ts';
import { formatContextShort, formatCount, formatDate, formatPricePerMillion, formatUsdRounded } from '../../lib/format/format.ts';
import ColumnHeads, { numericColumn } from '../ColumnHeads.tsx';
import OptionList from '../OptionList.tsx';

interface Props {
  models: readonly CompareModel[];
  asOf: string;
  workload: Workload;
}

const LIGHT = ['#1d4ed8', '#b45309', '#047857', '#be185d', '#6d28d9', '#0e7490'];
const DARK = ['#60a5fa', '#fbbf24', '#34d399', '#f472b6', '#a78bfa', '#22d3ee'];
/** A second cue besides colour: each model keeps one point shape across charts. */
const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const;

interface Theme {
  dark: boolean;
  site: ChartColors;
  colors: string[];
}

function readTheme(): Theme {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return { dark, site: chartColors(document.documentElement), colors: dark ? DARK : LIGHT };
}

function useTheme(): Theme | null {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    setTheme(readTheme());
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setTheme(readTheme());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return theme;
}

/** Legend entries show each model's point shape, the cue that does not rely on colour. */
function legendLabels(theme: Theme) {
  return { color: theme.site.muted, usePointStyle: true, pointStyleWidth: 12, boxHeight: 8 };
}

function baseOptions(theme: Theme) {
  return {
    ...FIXED_CHART_OPTIONS,
    responsive: true,
    color: theme.site.muted,
    plugins: { legend: { labels: legendLabels(theme) } },
  };
}

/** Axis titles here are muted like the ticks, unlike the single-series charts elsewhere. */
function axis(theme: Theme, title: string, extra: CartesianAxis = {}): CartesianAxis {
  return themedAxis(theme.site, title, extra, theme.site.muted);
}

function ChartFigure({ id, title, build, theme, children }: {
  id: string;
  title: string;
  build: ((theme: Theme) => ChartConfiguration) | null;
  theme: Theme | null;
  children: React.ReactNode;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // The configuration is rebuilt on every render; its JSON says whether the chart must be redrawn.
  const config = build && theme ? build(theme) : null;
  const signature = config ? JSON.stringify(config.data) + JSON.stringify(theme) : '';
  useEffect(() => {
    if (!config || !canvas.current) return;
    let cancelled = false;
    let chart: { destroy(): void } | undefined;
    const element = canvas.current;
    import('../chart-setup.ts')
      .then(({ Chart }) => {
        if (cancelled) return;
        chart = new Chart(element, config);
        element.dataset.chartReady = 'true';
      })
      .catch((error: unknown) => {
        element.dataset.chartError = error instanceof Error ? error.message : String(error);
      });
    return () => {
      cancelled = true;
      chart?.destroy();
      delete element.dataset.chartReady;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  return (
    <figure className="compare-chart" id={id}>
      <figcaption>{title}</figcaption>
      {build ? (
        <div className="chart-canvas">
          <canvas ref={canvas} role="img" aria-label={`${title}. The same figures are in the data table below the chart.`} />
        </div>
      ) : null}
      <details className="chart-data">
        <summary>Data table: {title}</summary>
        <div className="table-scroll">{children}</div>
      </details>
    </figure>
  );
}

/**
 * Input (solid) and output (dashed) prices of several series as stepped lines on a date axis. The
 * legend lists each series once (its input line); output lines are told apart by dashes.
 */
function stepChart(t: Theme, series: readonly { label: string; steps: readonly PriceHistoryStep[] }[], xTitle: string): ChartConfiguration {
  return {
    type: 'line',
    data: {
      datasets: series.flatMap(({ label, steps }, i) =>
        (['input', 'output'] as const).map((dimension) => ({
          label: dimension === 'input' ? label : `${label} (output)`,
          data: steps.map((step) => ({ x: dayNumber(step.date), y: plotPrice(step[dimension]) })),
          borderColor: t.colors[i % t.colors.length]!,
          backgroundColor: t.colors[i % t.colors.length]!,
          borderDash: dimension === 'output' ? [6, 4] : [],
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          pointRadius: 4,
          stepped: true,
          spanGaps: false,
        })),
      ),
    },
    options: {
      ...baseOptions(t),
      parsing: false,
      plugins: {
        legend: { labels: { ...legendLabels(t), filter: (item: { datasetIndex?: number }) => (item.datasetIndex ?? 0) % 2 === 0 } },
        tooltip: {
          callbacks: {
            title: (items: { parsed: { x: number | null } }[]) => (items[0]?.parsed.x == null ? '' : isoFromDayNumber(items[0].parsed.x)),
            label: (item: { datasetIndex: number; dataset: { label?: string }; parsed: { y: number | null } }) =>
              `${item.dataset.label}${item.datasetIndex % 2 === 0 ? ' (input)' : ''}: $${item.parsed.y}/M`,
          },
        },
      },
      scales: {
        x: axis(t, xTitle, { type: 'linear', ticks: { callback: (v: number | string) => isoFromDayNumber(Number(v)), maxRotation: 0, autoSkipPadding: 16 } }),
        y: axis(t, 'USD per 1M tokens', { beginAtZero: true }),
      },
    },
  };
}

/** The figures of a step chart as a table: one row per step, the series named in the first column. */
function StepTable({ head, rows, context }: { head: string; rows: readonly { key: string; label: string; step: PriceHistoryStep }[]; context: boolean }) {
  return (
    <table>
      <ColumnHeads columns={[{ label: head }, { label: 'From' }, numericColumn('Input'), numericColumn('Output'), ...(context ? [numericColumn('Context')] : [])]} />
      <tbody>
        {rows.map(({ key, label, step }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{step.closing ? `unchanged to ${formatDate(step.date)}` : formatDate(step.date)}</td>
            <td className="num">{formatPricePerMillion(step.input)}</td>
            <td className="num">{formatPricePerMillion(step.output)}</td>
            {context ? <td className="num">{formatCount(step.contextLength)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function CompareCharts({ models, asOf, workload }: Props) {
  const theme = useTheme();
  const withOffers = models.filter((m) => m.offers.length > 0);
  const [offerModelId, setOfferModelId] = useState<string | null>(null);
  const offerModel = withOffers.find((m) => m.id === offerModelId) ?? withOffers[0] ?? null;
  const offerSteps = offerModel ? offerModel.offers.map((offer) => ({ offer, steps: offerHistorySteps(offer, asOf) })) : [];
  const labels = columnLabels(models);
  const dimensions = statedTokenDimensions(models);
  const costs = models.map((m) => workloadCost(m.pricing, workload));
  const histories = models.map((m) => priceHistorySteps(m, asOf));
  const color = (t: Theme, i: number) => t.colors[i % t.colors.length]!;

  const priceChart = (t: Theme): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: dimensions.map((d) => TOKEN_PRICE_LABELS[d]),
      datasets: models.map((m, i) => ({
        label: labels[i]!,
        data: dimensions.map((d) => plotPrice(m.pricing.perMillionTokens[d])),
        backgroundColor: color(t, i),
        pointStyle: POINT_STYLES[i],
      })),
    },
    options: { ...baseOptions(t), scales: { x: axis(t, 'Price dimension'), y: axis(t, 'USD per 1M tokens', { beginAtZero: true }) } },
  });

  const costChart = (t: Theme): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: [
        {
          label: 'USD per month',
          data: costs.map((c) => (c.kind === 'priced' ? Number(c.perMonth) : null)),
          backgroundColor: models.map((_, i) => color(t, i)),
        },
      ],
    },
    options: {
      ...baseOptions(t),
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: axis(t, 'USD per month', { beginAtZero: true }), y: axis(t, 'Model') },
    },
  });

  const contextChart = (t: Theme): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: [...labels],
      datasets: [
        { label: 'Context length', data: models.map((m) => m.contextLength), backgroundColor: t.colors[0] },
        { label: 'Max output tokens', data: models.map((m) => m.maxCompletionTokens), backgroundColor: t.colors[1] },
      ],
    },
    options: {
      ...baseOptions(t),
      indexAxis: 'y',
      scales: { x: axis(t, 'Tokens', { beginAtZero: true, ticks: { callback: (v: number | string) => formatContextShort(Number(v)) } }), y: axis(t, 'Model') },
    },
  });

  const historyChart = (t: Theme) => stepChart(t, models.map((_, i) => ({ label: labels[i]!, steps: histories[i]! })), 'Snapshot date');
  const offerChart = (t: Theme) =>
    stepChart(t, offerSteps.map(({ offer, steps }) => ({ label: `${offer.providerName}${offer.listed ? '' : ' (retired)'}`, steps })), 'Date stated');

  return (
    <div className="compare-charts">
      <ChartFigure id="chart-prices" title="Price per dimension (USD per 1M tokens)" build={dimensions.length > 0 ? priceChart : null} theme={theme}>
        <table>
          <ColumnHeads columns={[{ label: 'Dimension' }, ...labels.map((l) => numericColumn(l))]} />
          <tbody>
            {dimensions.map((d) => (
              <tr key={d}>
                <th scope="row">{TOKEN_PRICE_LABELS[d]}</th>
                {models.map((m) => (
                  <td className="num" key={m.id}>
                    {formatPricePerMillion(m.pricing.perMillionTokens[d])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>

      <ChartFigure id="chart-workload" title="Workload cost per month" build={costChart} theme={theme}>
        <p className="muted">{describeWorkload(workload)}.</p>
        <table>
          <ColumnHeads columns={[{ label: 'Model' }, numericColumn('Per request'), numericColumn('Per day'), numericColumn('Per month')]} />
          <tbody>
            {costs.map((c, i) => (
              <tr key={models[i]!.id}>
                <th scope="row">{labels[i]}</th>
                {c.kind !== 'priced' ? (
                  <td colSpan={3}>{`${c.kind}: ${c.reason}`}</td>
                ) : (
                  <>
                    <td className="num">{formatUsdRounded(c.perRequest)}</td>
                    <td className="num">{formatUsdRounded(c.perDay)}</td>
                    <td className="num">{formatUsdRounded(c.perMonth)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>

      <ChartFigure id="chart-context" title="Context length and max output (tokens)" build={contextChart} theme={theme}>
        <table>
          <ColumnHeads columns={[{ label: 'Model' }, numericColumn('Context length'), numericColumn('Max output tokens')]} />
          <tbody>
            {models.map((m, i) => (
              <tr key={m.id}>
                <th scope="row">{labels[i]}</th>
                <td className="num">{formatCount(m.contextLength)}</td>
                <td className="num">{formatCount(m.maxCompletionTokens)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>

      <ChartFigure id="chart-history" title="Price history (input solid, output dashed; USD per 1M tokens)" build={historyChart} theme={theme}>
        <StepTable
          head="Model"
          context
          rows={histories.flatMap((steps, i) => steps.map((step) => ({ key: `${models[i]!.id}-${step.date}-${step.closing}`, label: labels[i]!, step })))}
        />
      </ChartFigure>
      {withOffers.length > 1 ? (
        <p className="offer-chart-pick">
          <label>
            Offers of{' '}
            <select value={offerModel?.id ?? ''} onChange={(event) => setOfferModelId(event.target.value)}>
              <OptionList choices={withOffers.map((m) => [m.id, m.displayName])} />
            </select>
          </label>
        </p>
      ) : null}
      {offerModel ? (
        <ChartFigure id="chart-offers" title={`Price history by offer: ${offerModel.displayName} (input solid, output dashed; USD per 1M tokens)`} build={offerChart} theme={theme}>
          <StepTable
            head="Provider"
            context={false}
            rows={offerSteps.flatMap(({ offer, steps }) => steps.map((step) => ({ key: `${offer.id}-${step.date}-${step.closing}`, label: offer.providerName, step })))}
          />
        </ChartFigure>
      ) : null}
    </div>
  );
}
