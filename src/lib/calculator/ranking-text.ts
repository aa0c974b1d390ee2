/** The calculator's sentences about a ranking: the live status, the selected model, the search's best match, a row's notes. */
import { formatCount, formatDiscount, formatUsdRounded } from '../format/format.ts';
import type { Workload } from '../pricing/workload.ts';
import type { ModelMeant, OfferRanking, OfferRow } from './offer-ranking.ts';

/** "1 ranked model", "3 ranked offers": a count with the noun that agrees with it. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export function statusText(ranking: OfferRanking, workload: Workload, onePerModel: boolean): string {
  const cheapest = ranking.ranked[0];
  const noun = onePerModel ? ['model', 'models'] : ['offer', 'offers'];
  const others = `${formatCount(ranking.free.length)} free, ${formatCount(ranking.variable.length)} with a variable price, ${formatCount(ranking.cannotServe.length)} that cannot serve it.`;
  if (!cheapest) return `No paid ${noun[1]} in this selection serve this workload. ${others}`;
  const volume = `${formatCount(workload.requests)} requests a ${workload.per}`;
  return `Cheapest of ${countOf(ranking.ranked.length, `ranked ${noun[0]}`, `ranked ${noun[1]}`)}: ${cheapest.model.displayName} at ${cheapest.providerName}, ${formatUsdRounded(cheapest.costs.perRequest)} per request, ${formatUsdRounded(cheapest.costs.perMonth)} per month for ${volume}. Also ${others}`;
}

/** Where the selected model stands, in one sentence. */
export function highlightText(ranking: OfferRanking, id: string): string {
  const rank = ranking.ranked.findIndex((r) => r.model.id === id);
  const row = ranking.ranked[rank];
  if (row) {
    return `${row.model.displayName} ranks #${rank + 1} of ${formatCount(ranking.ranked.length)} at ${row.providerName}: ${formatUsdRounded(row.costs.perRequest)} per request, ${formatUsdRounded(row.costs.perMonth)} per month.`;
  }
  const free = ranking.free.find((r) => r.model.id === id);
  if (free) return `${free.model.displayName} serves this workload free of charge at ${free.providerName}.`;
  const variable = ranking.variable.find((r) => r.model.id === id);
  if (variable) return `${variable.model.displayName} has a variable price at ${variable.providerName}: ${variable.reason}.`;
  const cannot = ranking.cannotServe.find((r) => r.model.id === id);
  if (cannot) return `${cannot.model.displayName} cannot serve this workload at ${cannot.providerName}: ${cannot.reasons.join('; ')}.`;
  return `The selected model (${id}) is not among the models shown; clear a filter to see it.`;
}

/** The notes under a ranked row: the tier reached, the discount, retirement. */
export function rowNotes(row: OfferRow): string | null {
  const notes: string[] = [];
  if (row.tier) notes.push(`prompt ≥ ${formatCount(row.tier.minPromptTokens)} tokens tier`);
  if (row.discount) notes.push(formatDiscount(row.discount));
  if (!row.model.listed || !row.offer.listed) notes.push('retired');
  return notes.length > 0 ? notes.join(', ') : null;
}

/** "GitHub Models, Google Vertex and 2 more": the first few provider names of a list of offers. */
function providerNames(rows: readonly { providerName: string }[], shown = 3): string {
  const names = rows.slice(0, shown).map((r) => r.providerName);
  if (rows.length > shown) return `${names.join(', ')} and ${formatCount(rows.length - shown)} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/**
 * Where to buy the search's best match, in sentences: free offers, the cheapest paid one and where it
 * stands in the ranking below, and what has no price for the workload.
 */
export function meantText(meant: ModelMeant, ranking: OfferRanking, onePerModel: boolean): string {
  const { ranked, free, variable, cannotServe } = meant.offers;
  if (ranked.length + free.length + variable.length + cannotServe.length === 0) return 'None of its offers passes the filters above.';
  const sentences: string[] = [];
  if (free.length > 0) sentences.push(`Free at ${providerNames(free)}; free offers usually come with rate limits.`);
  const cheapest = ranked[0];
  if (cheapest) {
    const rank = ranking.ranked.findIndex((r) => r.model.id === meant.model.id);
    const noun = onePerModel ? ['model', 'models'] : ['offer', 'offers'];
    const standing = rank === -1 ? '' : ` (#${rank + 1} of ${countOf(ranking.ranked.length, `ranked ${noun[0]}`, `ranked ${noun[1]}`)} below)`;
    sentences.push(`Cheapest paid offer: ${cheapest.providerName}, ${formatUsdRounded(cheapest.costs.perRequest)} per request, ${formatUsdRounded(cheapest.costs.perMonth)} per month${standing}.`);
  }
  const unpriced = [
    variable.length > 0 ? `${formatCount(variable.length)} with a variable price` : '',
    cannotServe.length > 0 ? `${formatCount(cannotServe.length)} that cannot serve this workload` : '',
  ].filter(Boolean);
  if (unpriced.length > 0) sentences.push(`Not priced: ${unpriced.join(' and ')}.`);
  return sentences.join(' ');
}
