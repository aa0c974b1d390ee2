/**
 * The calculator's view in the URL: the workload (pricing/workload.ts names its parameters) and the
 * ranking's filters, the chart's size and the selected model, so a shared link shows the same. Values
 * are spelled by the site's one URL-state helper (format/url-state.ts); view settings at their
 * defaults are left out.
 */
import { readChoice, readDecimal, readSwitch, readText, readWholeNumber, switchValue, textValue, writeQuery } from '../format/url-state.ts';
import { workloadEntries, type Workload } from '../pricing/workload.ts';
import { DEFAULT_OFFER_FILTERS, type OfferFilters } from './offer-ranking.ts';

export interface CalculatorView extends OfferFilters {
  /** Bars in the chart of the cheapest. */
  top: number;
  /** The model id to point out in the ranking. */
  highlight: string;
}

export const TOP_CHOICES = [5, 10, 20] as const;

export const DEFAULT_VIEW: Readonly<CalculatorView> = { ...DEFAULT_OFFER_FILTERS, top: 10, highlight: '' };

/** `offers=all` lists every offer; one row per model is the default and is left out. */
const OFFERS = ['model', 'all'] as const;

/** The view a link asks for; anything unreadable keeps its default. */
export function viewFromParams(params: URLSearchParams): CalculatorView {
  const minq = readDecimal(params, 'minq');
  const top = readWholeNumber(params, 'top', { min: Math.min(...TOP_CHOICES), max: Math.max(...TOP_CHOICES) });
  return {
    query: readText(params, 'q'),
    author: readText(params, 'author'),
    tag: readText(params, 'tag'),
    provider: readText(params, 'provider'),
    minQuality: minq === null ? null : Number(minq),
    contextHoldsPrompt: readSwitch(params, 'ctx'),
    retired: readSwitch(params, 'retired'),
    onePerModel: readChoice(params, 'offers', OFFERS, 'model') !== 'all',
    top: top.state === 'ok' && (TOP_CHOICES as readonly number[]).includes(top.value) ? top.value : DEFAULT_VIEW.top,
    highlight: readText(params, 'model'),
  };
}

/** Every workload field, then only the view settings that differ from the defaults. */
export function calculatorQuery(workload: Workload, view: CalculatorView): string {
  return writeQuery([
    ...workloadEntries(workload),
    ['q', textValue(view.query)],
    ['author', textValue(view.author)],
    ['tag', textValue(view.tag)],
    ['provider', textValue(view.provider)],
    ['minq', view.minQuality],
    ['ctx', switchValue(view.contextHoldsPrompt)],
    ['retired', switchValue(view.retired)],
    ['offers', view.onePerModel ? null : 'all'],
    ['top', view.top === DEFAULT_VIEW.top ? null : view.top],
    ['model', textValue(view.highlight)],
  ]);
}
