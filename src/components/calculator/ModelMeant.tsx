/**
 * The model a search means (or a link selects), shown before the cost ranking: a demanding reader who
 * types "llama 3.1 8b" wants that model and where it is cheapest, not the cheapest of everything the
 * words match. Its offers come free first, then cheapest first; the next best matches can be picked
 * instead.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatCount, formatUsdRounded } from '../../lib/format/format.ts';
import { modelPath } from '../../lib/format/slug.ts';
import { offerKey, type ModelMeant as Meant, type OfferRanking } from '../../lib/calculator/offer-ranking.ts';
import { meantText, rowNotes } from '../../lib/calculator/ranking-text.ts';
import type { Workload } from '../../lib/pricing/workload.ts';
import ColumnHeads, { numericColumn, type Column } from '../ColumnHeads.tsx';
import { Breakdown } from './RankedOffers.tsx';
import './model-meant.css';

interface Props {
  meant: Meant;
  /** What the box is: "Best match for “llama 3.1 8b”" or "Selected model". */
  kicker: string;
  /** The ranking below, to say where the model stands in it. */
  ranking: OfferRanking;
  onePerModel: boolean;
  workload: Workload;
  /** Makes another match the one meant (by searching for its id). */
  onPick: (modelId: string) => void;
  /** Drops a selection the link made; a search is cleared in its own box. */
  onClear?: () => void;
}

/** Offers shown before "Show all": enough to compare the usual providers without pushing the ranking far down. */
const FIRST_ROWS = 8;

/** The per-day cost folds away on narrow screens, as in the ranking (calculator.css). */
const MEANT_COLUMNS: readonly Column[] = [numericColumn('#'), { label: 'Provider' }, numericColumn('Per request'), { label: 'Per day', className: 'num calc-per-day' }, numericColumn('Per month')];

export default function ModelMeant({ meant, kicker, ranking, onePerModel, workload, onPick, onClear }: Props) {
  const ids = useId();
  const [showAll, setShowAll] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const { model, offers, others } = meant;
  const heading = useRef<HTMLHeadingElement>(null);
  // The match picked from the list below: once it is the one shown, the keyboard continues from its name.
  const picked = useRef<string | null>(null);
  useEffect(() => {
    setShowAll(false);
    setOpen(null);
    if (picked.current === model.id) heading.current?.focus();
    picked.current = null;
  }, [model.id]);
  const priced = [...offers.free, ...offers.ranked];
  const rows = showAll ? priced : priced.slice(0, FIRST_ROWS);
  const unpriced = [...offers.variable.map((r) => ({ ...r, why: r.reason })), ...offers.cannotServe.map((r) => ({ ...r, why: r.reasons.join('; ') }))];
  return (
    <section className="calc-meant" aria-labelledby={`${ids}-name`} data-testid="calc-meant" data-model-id={model.id}>
      <h3 id={`${ids}-name`} ref={heading} tabIndex={-1}>
        <span className="calc-meant-kicker">{kicker}</span> <a href={modelPath(model.slug)}>{model.displayName}</a>
      </h3>
      <p className="calc-meant-id">
        <code>{model.id}</code>
      </p>
      <p>{meantText(meant, ranking, onePerModel)}</p>
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="calc-table" data-testid="calc-meant-offers">
            <caption>
              {model.displayName} at every provider that serves this workload, cheapest first, for {formatCount(workload.requests)} requests a {workload.per} ({formatCount(rows.length)} of{' '}
              {formatCount(priced.length)} shown)
            </caption>
            <ColumnHeads columns={MEANT_COLUMNS} />
            {rows.map((row, index) => {
              const key = offerKey(row.offer);
              const note = rowNotes(row);
              const free = index < offers.free.length;
              const detailId = `${ids}-${index}`;
              return (
                <tbody key={key}>
                  <tr data-provider-id={row.offer.providerId}>
                    <td className="num">{index + 1}</td>
                    <th scope="row">
                      <strong>{row.providerName}</strong>
                      {note && <span className="calc-note"> {note}</span>}
                      <button type="button" className="calc-disclosure" aria-expanded={open === key} aria-controls={detailId} onClick={() => setOpen(open === key ? null : key)}>
                        Breakdown
                      </button>
                    </th>
                    <td className="num" data-cost="request" data-exact={row.costs.perRequest}>
                      {free ? 'Free' : formatUsdRounded(row.costs.perRequest)}
                    </td>
                    <td className="num calc-per-day" data-cost="day" data-exact={row.costs.perDay}>
                      {free ? 'Free' : formatUsdRounded(row.costs.perDay)}
                    </td>
                    <td className="num" data-cost="month" data-exact={row.costs.perMonth}>
                      {free ? 'Free' : formatUsdRounded(row.costs.perMonth)}
                    </td>
                  </tr>
                  {open === key && (
                    <tr className="calc-breakdown-row" id={detailId}>
                      <td colSpan={5}>
                        <Breakdown what={`${model.displayName} at ${row.providerName}`} lines={row.lines} total={row.costs.perRequest} discount={row.discount} />
                      </td>
                    </tr>
                  )}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
      {!showAll && priced.length > FIRST_ROWS && (
        <button type="button" className="secondary calc-more" onClick={() => setShowAll(true)}>
          Show all {formatCount(priced.length)} offers of {model.displayName}
        </button>
      )}
      {unpriced.length > 0 && (
        <details className="calc-meant-unpriced">
          <summary>Its offers without a price for this workload ({formatCount(unpriced.length)})</summary>
          <ul>
            {unpriced.map((r) => (
              <li key={offerKey(r.offer)} data-provider-id={r.offer.providerId}>
                {r.providerName}: {r.why}
              </li>
            ))}
          </ul>
        </details>
      )}
      {onClear && (
        <button type="button" className="secondary" onClick={onClear}>
          Clear selection
        </button>
      )}
      {others.length > 0 && (
        <div className="calc-meant-others">
          <p id={`${ids}-others`}>Not the one? Other matches, best first:</p>
          <ul aria-labelledby={`${ids}-others`}>
            {others.map((m) => (
              <li key={m.id}>
                <button type="button" className="secondary" onClick={() => {
                    picked.current = m.id;
                    onPick(m.id);
                  }} aria-label={`${m.displayName} (${m.id})`}>
                  {m.displayName}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
