/** Which offers the ranking shows: model search, author, tag, provider, quality, context, retired, one row per model. */
import { useId, useMemo, type ReactNode } from 'react';
import { formatCount } from '../../lib/format/format.ts';
import type { CalculatorView } from '../../lib/calculator/calculator-url.ts';
import type { PricingPayload } from '../../lib/calculator/pricing-payload.ts';
import OptionList, { type Choice } from '../OptionList.tsx';

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
      <SelectField id={`${ids}-provider`} label="Provider" value={view.provider} choices={[['', 'All providers'], ...providers.map((p) => [p.id, p.name] as const)]} onChange={(v) => onChange('provider', v)} />
      <SelectField id={`${ids}-author`} label="Author" value={view.author} choices={[['', 'All authors'], ...authors]} onChange={(v) => onChange('author', v)} />
      <SelectField id={`${ids}-tag`} label="Tag" value={view.tag} choices={[['', 'Any tag'], ...tags.map((t) => [t, t] as const)]} onChange={(v) => onChange('tag', v)} />
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
      <CheckField id={`${ids}-one`} checked={view.onePerModel} onChange={(v) => onChange('onePerModel', v)}>
        One row per model (its cheapest provider)
      </CheckField>
      <CheckField id={`${ids}-ctx`} checked={view.contextHoldsPrompt} onChange={(v) => onChange('contextHoldsPrompt', v)}>
        Only offers whose stated context holds the {formatCount(promptTokens)}-token prompt
      </CheckField>
      <CheckField id={`${ids}-retired`} checked={view.retired} onChange={(v) => onChange('retired', v)}>
        Include retired models and offers (last known prices)
      </CheckField>
    </div>
  );
}

function SelectField({ id, label, value, choices, onChange }: { id: string; label: string; value: string; choices: readonly Choice[]; onChange: (value: string) => void }) {
  return (
    <div className="calc-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <OptionList choices={choices} />
      </select>
    </div>
  );
}

function CheckField({ id, checked, onChange, children }: { id: string; checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <div className="calc-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}
