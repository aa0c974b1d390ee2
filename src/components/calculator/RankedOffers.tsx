/** The ranked table: one row per offer (or per model), cost per request, day and month, and a breakdown on demand. */
import { useId, useState } from 'react';
import { formatCount, formatDiscount, formatUsd, formatUsdRounded } from '../../lib/format/format.ts';
import { modelPath } from '../../lib/format/slug.ts';
import { DIMENSION_LABELS, UNIT_DIMENSIONS, type CostLine } from '../../lib/pricing/pricing.ts';
import type { Workload } from '../../lib/pricing/workload.ts';
import { offerKey, type OfferRow } from '../../lib/calculator/offer-ranking.ts';
import { rowNotes } from '../../lib/calculator/ranking-text.ts';
import ColumnHeads, { type Column } from '../ColumnHeads.tsx';

interface Props {
  rows: OfferRow[];
  total: number;
  highlight: string;
  workload: Workload;
  onePerModel: boolean;
  onShowAll: (() => void) | null;
}

/** The provider column and the per-day cost fold away on narrow screens (calculator.css). */
const RANKED_COLUMNS: readonly Column[] = [
  { label: '#', className: 'num' },
  { label: 'Model' },
  { label: 'Provider', className: 'calc-provider-col' },
  { label: 'Per request', className: 'num' },
  { label: 'Per day', className: 'num calc-per-day' },
  { label: 'Per month', className: 'num' },
];
const BREAKDOWN_COLUMNS: readonly Column[] = [{ label: 'Price' }, { label: 'Quantity', className: 'num' }, { label: 'Unit price', className: 'num' }, { label: 'Cost', className: 'num' }];

export default function RankedOffers({ rows, total, highlight, workload, onePerModel, onShowAll }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const baseId = useId();
  const what = onePerModel ? 'Paid models at their cheapest provider' : 'Paid offers';
  return (
    <div className="table-scroll">
      <table className="calc-table" data-testid="calc-ranked">
        <caption>
          {what} ranked by cost, cheapest first ({formatCount(rows.length)} of {formatCount(total)} shown), for {formatCount(workload.requests)} requests a {workload.per}
          {workload.per === 'day' ? ` over ${workload.daysPerMonth} days a month` : ''}
        </caption>
        <ColumnHeads columns={RANKED_COLUMNS} />
        {rows.map((row, index) => {
          const note = rowNotes(row);
          const key = offerKey(row.offer);
          const isOpen = open.has(key);
          const detailId = `${baseId}-${index}`;
          // One <tbody> per offer keeps its breakdown row next to it without breaking table semantics.
          return (
            <tbody key={key} className={row.model.id === highlight ? 'calc-selected' : undefined}>
              <tr data-model-id={row.model.id} data-provider-id={row.offer.providerId}>
                <td className="num">{index + 1}</td>
                <th scope="row">
                  <a href={modelPath(row.model.slug)}>{row.model.displayName}</a>
                  <span className="calc-provider-inline">at {row.providerName}</span>
                  {row.model.id === highlight && <span className="tag calc-selected-tag">selected</span>}
                  {note && <span className="calc-note"> {note}</span>}
                  <button type="button" className="calc-disclosure" aria-expanded={isOpen} aria-controls={detailId} onClick={() => toggle(key)}>
                    Breakdown
                  </button>
                </th>
                <td className="calc-provider-col">{row.providerName}</td>
                <td className="num" data-cost="request" data-exact={row.costs.perRequest}>
                  {formatUsdRounded(row.costs.perRequest)}
                </td>
                <td className="num calc-per-day" data-cost="day" data-exact={row.costs.perDay}>
                  {formatUsdRounded(row.costs.perDay)}
                </td>
                <td className="num" data-cost="month" data-exact={row.costs.perMonth}>
                  {formatUsdRounded(row.costs.perMonth)}
                </td>
              </tr>
              {isOpen && (
                <tr className="calc-breakdown-row" id={detailId}>
                  <td colSpan={6}>
                    <Breakdown what={`${row.model.displayName} at ${row.providerName}`} lines={row.lines} total={row.costs.perRequest} discount={row.discount} />
                  </td>
                </tr>
              )}
            </tbody>
          );
        })}
      </table>
      {onShowAll && (
        <button type="button" className="secondary calc-more" onClick={onShowAll}>
          Show all {formatCount(total)} ranked {onePerModel ? 'models' : 'offers'}
        </button>
      )}
    </div>
  );
}

function unitOf(line: CostLine): string {
  return (UNIT_DIMENSIONS as readonly string[]).includes(line.dimension) ? ' each' : '/M';
}

export function Breakdown({ what, lines, total, discount }: { what: string; lines: CostLine[]; total: string; discount: string | null }) {
  return (
    <table className="calc-breakdown">
      <caption>Cost of one request on {what}, by price</caption>
      <ColumnHeads columns={BREAKDOWN_COLUMNS} />
      <tbody>
        {lines.map((line) => (
          <tr key={line.dimension} data-dimension={line.dimension}>
            <th scope="row">{DIMENSION_LABELS[line.dimension]}</th>
            <td className="num">{formatCount(line.quantity)}</td>
            <td className="num">
              {formatUsd(line.unitPrice)}
              {unitOf(line)}
            </td>
            <td className="num">{formatUsd(line.cost)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Total per request{discount ? ` (${formatDiscount(discount)})` : ''}
          </th>
          <td className="num">{formatUsd(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
