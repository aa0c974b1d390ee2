/**
 * A searchable model picker following the ARIA combobox pattern (list autocomplete): type to filter,
 * ArrowDown/ArrowUp move the active option (aria-activedescendant, focus stays in the input), Enter
 * picks it, Escape closes the list (a second Escape clears the text). Options can be clicked too.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { searchModels, type SearchFields } from '../../lib/search/model-search.ts';
import './model-picker.css';

/** Any model the site's search can rank: the compare page's picker entries and the playground's models. */
export type PickerModel = SearchFields & { retiredSince?: string | null };

interface Props<M extends PickerModel> {
  models: readonly M[];
  exclude: ReadonlySet<string>;
  onPick: (model: M) => void;
  /** Set when no more models can be added, with the reason shown to the user. */
  disabledReason: string | null;
  /** The id of the text box; the compare page renders a plain box with this id until the picker loads. */
  inputId: string;
  /** What was typed into that plain box before the picker took over, and whether it had focus. */
  initialQuery?: string;
  autoFocus?: boolean;
  label?: string;
  placeholder?: string;
  hint?: string;
  /**
   * Enter on text that no option matches (the playground: an id for another server). Without it,
   * such text adds nothing.
   */
  onPickText?: (text: string) => void;
}

const LIMIT = 30;

export default function ModelPicker<M extends PickerModel>(props: Props<M>) {
  const { models, exclude, onPick, disabledReason, inputId, initialQuery = '', autoFocus = false, onPickText } = props;
  const { label = 'Add a model', placeholder = 'Search by name or id, e.g. mixtral', hint } = props;
  const base = useId().replace(/:/g, '');
  const listId = `${base}-list`;
  const hintId = `${base}-hint`;
  const optionId = (index: number) => `${base}-option-${index}`;
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(initialQuery !== '');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchModels(models, query, { exclude, limit: LIMIT }), [models, query, exclude]);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));

  useEffect(() => {
    if (open) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeIndex]);

  const pick = (model: M) => {
    onPick(model);
    setQuery('');
    setActive(0);
    setOpen(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(activeIndex + 1, results.length - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.max(activeIndex - 1, 0));
        return;
      case 'Enter': {
        const model = results[activeIndex];
        if (open && model) {
          event.preventDefault();
          pick(model);
        } else if (onPickText && query.trim() !== '') {
          event.preventDefault();
          onPickText(query.trim());
          setQuery('');
          setOpen(false);
        }
        return;
      }
      case 'Escape':
        if (open) setOpen(false);
        else setQuery('');
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  };

  const expanded = open && disabledReason === null;
  return (
    <div className="picker">
      <label htmlFor={inputId}>{label}</label>
      <div className="picker-field">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded && results.length > 0 ? optionId(activeIndex) : undefined}
          aria-describedby={hintId}
          autoComplete="off"
          autoFocus={autoFocus}
          spellCheck={false}
          placeholder={placeholder}
          value={query}
          disabled={disabledReason !== null}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label="Matching models" className="picker-list" hidden={!expanded}>
          {results.map((model, index) => (
            <li
              key={model.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'active' : undefined}
              // mousedown would blur the input and close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              onClick={() => pick(model)}
            >
              <span className="picker-name">{model.displayName}</span>
              <span className="picker-id">
                {model.id}
                {model.listed !== false ? '' : ` · retired${model.retiredSince ? ` ${model.retiredSince}` : ''}`}
              </span>
            </li>
          ))}
          {results.length === 0 ? (
            <li role="option" aria-selected={false} aria-disabled="true" className="picker-empty">
              No model matches “{query}”
            </li>
          ) : null}
        </ul>
      </div>
      <p id={hintId} className="picker-hint muted">
        {disabledReason ?? hint ?? 'Arrow keys choose, Enter adds, Escape closes the list.'}
      </p>
    </div>
  );
}
