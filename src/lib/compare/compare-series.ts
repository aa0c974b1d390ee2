/**
 * Chart series for the compare charts. Numbers here only position marks on a chart; every figure a
 * reader sees in text comes from the exact decimal strings.
 */
import type { HistoryPoint, Price, TokenPriceKey } from '../data/schema.ts';
import { daysSinceEpoch } from './compare-cells.ts';
import { TOKEN_PRICE_LABELS } from '../pricing/price-labels.ts';
import type { CompareModel, CompareOffer } from './compare-payload.ts';

export interface PriceHistoryStep {
  date: string;
  input: Price;
  output: Price;
  contextLength: number | null;
  /** The closing step: the same prices carried to the last date seen, not a change. */
  closing: boolean;
}

/**
 * A model's price history as steps: one per snapshot where input or output price changed, plus a
 * closing step at the last date the model was seen (or the catalog date while listed), so the last
 * price shows as a segment rather than a lone point.
 */
export function priceHistorySteps(model: Pick<CompareModel, 'history' | 'listed' | 'lastSeen'>, asOf: string): PriceHistoryStep[] {
  const points = model.history.map((point: HistoryPoint) => ({
    date: point.date,
    input: point.pricing.perMillionTokens.input,
    output: point.pricing.perMillionTokens.output,
    contextLength: point.contextLength,
  }));
  return stepsOf(points, model.listed ? asOf : model.lastSeen);
}

/** An offer's history as steps, in the same way: its input and output prices, closed at its last date seen. */
export function offerHistorySteps(offer: Pick<CompareOffer, 'history' | 'listed' | 'lastSeen'>, asOf: string): PriceHistoryStep[] {
  return stepsOf(
    offer.history.map((point) => ({ ...point, contextLength: null })),
    offer.listed ? asOf : offer.lastSeen,
  );
}

function stepsOf(points: readonly Omit<PriceHistoryStep, 'closing'>[], end: string): PriceHistoryStep[] {
  const steps: PriceHistoryStep[] = [];
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  for (const point of sorted) {
    const step = { ...point, closing: false };
    const last = steps.at(-1);
    if (last && last.input === step.input && last.output === step.output && last.contextLength === step.contextLength) continue;
    steps.push(step);
  }
  const last = steps.at(-1);
  if (last && end > last.date) steps.push({ ...last, date: end, closing: true });
  return steps;
}

/** Days since 1970-01-01 for a date axis (chart.js needs numbers; no date adapter is shipped). */
export function dayNumber(isoDate: string): number {
  return daysSinceEpoch(isoDate);
}

export function isoFromDayNumber(day: number): string {
  return new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
}

/** A decimal price as a number for plotting; null for "variable" or absent prices. */
export function plotPrice(price: Price | undefined): number | null {
  return price === undefined || price === 'variable' ? null : Number(price);
}

/** The token price dimensions at least one of the models states, in label order. */
export function statedTokenDimensions(models: readonly CompareModel[]): TokenPriceKey[] {
  return (Object.keys(TOKEN_PRICE_LABELS) as TokenPriceKey[]).filter((key) => models.some((m) => m.pricing.perMillionTokens[key] !== undefined));
}
