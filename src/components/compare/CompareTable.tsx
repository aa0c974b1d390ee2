/**
 * The comparison table. Rendered on the server for the static pair pages (no JavaScript shipped) and
 * inside the compare island, so both read identically. "Only rows that differ" is a checkbox that
 * works through CSS (:has), without script. Differences and best values carry text, not only colour.
 */
import type { CompareModel, RowGroup } from '../../lib/compare/compare.ts';
import { columnLabels } from '../../lib/compare/compare.ts';
import { toSlug } from '../../lib/format/slug.ts';

interface Props {
  models: readonly CompareModel[];
  groups: readonly RowGroup[];
  caption: string;
  /** When given, each column header has a remove button (the island). */
  onRemove?: (id: string) => void;
}

export default function CompareTable({ models, groups, caption, onRemove }: Props) {
  const labels = columnLabels(models);
  const differing = groups.reduce((n, g) => n + g.rows.filter((r) => r.differs).length, 0);
  return (
    <div className="compare-block">
      <p className="compare-legend">
        <label className="only-diff">
          <input type="checkbox" className="only-diff-toggle" /> Show only the {differing} rows that differ
        </label>
        <span className="muted">
          Rows marked <span className="diff-mark" aria-hidden="true">≠</span>
          <span className="visually-hidden">“differs”</span> differ; a badge such as <span className="best-badge">cheapest</span> marks the best value in a row.
        </span>
      </p>
      <div className="table-scroll compare-scroll" role="region" aria-label={`${caption} (scrolls sideways)`} tabIndex={0}>
        <table className="compare-table" style={{ ['--columns' as string]: models.length }}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="field-col">
                Field
              </th>
              {models.map((m, i) => (
                <th scope="col" key={m.id} className="model-col" data-model-id={m.id}>
                  <a href={`/models/${toSlug(m.id)}/`}>{labels[i]}</a>
                  <span className="model-col-author">{m.authorLabel}</span>
                  {onRemove ? (
                    <button type="button" className="secondary remove" onClick={() => onRemove(m.id)} aria-label={`Remove ${m.displayName} from the comparison`}>
                      Remove
                    </button>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.id} data-group={group.id}>
              <tr className="group-row">
                <th scope="colgroup" colSpan={models.length + 1} id={`group-${group.id}`}>
                  <span className="group-title">{group.title}</span>
                </th>
              </tr>
              {group.rows.map((row) => (
                <tr key={row.id} data-row={row.id} className={row.differs ? 'differs' : 'same'}>
                  <th scope="row">
                    {row.label}
                    {row.differs ? (
                      <>
                        {' '}
                        <span className="diff-mark" aria-hidden="true">
                          ≠
                        </span>
                        <span className="visually-hidden"> (differs)</span>
                      </>
                    ) : null}
                    {row.hint ? <span className="row-hint">{row.hint}</span> : null}
                  </th>
                  {row.shared ? (
                    <td colSpan={models.length} className="shared-cell">
                      {row.cells[0]?.text}
                    </td>
                  ) : null}
                  {(row.shared ? [] : row.cells).map((cell, i) => {
                    const best = row.best[i] === true;
                    const value = cell.code ? <code>{cell.text}</code> : cell.text;
                    return (
                      <td key={models[i]?.id ?? i} className={best ? 'best' : undefined} data-model-id={models[i]?.id}>
                        {cell.href ? <a href={cell.href}>{value}</a> : value}
                        {best && row.bestLabel ? (
                          <>
                            {' '}
                            <span className="best-badge">
                              <span className="visually-hidden">best value: </span>
                              {row.bestLabel}
                            </span>
                          </>
                        ) : null}
                        {cell.note ? <span className="cell-note">{cell.note}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
