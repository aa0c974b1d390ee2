/**
 * "Select rows, then compare": a small bar that follows the `input[name="compare"]` checkboxes of the
 * page it is mounted on (the catalog table, the quick picks on /compare/) and opens
 * /compare/?models=… for the checked models, in the order they were checked. A checkbox's value is the
 * model id; a checkbox without one takes the id from its row's `data-model-id`.
 *
 * The checkboxes may sit in a `<form action="/compare/" method="get">` with a submit button marked
 * `data-compare-fallback`: that works without JavaScript (the compare page reads ?compare=a&compare=b),
 * and this island hides it once it runs.
 */
import { useEffect, useRef, useState } from 'react';
import { MAX_COMPARE, MIN_COMPARE, compareUrl } from '../../lib/compare/compare-url.ts';

const SELECTOR = 'input[type="checkbox"][name="compare"]';

function modelIdOf(input: HTMLInputElement): string | null {
  if (input.value && input.value !== 'on') return input.value;
  return input.closest<HTMLElement>('[data-model-id]')?.dataset.modelId ?? null;
}

function checkedIds(): string[] {
  return [...document.querySelectorAll<HTMLInputElement>(SELECTOR)]
    .filter((input) => input.checked)
    .map(modelIdOf)
    .filter((id): id is string => id !== null);
}

export default function CompareSelection() {
  const [ids, setIds] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  // No bar is rendered on the server: without JavaScript it could not work (the form's own
  // submit button serves instead).
  const [mounted, setMounted] = useState(false);
  const selected = useRef<string[]>([]);

  useEffect(() => {
    const set = (next: string[]) => {
      selected.current = next;
      setIds(next);
    };
    // Browsers restore checkbox state on Back; start from what is checked now.
    set(checkedIds().slice(0, MAX_COMPARE));
    setMounted(true);
    for (const fallback of document.querySelectorAll<HTMLElement>('[data-compare-fallback]')) fallback.hidden = true;
    const onChange = (event: Event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || !input.matches(SELECTOR)) return;
      const id = modelIdOf(input);
      if (id === null) return;
      const current = selected.current;
      if (!input.checked) {
        set(current.filter((known) => known !== id));
        setMessage('');
        return;
      }
      if (current.includes(id)) return;
      if (current.length >= MAX_COMPARE) {
        input.checked = false;
        setMessage(`Up to ${MAX_COMPARE} models can be compared; clear one to choose another.`);
        return;
      }
      set([...current, id]);
      setMessage('');
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, []);

  const clear = () => {
    for (const input of document.querySelectorAll<HTMLInputElement>(SELECTOR)) input.checked = false;
    selected.current = [];
    setIds([]);
    setMessage('');
  };

  // An empty anchor until then: client:visible watches the island's children, and needs one to watch.
  if (!mounted) return <span className="compare-selection-anchor" />;
  const count = ids.length;
  const ready = count >= MIN_COMPARE;
  return (
    <div className={`compare-selection${count > 0 ? ' has-selection' : ''}`} role="region" aria-label="Compare selected models">
      <p className="compare-selection-status" aria-live="polite">
        {message ||
          (count === 0
            ? `Tick ${MIN_COMPARE} to ${MAX_COMPARE} models to compare them.`
            : ready
              ? `${count} selected.`
              : `${count} selected; tick at least one more.`)}
      </p>
      <button type="button" disabled={!ready} onClick={() => window.location.assign(compareUrl(ids))}>
        Compare selected ({count})
      </button>
      {count > 0 ? (
        <button type="button" className="secondary" onClick={clear}>
          Clear
        </button>
      ) : null}
    </div>
  );
}
