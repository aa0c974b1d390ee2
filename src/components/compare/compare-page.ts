/**
 * The compare page's script. The URL is the state (`?models=a,b,c` plus workload parameters): it is
 * read on load and on Back/Forward; adding or removing a model pushes a history entry, editing the
 * workload replaces the current one. Each model in the URL is fetched on its own
 * (/api/compare/<slug>.json), checked, and the table is built from the same markup code as the static
 * pair pages, without React. React loads only for the model picker (when someone uses it) and the
 * charts (when they scroll into view).
 */
import { compareRows } from '../../lib/compare/compare-rows.ts';
import { offerSummary } from '../../lib/compare/compare-offers.ts';
import { compareTableMarkup } from '../../lib/compare/compare-table.ts';
import { h, type Markup } from '../../lib/compare/markup.ts';
import { CompareModelFile, PickerIndex, type CompareModel, type PickerEntry } from '../../lib/compare/compare-payload.ts';
import {
  COMPARE_WORKLOAD_PARAMS,
  KV_CONTEXT_PARAM,
  MAX_COMPARE,
  MIN_COMPARE,
  compareUrl,
  parseCompareQuery,
  type CompareState,
} from '../../lib/compare/compare-url.ts';
import { FetchJsonError, fetchJson } from '../../lib/browser/fetch-json.ts';
import { toDom } from '../../lib/browser/markup-dom.ts';
import { whenVisible } from '../../lib/browser/when-visible.ts';
import { toSlug } from '../../lib/format/slug.ts';

type Loaded = { state: 'found'; model: CompareModel; asOf: string } | { state: 'unknown' };

const app = document.getElementById('compare-app');
if (app) start(app);

function start(app: HTMLElement): void {
  const slot = app.querySelector<HTMLElement>('[data-compare-result]')!;
  const announcer = app.querySelector<HTMLElement>('[data-compare-announce]')!;
  const chartsSlot = app.querySelector<HTMLElement>('[data-compare-charts]')!;
  const pickerSlot = app.querySelector<HTMLElement>('[data-compare-picker]')!;
  const pickerInput = pickerSlot.querySelector<HTMLInputElement>('input')!;
  const copyButton = app.querySelector<HTMLButtonElement>('[data-copy-link]')!;
  const copyStatus = app.querySelector<HTMLElement>('[data-copy-status]')!;

  const files = new Map<string, Promise<Loaded>>();
  let state: CompareState = parseCompareQuery(window.location.search);
  let shown: CompareModel[] = [];
  let asOf = '';
  let renderCount = 0;
  let picker: { update: () => void } | null = null;
  let charts: { update: () => void } | null = null;

  const load = (id: string): Promise<Loaded> => {
    let file = files.get(id);
    if (!file) {
      file = fetchJson(`/api/compare/${toSlug(id)}.json`, CompareModelFile).then(
        (data): Loaded => ({ state: 'found', model: data.model, asOf: data.asOf }),
        (error: unknown): Loaded => {
          if (error instanceof FetchJsonError && error.status === 404) return { state: 'unknown' };
          files.delete(id);
          throw error;
        },
      );
      files.set(id, file);
    }
    return file;
  };

  const notes = (unknown: string[]): Markup[] => [
    unknown.length > 0 &&
      h(
        'div',
        { class: 'notice warn', role: 'note', 'data-testid': 'unknown-ids' },
        h(
          'p',
          null,
          `${unknown.length === 1 ? 'This id is' : 'These ids are'} not in the catalog${asOf ? ` (as of ${asOf})` : ''}, so ${unknown.length === 1 ? 'it is' : 'they are'} left out: `,
          ...unknown.flatMap((id, i) => [i > 0 ? ', ' : '', h('code', null, id)]),
          '. Check the spelling, or search for the model above.',
        ),
      ),
    state.overflow.length > 0 && h('p', { class: 'notice warn', role: 'note' }, `Up to ${MAX_COMPARE} models can be compared; left out: ${state.overflow.join(', ')}.`),
    state.duplicates.length > 0 && h('p', { class: 'notice', role: 'note' }, `Listed twice, shown once: ${[...new Set(state.duplicates)].join(', ')}.`),
  ];

  const render = async (): Promise<void> => {
    const token = ++renderCount;
    let loaded: Loaded[];
    try {
      loaded = await Promise.all(state.ids.map(load));
    } catch (error) {
      if (token !== renderCount) return;
      slot.replaceChildren(
        ...toDom(
          h(
            'div',
            { class: 'notice error', role: 'alert' },
            h('p', null, `The comparison could not be loaded: ${error instanceof Error ? error.message : String(error)}`),
            h('p', null, 'Reload the page to try again, or open one of the curated comparisons below.'),
          ),
        ),
      );
      app.dataset.ready = 'error';
      return;
    }
    if (token !== renderCount) return;
    const models: CompareModel[] = [];
    const unknown: string[] = [];
    loaded.forEach((file, i) => {
      if (file.state === 'found') {
        models.push(file.model);
        asOf = file.asOf;
      } else unknown.push(state.ids[i]!);
    });
    shown = models;
    const body: Markup[] = notes(unknown);
    if (models.length < MIN_COMPARE) {
      body.push(h('p', { class: 'notice compare-hint' }, models.length === 0 ? 'Add two to six models to compare them: search above, or tick quick picks below.' : 'Add at least one more model to compare.'));
    }
    if (models.length > 0) {
      const names = models.map((m) => m.displayName).join(', ');
      const groups = compareRows(models, { workload: state.workload, kvContext: state.kvContext });
      body.push(
        compareTableMarkup(models, groups, {
          caption: `Comparison of ${names}`,
          removable: true,
          columnNotes: models.map((m) => offerSummary(m, state.workload)),
        }),
      );
    }
    slot.replaceChildren(...toDom(body));
    app.classList.toggle('has-table', models.length > 0);
    app.dataset.ready = 'true';
    picker?.update();
    charts?.update();
  };

  const navigate = (next: CompareState, mode: 'push' | 'replace'): void => {
    const url = compareUrl(next.ids, next);
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    state = parseCompareQuery(new URL(url, window.location.href).search);
    void render();
  };

  const shownIds = () => shown.map((m) => m.id);

  // A checkbox form submits ?compare=a&compare=b: rewrite it to the canonical ?models=a,b.
  if (new URLSearchParams(window.location.search).has('compare')) window.history.replaceState(null, '', compareUrl(state.ids, state));
  window.addEventListener('popstate', () => {
    state = parseCompareQuery(window.location.search);
    fillWorkload();
    void render();
  });

  slot.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-remove]');
    if (!button) return;
    const id = button.dataset.remove!;
    const name = shown.find((m) => m.id === id)?.displayName ?? id;
    const ids = shownIds().filter((known) => known !== id);
    navigate({ ...state, ids }, 'push');
    announcer.textContent = `Removed ${name}. Comparing ${ids.length} models.`;
    // The button is gone with its column: keep keyboard users in the table, not at the page top.
    queueMicrotask(() => app.querySelector<HTMLElement>('.compare-scroll, [data-compare-picker] input')?.focus());
  });

  // Workload fields: whole numbers, checked as typed; the URL keeps every valid value.
  const fields = [
    ...COMPARE_WORKLOAD_PARAMS.map(({ field, param, max }) => ({ param, max, min: 0, read: () => state.workload[field], write: (v: number) => ({ ...state, workload: { ...state.workload, [field]: v } }) })),
    { param: KV_CONTEXT_PARAM.param, max: KV_CONTEXT_PARAM.max, min: 1, read: () => state.kvContext, write: (v: number) => ({ ...state, kvContext: v }) },
  ];
  const inputOf = (param: string) => app.querySelector<HTMLInputElement>(`input[data-param="${param}"]`)!;
  function fillWorkload(): void {
    for (const field of fields) {
      const input = inputOf(field.param);
      if (document.activeElement !== input) input.value = String(field.read());
      setFieldError(input, null);
    }
  }
  function setFieldError(input: HTMLInputElement, message: string | null): void {
    const error = document.getElementById(`${input.id}-error`)!;
    error.textContent = message ?? '';
    input.setAttribute('aria-invalid', String(message !== null));
    if (message === null) input.removeAttribute('aria-describedby');
    else input.setAttribute('aria-describedby', error.id);
  }
  for (const field of fields) {
    const input = inputOf(field.param);
    input.addEventListener('input', () => {
      const text = input.value.trim();
      const value = Number(text);
      if (!/^\d+$/.test(text) || value < field.min || value > field.max) {
        setFieldError(input, `Enter a whole number from ${field.min} to ${field.max.toLocaleString('en-US')}.`);
        return;
      }
      setFieldError(input, null);
      navigate({ ...field.write(value), ids: shownIds().length > 0 ? shownIds() : state.ids }, 'replace');
    });
  }
  fillWorkload();

  copyButton.addEventListener('click', () => {
    const done = (text: string) => {
      copyStatus.textContent = text;
    };
    if (navigator.clipboard?.writeText) {
      navigator.clipboard.writeText(window.location.href).then(
        () => done('Link copied.'),
        () => done(`Copy this link: ${window.location.href}`),
      );
    } else done(`Copy this link: ${window.location.href}`);
  });

  // The picker: a plain text box until someone uses it; then the searchable combobox takes its place.
  let pickerLoading = false;
  const mountPicker = async (): Promise<void> => {
    if (pickerLoading) return;
    pickerLoading = true;
    try {
      const [{ createElement }, { createRoot }, { flushSync }, { default: ModelPicker }, { default: ErrorBoundary }, index] = await Promise.all([
        import('react'),
        import('react-dom/client'),
        import('react-dom'),
        import('./ModelPicker.tsx'),
        import('../ErrorBoundary.tsx'),
        fetchJson('/api/compare-picker.json', PickerIndex),
      ]);
      const focused = document.activeElement === pickerInput;
      const initialQuery = pickerInput.value;
      const root = createRoot(pickerSlot);
      const onPick = (model: PickerEntry) => {
        const ids = [...shownIds(), model.id];
        navigate({ ...state, ids }, 'push');
        announcer.textContent = `Added ${model.displayName}. Comparing ${ids.length} models.`;
      };
      const draw = (first: boolean) => {
        const full = shown.length >= MAX_COMPARE;
        const children = createElement(ModelPicker<PickerEntry>, {
          models: index.models,
          exclude: new Set(shownIds()),
          onPick,
          disabledReason: full ? `${MAX_COMPARE} models is the most this page compares; remove one to add another.` : null,
          inputId: pickerInput.id,
          initialQuery: first ? initialQuery : '',
          autoFocus: first && focused,
        });
        root.render(createElement(ErrorBoundary, { label: 'The model picker', children }));
      };
      // Committed before any further event runs: a key pressed between reading the plain box and
      // replacing it would otherwise land in a box that is about to go.
      flushSync(() => draw(true));
      picker = { update: () => draw(false) };
    } catch (error) {
      pickerLoading = false;
      const hint = pickerSlot.querySelector('.picker-hint');
      if (hint) hint.textContent = `The model list could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
    }
  };
  for (const type of ['focus', 'pointerdown', 'input'] as const) pickerInput.addEventListener(type, () => void mountPicker(), { once: true });

  // Charts: React and chart.js load when the chart section comes near the viewport.
  whenVisible(chartsSlot, async () => {
    const [{ createElement }, { createRoot }, { default: CompareCharts }, { default: ErrorBoundary }] = await Promise.all([
      import('react'),
      import('react-dom/client'),
      import('./CompareCharts.tsx'),
      import('../ErrorBoundary.tsx'),
    ]);
    const root = createRoot(chartsSlot);
    const draw = () => {
      chartsSlot.hidden = shown.length === 0;
      const children = createElement(CompareCharts, { models: shown, asOf, workload: state.workload });
      root.render(createElement(ErrorBoundary, { label: 'The charts', children }));
    };
    charts = { update: draw };
    draw();
  });

  void render();
}
