/**
 * The calculator's view in the URL: the workload (pricing/workload.ts writes its own parameters) and
 * the ranking's filters, the chart's size and the selected model, so a shared link shows the same.
 */
import { workloadToParams, type Workload } from '../pricing/workload.ts';
import { DEFAULT_OFFER_FILTERS, type OfferFilters } from './offer-ranking.ts';

export interface CalculatorView extends OfferFilters {
  /** Bars in the chart of the cheapest. */
  top: number;
  /** The model id to point out in the ranking. */
  highlight: string;
}

export const TOP_CHOICES = [5, 10, 20] as const;

export const DEFAULT_VIEW: Readonly<CalculatorView> = { ...DEFAULT_OFFER_FILTERS, top: 10, highlight: '' };

/** The view a link asks for; anything unreadable keeps its default. */
export function viewFromParams(params: URLSearchParams): CalculatorView {
  const top = Number(params.get('top'));
  const minq = params.get('minq');
  const minQuality = minq !== null && minq.trim() !== '' && Number.isFinite(Number(minq)) ? Number(minq) : null;
  return {
    query: params.get('q') ?? '',
    author: params.get('author') ?? '',
    tag: params.get('tag') ?? '',
    provider: params.get('provider') ?? '',
    minQuality,
    contextHoldsPrompt: params.get('ctx') === '1',
    retired: params.get('retired') === '1',
    onePerModel: params.get('offers') !== 'all',
    top: (TOP_CHOICES as readonly number[]).includes(top) ? top : DEFAULT_VIEW.top,
    highlight: params.get('model') ?? '',
  };
}

/** Every workload field, then only the view settings that differ from the defaults. */
export function calculatorQuery(workload: Workload, view: CalculatorView): string {
  const params = workloadToParams(workload);
  if (view.query) params.set('q', view.query);
  if (view.author) params.set('author', view.author);
  if (view.tag) params.set('tag', view.tag);
  if (view.provider) params.set('provider', view.provider);
  if (view.minQuality !== null) params.set('minq', String(view.minQuality));
  if (view.contextHoldsPrompt) params.set('ctx', '1');
  if (view.retired) params.set('retired', '1');
  if (!view.onePerModel) params.set('offers', 'all');
  if (view.top !== DEFAULT_VIEW.top) params.set('top', String(view.top));
  if (view.highlight) params.set('model', view.highlight);
  return params.toString();
}
