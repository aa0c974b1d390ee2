/**
 * Token counts of pasted text, one row per tokenizer, side by side. The GPT tokenizer and the
 * estimate count as soon as there is text; the larger tokenizers load when asked for, since each is
 * a download of one to six megabytes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatCount } from '../../lib/format/format.ts';
import { COUNTER_IDS, counterForFamily, countTokens, isCounterLoaded, TOKEN_COUNTERS, type CounterId } from '../../lib/calculator/tokenizers.ts';
import type { PricedModel } from '../../lib/calculator/pricing-payload.ts';
import ColumnHeads, { numericColumn } from '../ColumnHeads.tsx';

interface Props {
  models: PricedModel[] | null;
  onUse: (count: number, target: 'inputTokens' | 'outputTokens') => void;
}

type CountState = { status: 'idle' } | { status: 'loading' } | { status: 'done'; count: number; text: string } | { status: 'error'; message: string };

const AUTOMATIC: readonly CounterId[] = ['o200k', 'estimate'];

export default function TokenCounter({ models, onUse }: Props) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState<'inputTokens' | 'outputTokens'>('inputTokens');
  const [counts, setCounts] = useState<Partial<Record<CounterId, CountState>>>({});
  const [wanted, setWanted] = useState<ReadonlySet<CounterId>>(new Set(AUTOMATIC));
  const latestText = useRef(text);
  latestText.current = text;
  const id = useId();

  const families = useMemo(() => {
    const byCounter = new Map<CounterId, { families: Set<string>; models: number }>();
    for (const m of models ?? []) {
      if (!m.listed) continue;
      const counter = counterForFamily(m.tokenizer);
      const entry = byCounter.get(counter) ?? { families: new Set<string>(), models: 0 };
      entry.families.add(m.tokenizer ?? 'unknown');
      entry.models += 1;
      byCounter.set(counter, entry);
    }
    return byCounter;
  }, [models]);

  // Counting waits for a pause in typing; each result is kept only if the text has not changed since.
  useEffect(() => {
    if (text === '') {
      setCounts({});
      return;
    }
    const timer = window.setTimeout(() => {
      for (const counter of wanted) {
        const current = counts[counter];
        if (current?.status === 'done' && current.text === text) continue;
        if (!isCounterLoaded(counter)) setCounts((c) => ({ ...c, [counter]: { status: 'loading' } }));
        countTokens(counter, text).then(
          (count) => {
            if (latestText.current === text) setCounts((c) => ({ ...c, [counter]: { status: 'done', count, text } }));
          },
          (error: unknown) => setCounts((c) => ({ ...c, [counter]: { status: 'error', message: error instanceof Error ? error.message : String(error) } })),
        );
      }
    }, 250);
    return () => window.clearTimeout(timer);
    // `counts` is read only to skip finished work; re-running on its change would loop.
  }, [text, wanted]);

  const want = (counters: readonly CounterId[]) => setWanted((w) => new Set([...w, ...counters]));

  return (
    <details className="calc-counter">
      <summary>Count tokens of a text</summary>
      <div className="calc-field">
        <label htmlFor={`${id}-text`}>Paste a prompt or a typical answer</label>
        <textarea id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <p className="muted calc-counter-note">
        The text stays in your browser and is not put in the link. Counts exclude special tokens such as the beginning-of-text marker.
      </p>
      <div className="calc-counter-controls">
        <div className="calc-field">
          <label htmlFor={`${id}-target`}>“Use” puts the count into</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value === 'outputTokens' ? 'outputTokens' : 'inputTokens')}>
            <option value="inputTokens">input tokens</option>
            <option value="outputTokens">output tokens</option>
          </select>
        </div>
        <button type="button" className="secondary" onClick={() => want(COUNTER_IDS)} disabled={text === ''}>
          Count with every tokenizer
        </button>
      </div>
      <div className="table-scroll">
        <table className="calc-counts" data-testid="calc-token-counts">
          <caption className="visually-hidden">Token counts of the text by tokenizer</caption>
          <ColumnHeads columns={[{ label: 'Tokenizer' }, numericColumn('Tokens')]} />
          <tbody>
            {COUNTER_IDS.map((counter) => {
              const info = TOKEN_COUNTERS[counter];
              const state = counts[counter] ?? { status: 'idle' };
              const usedBy = families.get(counter);
              return (
                <tr key={counter} data-counter={counter}>
                  <th scope="row">
                    {info.label}
                    {!info.exact && <span className="tag calc-estimate-tag">{counter === 'estimate' ? 'estimate' : 'approximation'}</span>}
                    <span className="calc-used-for">
                      {usedBy ? `For ${[...usedBy.families].sort().join(', ')}: ${formatCount(usedBy.models)} listed models` : 'No listed model uses it'}
                    </span>
                  </th>
                  <td className="num" data-count={state.status === 'done' ? state.count : undefined}>
                    {state.status === 'done' && formatCount(state.count)}
                    {state.status === 'loading' && 'loading…'}
                    {state.status === 'error' && <span className="calc-error">{state.message}</span>}
                    {state.status === 'idle' && text !== '' && !wanted.has(counter) && (
                      <button type="button" className="secondary" onClick={() => want([counter])} aria-label={`Count with ${info.label}${info.downloadMb > 0 ? `, a ${info.downloadMb} MB download` : ''}`}>
                        Count{info.downloadMb > 0 ? ` (${info.downloadMb} MB)` : ''}
                      </button>
                    )}
                    {state.status === 'done' && (
                      <button type="button" className="secondary calc-use" onClick={() => onUse(state.count, target)} aria-label={`Use ${formatCount(state.count)} ${info.label} tokens as ${target === 'inputTokens' ? 'input' : 'output'} tokens`}>
                        Use
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
