/** Which offers the ranking shows: model search, author, tag, provider, quality, context, retired, one row per model. */
import { useId, useMemo } from 'react';
import { formatCount } from '../../lib/format/format.ts';
import type { CalculatorView } from '../../lib/calculator/calculator-url.ts';
import type { PricingPayload } from '../../lib/calculator/pricing-payload.ts';

interface Props {
  view: CalculatorView;
  payload: PricingPayload | null;
  promptTokens: number;
  onChange: <K extends keyof CalculatorView>(key: K, value: CalculatorView[K]) => void;
}

export default function RankingFilters({ view, payload, promptTokens, onChange }: Props) {
  const ids = useId();
  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const m of payload?.models ?? []) if (m.listed || view.retired) byId.set(m.author, m.authorLabel);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1], 'en'));
  }, [payload, view.retired]);
  const tags = useMemo(() => [...new Set((payload?.models ?? []).flatMap((m) => m.tags))].sort(), [payload]);
  const providers = useMemo(() => {
    const selling = new Set((payload?.offers ?? []).filter((o) => o.listed || view.retired).map((o) => o.providerId));
    return (payload?.providers ?? []).filter((p) => selling.has(p.id)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }, [payload, view.retired]);

  return (
    <div className="calc-filters" role="search" aria-label="Filter the ranking">
      <div className="calc-field">
        <label htmlFor={`${ids}-q`}>Search models</label>
        <input id={`${ids}-q`} type="search" value={view.query} onChange={(e) => onChange('query', e.target.value)} placeholder="name or id" />
      </div>
      <div className="calc-field">
        <label htmlFor={`${ids}-provider`}>Provider</label>
        <select id={`${ids}-provider`} value={view.provider} onChange={(e) => onChange('provider', e.target.value)}>
          <option value="">All providers</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor={`${ids}-author`}>Author</label>
        <select id={`${ids}-author`} value={view.author} onChange={(e) => onChange('author', e.target.value)}>
          <option value="">All authors</option>
          {authors.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor={`${ids}-tag`}>Tag</label>
        <select id={`${ids}-tag`} value={view.tag} onChange={(e) => onChange('tag', e.target.value)}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div className="calc-field">
        <label htmlFor={`${ids}-minq`}>Intelligence index at least</label>
        <input
          id={`${ids}-minq`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={view.minQuality ?? ''}
          aria-describedby={`${ids}-minq-note`}
          onChange={(e) => onChange('minQuality', e.target.value.trim() === '' || !Number.isFinite(Number(e.target.value)) ? null : Number(e.target.value))}
        />
        <span className="muted calc-field-note" id={`${ids}-minq-note`}>
          Artificial Analysis{payload?.qualityAsOf ? ` (${payload.qualityAsOf})` : ''}; models without an index are left out when set.
        </span>
      </div>
      <div className="calc-check">
        <input id={`${ids}-one`} type="checkbox" checked={view.onePerModel} onChange={(e) => onChange('onePerModel', e.target.checked)} />
        <label htmlFor={`${ids}-one`}>One row per model (its cheapest provider)</label>
      </div>
      <div className="calc-check">
        <input id={`${ids}-ctx`} type="checkbox" checked={view.contextHoldsPrompt} onChange={(e) => onChange('contextHoldsPrompt', e.target.checked)} />
        <label htmlFor={`${ids}-ctx`}>Only offers whose stated context holds the {formatCount(promptTokens)}-token prompt</label>
      </div>
      <div className="calc-check">
        <input id={`${ids}-retired`} type="checkbox" checked={view.retired} onChange={(e) => onChange('retired', e.target.checked)} />
        <label htmlFor={`${ids}-retired`}>Include retired models and offers (last known prices)</label>
      </div>
    </div>
  );
}
