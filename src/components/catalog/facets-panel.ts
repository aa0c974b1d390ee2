/**
 * The filter panel's controls, built once the rows are loaded (their options come from the rows),
 * and kept in step with the state and the facet counts on every change.
 */
import type { CatalogFilterState } from '../../lib/catalog/catalog-filter.ts';
import { FILTER_TAGS } from '../../lib/catalog/catalog-filter.ts';
import { facetOptions, type FacetCounts, type FacetOption } from '../../lib/catalog/catalog-facets.ts';
import type { CatalogRow } from '../../lib/catalog/catalog-row.ts';
import { DECIMAL } from '../../lib/pricing/decimal.ts';
import { parseTokenCount, tokenCountLabel } from '../../lib/catalog/context-labels.ts';

type ListField = 'providers' | 'authors' | 'tags' | 'inputModalities' | 'outputModalities';
type TextField = 'minContext' | 'minInput' | 'maxInput' | 'maxOutput' | 'minQuality' | 'maxQuality';
type SwitchField = 'hideFree' | 'openWeights';

const LISTS: { field: ListField; legend: string; name: string; scroll: boolean }[] = [
  { field: 'providers', legend: 'Provider (sells it now)', name: 'provider', scroll: true },
  { field: 'tags', legend: 'Tags', name: 'tag', scroll: false },
  { field: 'inputModalities', legend: 'Input modalities', name: 'in', scroll: false },
  { field: 'outputModalities', legend: 'Output modalities', name: 'out', scroll: false },
  { field: 'authors', legend: 'Author', name: 'author', scroll: true },
];

const TEXTS: { field: TextField; label: string; name: string; size: number; list?: string }[] = [
  { field: 'minContext', label: 'Minimum context', name: 'ctx', size: 7, list: 'context-labels' },
  { field: 'minInput', label: 'Input $/M from', name: 'minin', size: 6 },
  { field: 'maxInput', label: 'Input $/M up to', name: 'maxin', size: 6 },
  { field: 'maxOutput', label: 'Output $/M up to', name: 'maxout', size: 6 },
  { field: 'minQuality', label: 'Quality index from', name: 'qmin', size: 4 },
  { field: 'maxQuality', label: 'Quality index up to', name: 'qmax', size: 4 },
];

/** A typed value as state, or undefined when it is not one (the field is then marked invalid). */
export function parseField(field: TextField, text: string): CatalogFilterState[TextField] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (field === 'minContext') return parseTokenCount(trimmed) ?? undefined;
  if (!DECIMAL.test(trimmed)) return undefined;
  return field === 'minQuality' || field === 'maxQuality' ? Number(trimmed) : trimmed;
}

const fieldText = (field: TextField, state: CatalogFilterState) => {
  const value = state[field];
  return value === null ? '' : field === 'minContext' ? tokenCountLabel(value as number) : String(value);
};

export interface FacetsPanel {
  update(state: CatalogFilterState, counts: FacetCounts): void;
}

export function buildFacetsPanel(container: HTMLElement, rows: readonly CatalogRow[], providers: ReadonlyMap<string, string>, onChange: (patch: Partial<CatalogFilterState>, typing: boolean) => void, current: () => CatalogFilterState): FacetsPanel {
  const options: Record<ListField, FacetOption[]> = { ...facetOptions(rows, providers), tags: FILTER_TAGS.map((t) => ({ value: t, label: `#${t}` })) };
  const boxes: { field: ListField; value: string; input: HTMLInputElement; count: HTMLElement }[] = [];
  const fragment = document.createDocumentFragment();
  for (const list of LISTS) {
    if (options[list.field].length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.className = list.scroll ? 'facet facet-scroll' : 'facet';
    const legend = document.createElement('legend');
    legend.textContent = list.legend;
    const box = document.createElement('div');
    box.className = 'options';
    for (const option of options[list.field]) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.name = list.name;
      input.value = option.value;
      input.addEventListener('change', () => {
        const selected = current()[list.field];
        onChange({ [list.field]: input.checked ? [...new Set([...selected, option.value])].sort() : selected.filter((v) => v !== option.value) }, false);
      });
      const count = document.createElement('span');
      count.className = 'count';
      label.append(input, ` ${option.label} `, count);
      box.append(label);
      boxes.push({ field: list.field, value: option.value, input, count });
    }
    fieldset.append(legend, box);
    fragment.append(fieldset);
  }
  const limits = document.createElement('fieldset');
  limits.className = 'facet';
  const limitsLegend = document.createElement('legend');
  limitsLegend.textContent = 'Limits';
  limits.append(limitsLegend);
  const texts: { field: TextField; input: HTMLInputElement }[] = [];
  for (const text of TEXTS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'text';
    input.name = text.name;
    input.size = text.size;
    input.inputMode = text.field === 'minContext' ? 'text' : 'decimal';
    if (text.list) input.setAttribute('list', text.list);
    input.addEventListener('input', () => {
      const value = parseField(text.field, input.value);
      input.setAttribute('aria-invalid', String(value === undefined));
      if (value !== undefined) onChange({ [text.field]: value }, true);
    });
    label.append(`${text.label} `, input);
    limits.append(label);
    texts.push({ field: text.field, input });
  }
  const switches: { field: SwitchField; input: HTMLInputElement }[] = [];
  for (const [field, words, name] of [
    ['hideFree', 'Hide free models', 'nofree'],
    ['openWeights', 'Open weights only', 'open'],
  ] as const) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.addEventListener('change', () => onChange({ [field]: input.checked }, false));
    label.append(input, ` ${words}`);
    limits.append(label);
    switches.push({ field, input });
  }
  fragment.prepend(limits);
  container.replaceChildren(fragment);
  return {
    update(state, counts) {
      for (const b of boxes) {
        b.input.checked = state[b.field].includes(b.value);
        b.count.textContent = `(${counts[b.field].get(b.value) ?? 0})`;
      }
      for (const t of texts) {
        // Leave a field being typed in alone: "0." is not yet a number, and must not be rewritten.
        if (document.activeElement !== t.input) t.input.value = fieldText(t.field, state);
      }
      for (const s of switches) s.input.checked = state[s.field];
    },
  };
}
