/**
 * Where each compared model can be bought and how good and fast it is: its cheapest offer for the
 * workload, its offers side by side (one row per provider), and Artificial Analysis' quality and speed
 * figures with their attribution and date. Offers are costed with the same workload costing as the
 * models' own prices.
 */
import { cheapestCurrent, rankOffers } from '../offers/offer-cost.ts';
import { workloadCost, type Workload } from '../pricing/workload.ts';
import { formatDate, formatPricePerMillion, formatUsdRounded } from '../format/format.ts';
import { absentCell, cellOr, CHEAPEST, MOST, row, textCell, type BestRule, type CompareCell, type CompareRow, type RowGroup } from './compare-cells.ts';
import type { CompareModel, CompareOffer } from './compare-payload.ts';

export interface CheapestOffer {
  offer: CompareOffer;
  perMonth: string;
}

/**
 * The model's cheapest current offer for the workload, by the one offer ranking (src/lib/offers), and
 * its monthly cost; null when none is priced. Offers that cost nothing are left out, as on /value/:
 * they are mostly rate-limited trials and subscription plans, and would make every model "free".
 */
export function cheapestOffer(model: Pick<CompareModel, 'offers'>, workload: Workload): CheapestOffer | null {
  const names = new Map(model.offers.map((o) => [o.providerId, o.providerName]));
  const ranked = rankOffers(model.offers, workload, (id) => names.get(id) ?? id).filter((r) => r.cost.kind !== 'priced' || r.cost.total !== '0');
  const [first] = cheapestCurrent(ranked);
  if (first === undefined) return null;
  const cost = workloadCost(first.offer.pricing, workload);
  return cost.kind === 'priced' ? { offer: first.offer, perMonth: cost.perMonth } : null;
}

/** "from $21.00 a month at Mistral · 4 offers (1 retired)": the line under each model's name in the table header; null without offers. */
export function offerSummary(model: Pick<CompareModel, 'offers'>, workload: Workload): string | null {
  if (model.offers.length === 0) return null;
  const listed = model.offers.filter((o) => o.listed).length;
  const retired = model.offers.length - listed;
  const count = `${listed} ${listed === 1 ? 'offer' : 'offers'}${retired > 0 ? ` (${retired} retired)` : ''}`;
  const cheapest = cheapestOffer(model, workload);
  return cheapest === null ? count : `from ${formatUsdRounded(cheapest.perMonth)} a month at ${cheapest.offer.providerName} · ${count}`;
}

function offerCell(offer: CompareOffer | undefined, workload: Workload): CompareCell {
  if (offer === undefined) return absentCell('not sold here');
  const prices = `${formatPricePerMillion(offer.pricing.perMillionTokens.input)} in, ${formatPricePerMillion(offer.pricing.perMillionTokens.output)} out`;
  const stated = offer.statedBy.map((s) => `${s.source} ${formatDate(s.date)}`).join('; ');
  if (!offer.listed) {
    const text = `retired${offer.retiredSince ? ` since ${formatDate(offer.retiredSince)}` : ''} (was ${prices})`;
    return { text, key: `retired ${text}`, rank: null, note: stated };
  }
  const cost = workloadCost(offer.pricing, workload);
  if (cost.kind !== 'priced') return { text: `${prices}; ${cost.kind}: ${cost.reason}`, key: prices, rank: null, note: stated };
  return { text: `${formatUsdRounded(cost.perMonth)} a month (${prices})`, key: cost.perMonth, rank: { decimal: cost.perMonth }, note: stated };
}

function offerRows(models: readonly CompareModel[], workload: Workload): CompareRow[] {
  const rows: CompareRow[] = [
    row(
      'offers-count',
      'Offers (providers selling it)',
      models.map((m) => {
        const listed = m.offers.filter((o) => o.listed).length;
        return { text: `${listed} listed${m.offers.length > listed ? `, ${m.offers.length - listed} retired` : ''}`, key: `${listed}/${m.offers.length}`, rank: listed };
      }),
      MOST,
    ),
    row(
      'offers-cheapest',
      'Cheapest offer for this workload (per month)',
      models.map((m) => {
        const cheapest = cheapestOffer(m, workload);
        if (cheapest === null) return textCell(null, 'no priced offer');
        return { text: `${formatUsdRounded(cheapest.perMonth)} at ${cheapest.offer.providerName}`, key: cheapest.perMonth, rank: { decimal: cheapest.perMonth } };
      }),
      CHEAPEST,
    ),
  ];
  const providers = new Map<string, string>();
  for (const m of models) for (const o of m.offers) providers.set(o.providerId, o.providerName);
  const sorted = [...providers].sort((a, b) => a[1].localeCompare(b[1]));
  for (const [providerId, providerName] of sorted) {
    const cells = models.map((m) => {
      const offers = m.offers.filter((o) => o.providerId === providerId);
      return offerCell(offers.find((o) => o.listed) ?? offers[0], workload);
    });
    rows.push(row(`offer-${providerId}`, providerName, cells, CHEAPEST));
  }
  return rows;
}

const HIGHEST: { rule: BestRule; label: string } = { rule: 'highest', label: 'highest' };
const FASTEST: { rule: BestRule; label: string } = { rule: 'highest', label: 'fastest' };
const QUICKEST: { rule: BestRule; label: string } = { rule: 'lowest', label: 'fastest' };

function figureCell(value: number | null | undefined, text: (value: number) => string): CompareCell {
  return cellOr(value, 'not measured', (v) => ({ text: text(v), key: String(v), rank: v }));
}

function qualityRows(models: readonly CompareModel[]): CompareRow[] {
  const index = (value: number) => String(value);
  return [
    row('aa-intelligence', 'Intelligence index', models.map((m) => figureCell(m.quality?.intelligenceIndex, index)), HIGHEST),
    row('aa-coding', 'Coding index', models.map((m) => figureCell(m.quality?.codingIndex, index)), HIGHEST),
    row('aa-math', 'Math index', models.map((m) => figureCell(m.quality?.mathIndex, index)), HIGHEST),
    row('aa-speed', 'Output speed (tokens per second)', models.map((m) => figureCell(m.quality?.outputTokensPerSecond, (v) => `${v} tokens/s`)), FASTEST),
    row('aa-ttft', 'Time to first token', models.map((m) => figureCell(m.quality?.timeToFirstTokenSeconds, (v) => `${v} s`)), QUICKEST),
    row(
      'aa-source',
      'Source',
      models.map((m) => cellOr(m.quality?.source, 'no figures', ({ name, url, date }) => ({ text: `${name}, ${formatDate(date)}`, key: `${url} ${date}`, rank: null, href: url }))),
    ),
  ];
}

/** The offers group (when any model has offers) and the quality group (when any has figures). */
export function offerAndQualityGroups(models: readonly CompareModel[], workload: Workload): RowGroup[] {
  const groups: RowGroup[] = [];
  if (models.some((m) => m.offers.length > 0)) groups.push({ id: 'offers', title: 'Where to buy it: offers for this workload', rows: offerRows(models, workload) });
  if (models.some((m) => m.quality !== null)) groups.push({ id: 'quality', title: 'Quality and speed (Artificial Analysis)', rows: qualityRows(models) });
  return groups;
}
