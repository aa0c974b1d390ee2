/**
 * /value/'s island: reads the workload and the index threshold from the URL and the form, recomputes
 * the answer and the table from /api/value.json with the same functions the build used, keeps the URL
 * in step, and draws the chart (chart.js is imported only when the chart comes into view).
 */
import { whenVisible } from '../../lib/browser/when-visible.ts';
import { formatUsdRounded } from '../../lib/format/format.ts';
import { periodCosts } from '../../lib/pricing/pricing.ts';
import { presetById, workloadFromParams, type Workload } from '../../lib/pricing/workload.ts';
import { VALUE_WORKLOAD_FIELDS, answerSentence, cheapestAtLeast, includeFreeFromParams, thresholdFromParams, valuePoints, valueQuery, type ValueData, type ValuePoint } from '../../lib/value/value-view.ts';

const root = document.querySelector<HTMLElement>('[data-value-page]');
const form = root?.querySelector<HTMLFormElement>('[data-value-form]');
const table = root?.querySelector<HTMLTableElement>('[data-value-table]');
const figure = root?.querySelector<HTMLElement>('[data-value-chart]');

let data: Promise<ValueData> | undefined;
function loadData(): Promise<ValueData> {
  data ??= fetch('/api/value.json').then(async (response) => {
    if (!response.ok) throw new Error(`/api/value.json answered ${response.status}`);
    const body = (await response.json()) as ValueData;
    if (!Array.isArray(body?.models)) throw new Error('/api/value.json has no models list');
    return body;
  });
  return data;
}

let redraw: (() => void) | undefined;

function cell(tag: 'td' | 'th', text: string, numeric = false): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (numeric) element.className = 'num';
  return element;
}

/** The same rows as ValueTable.astro, built with textContent only (names are upstream text). */
function renderRows(body: HTMLTableSectionElement, points: readonly ValuePoint[], answer: ValuePoint | null, workload: Workload): void {
  const rows = points.map((p) => {
    const row = document.createElement('tr');
    Object.assign(row.dataset, { modelId: p.model.id, name: p.model.name, cost: p.cost, index: String(p.index), provider: p.providerName });
    if (p.onFrontier) row.dataset.frontier = 'true';
    const head = cell('th', '');
    head.scope = 'row';
    const link = document.createElement('a');
    link.href = p.model.href;
    link.textContent = p.model.name;
    head.append(link);
    if (p === answer) {
      row.dataset.answer = 'true';
      const mark = document.createElement('strong');
      mark.className = 'answer-mark';
      mark.textContent = 'Answer';
      head.append(' ', mark);
    }
    const perMonth = periodCosts(p.cost, { requests: workload.requests, per: workload.per, daysPerMonth: workload.daysPerMonth }).perMonth;
    row.append(head, cell('td', String(p.index), true), cell('td', p.cost === '0' ? 'free' : formatUsdRounded(p.cost), true), cell('td', formatUsdRounded(perMonth), true), cell('td', p.providerName), cell('td', p.onFrontier ? 'yes' : 'no'));
    return row;
  });
  body.replaceChildren(...rows);
}

function fillForm(params: URLSearchParams, workload: Workload, threshold: number): void {
  if (!form) return;
  const set = (name: string, value: string) => {
    const input = form.elements.namedItem(name);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) input.value = value;
  };
  set('preset', presetById(params.get('preset'))?.id ?? 'chat');
  for (const field of VALUE_WORKLOAD_FIELDS) set(field.param, String(workload[field.key]));
  set('min', String(threshold));
  const free = form.elements.namedItem('free');
  if (free instanceof HTMLInputElement) free.checked = includeFreeFromParams(params);
}

async function update(params: URLSearchParams): Promise<void> {
  if (!root || !table?.tBodies[0]) return;
  const fallback = Number(root.dataset.defaultThreshold ?? '0');
  const { workload, problems } = workloadFromParams(params);
  const { threshold, problem } = thresholdFromParams(params, fallback);
  const messages = [...problems, ...(problem ? [problem] : [])];
  const problemsBox = root.querySelector('[data-value-problems]');
  if (problemsBox) problemsBox.textContent = messages.join('. ');
  const answerBox = root.querySelector('[data-value-answer]');
  try {
    const { models } = await loadData();
    const points = valuePoints(models, workload, includeFreeFromParams(params));
    const answer = cheapestAtLeast(points, threshold);
    renderRows(table.tBodies[0], points, answer, workload);
    if (answerBox) answerBox.firstElementChild!.textContent = answerSentence(answer, threshold, workload);
    const described = root.querySelector('[data-value-workload]');
    if (described) described.textContent = `Workload: ${workload.inputTokens.toLocaleString('en-US')} input tokens (${workload.cacheReadPercent}% cached), ${workload.outputTokens.toLocaleString('en-US')} output and ${workload.reasoningTokens.toLocaleString('en-US')} reasoning tokens per request, ${workload.requests.toLocaleString('en-US')} requests a ${workload.per}.`;
    redraw?.();
  } catch (error) {
    if (problemsBox) problemsBox.textContent = `The value data could not be loaded (${error instanceof Error ? error.message : String(error)}); the table shows the default workload.`;
  }
}

/** Form to URL: a preset change takes the preset's own numbers, any other change keeps the form's. */
function paramsFromForm(changed: string | null): URLSearchParams {
  if (!form) return new URLSearchParams();
  const values = new FormData(form);
  const text = (name: string) => String(values.get(name) ?? '');
  const fields = changed === 'preset' ? null : Object.fromEntries(VALUE_WORKLOAD_FIELDS.map((field) => [field.param, text(field.param)]));
  return new URLSearchParams(valueQuery({ preset: text('preset') || 'chat', fields, min: text('min'), free: values.get('free') === '1' }));
}

if (root && form && table) {
  const initial = new URLSearchParams(location.search);
  const fallback = Number(root.dataset.defaultThreshold ?? '0');
  fillForm(initial, workloadFromParams(initial).workload, thresholdFromParams(initial, fallback).threshold);
  if (initial.toString() !== '') void update(initial);
  let timer: number | undefined;
  form.addEventListener('input', (event) => {
    const name = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement ? event.target.name : null;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const params = paramsFromForm(name);
      history.replaceState(null, '', `?${params.toString()}`);
      if (name === 'preset') fillForm(params, workloadFromParams(params).workload, thresholdFromParams(params, fallback).threshold);
      void update(params);
    }, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = paramsFromForm(null);
    history.replaceState(null, '', `?${params.toString()}`);
    void update(params);
  });
}

if (figure && table) {
  whenVisible(figure, async () => {
    const { drawValueChart } = await import('./value-chart.ts');
    redraw = drawValueChart(figure, table);
  });
}
