/**
 * A bar chart of the cheapest models' monthly cost, with the same numbers as a table. chart.js is
 * imported only when the figure nears the viewport.
 */
import { useEffect, useId, useRef } from 'react';
import { formatUsdRounded } from '../../lib/format/format.ts';
import { whenVisible } from '../../lib/browser/when-visible.ts';
import type { OfferRow } from '../../lib/calculator/offer-ranking.ts';
import type { ChartBar, CostChart } from './cost-chart.ts';
import ColumnHeads, { numericColumn } from '../ColumnHeads.tsx';
import OptionList from '../OptionList.tsx';

interface Props {
  rows: OfferRow[];
  top: number;
  choices: readonly number[];
  onTopChange: (top: number) => void;
}

const AXIS_LABEL = 'USD per month';

function barsOf(rows: OfferRow[]): ChartBar[] {
  return rows.map((r) => ({ label: `${r.model.displayName} at ${r.providerName}`, value: Number(r.costs.perMonth), text: `${formatUsdRounded(r.costs.perMonth)} per month` }));
}

export default function CheapestChart({ rows, top, choices, onTopChange }: Props) {
  const figureRef = useRef<HTMLElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<CostChart | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const id = useId();

  useEffect(() => {
    const figure = figureRef.current;
    if (!figure) return;
    let cancelled = false;
    whenVisible(figure, async () => {
      const { createCostChart } = await import('./cost-chart.ts');
      if (cancelled || !canvasRef.current) return;
      chartRef.current = createCostChart(canvasRef.current, barsOf(rowsRef.current), AXIS_LABEL);
    });
    return () => {
      cancelled = true;
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.update(barsOf(rows), AXIS_LABEL);
  }, [rows]);

  const summary = rows.length > 0 ? `Bar chart of the ${rows.length} cheapest per month; the table below gives the same numbers.` : 'No paid model to chart.';
  return (
    <figure className="calc-chart" ref={figureRef} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <span>The cheapest {rows.length} per month</span>
        <label htmlFor={`${id}-top`} className="calc-inline-label">
          Show
        </label>
        <select id={`${id}-top`} value={top} onChange={(e) => onTopChange(Number(e.target.value))}>
          <OptionList choices={choices.map((n) => [n, n])} />
        </select>
      </figcaption>
      <div className="calc-chart-canvas" style={{ height: `${Math.max(4, rows.length) * 1.9 + 4}rem` }}>
        <canvas ref={canvasRef} role="img" aria-label={summary} />
      </div>
      <details className="calc-chart-data">
        <summary>Chart data as a table</summary>
        <table data-testid="calc-chart-table">
          <caption className="visually-hidden">The cheapest {rows.length}, cost per month</caption>
          <ColumnHeads columns={[{ label: 'Model and provider' }, numericColumn('Per month')]} />
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.offer.providerId} ${r.model.id}`}>
                <th scope="row">
                  {r.model.displayName} at {r.providerName}
                </th>
                <td className="num">{formatUsdRounded(r.costs.perMonth)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
