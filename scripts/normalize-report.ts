/** What `npm run data:build` prints: the catalog's size, how identity matched, and where sources disagree. */
import path from 'node:path';
import type { NormalizeResult } from '../src/lib/data/normalize.ts';
import type { Offer } from '../src/lib/data/schema.ts';

export interface ReportOptions {
  out: string;
  ms: number;
  quiet: boolean;
  verbose: boolean;
}

/** Offers by how many sources state them, and whether those agree on every price they both state. */
export function agreementFigures(offers: Offer[]) {
  const bySources = { one: 0, two: 0, threeOrMore: 0 };
  let agreeing = 0;
  let disagreeing = 0;
  for (const offer of offers) {
    const n = offer.statements.length;
    if (n === 1) bySources.one += 1;
    else if (n === 2) bySources.two += 1;
    else bySources.threeOrMore += 1;
    if (n < 2) continue;
    if (offer.disagreements.length > 0) disagreeing += 1;
    else agreeing += 1;
  }
  return { bySources, agreeing, disagreeing };
}

export function describeDisagreement(offer: Offer): string {
  const d = offer.disagreements[0]!;
  return `${offer.id} (${offer.modelId}) ${d.dimension}: ${d.values.map((v) => `${v.value} by ${v.source} ${v.date}`).join(' vs ')}`;
}

/** A few disagreements of different providers and source pairs, so the examples say more than one. */
function diverseExamples(offers: Offer[], count: number): Offer[] {
  const picked: Offer[] = [];
  const seen = new Set<string>();
  for (const offer of offers) {
    const pair = offer.disagreements[0]!.values.map((v) => v.source).join('+');
    if (seen.has(offer.providerId) || seen.has(pair)) continue;
    seen.add(offer.providerId);
    seen.add(pair);
    picked.push(offer);
    if (picked.length === count) break;
  }
  return picked;
}

export function printRunReport(result: NormalizeResult, options: ReportOptions): void {
  const { catalog, offers, report } = result;
  const { counts, rejected, unknownPriceKeys } = catalog;
  const snapshots = catalog.generatedFrom.filter((g) => g.source === 'openrouter').length;
  console.log(
    `normalized ${catalog.models.length} models (${counts.listed} listed, ${counts.retired} retired, ${counts.rejected} entries rejected) from ${snapshots} snapshots in ${options.ms} ms → ${path.join(options.out, 'models.json')}`,
  );
  console.log(`offers: ${offers.offers.length} (${offers.offers.filter((o) => o.listed).length} listed); providers: ${offers.providers.length}`);
  for (const f of report.matchFigures) console.log(`  ${f.source}: ${f.key} by key, ${f.rule} by rule, ${f.alias} by alias, ${f.unmatched} unmatched`);
  const agreement = agreementFigures(offers.offers);
  console.log(
    `sources per offer: 1: ${agreement.bySources.one}, 2: ${agreement.bySources.two}, 3+: ${agreement.bySources.threeOrMore}; of those with 2+: ${agreement.agreeing} agree, ${agreement.disagreeing} disagree`,
  );
  const examples = diverseExamples(offers.offers.filter((o) => o.disagreements.length > 0 && o.listed), 3);
  for (const offer of examples) console.log(`  e.g. ${describeDisagreement(offer)}`);
  const withoutDescription = catalog.models.filter((m) => m.listed && m.description.trim() === '').length;
  console.log(`listed models without a description: ${withoutDescription}`);
  console.log(`unmatched entries: ${report.unmatched.length} (listed in ${path.join(options.out, 'unmatched.json')}${options.verbose ? '' : '; --verbose prints them'})`);
  if (report.priceless.length > 0) console.log(`offers no source prices (left out, listed in unmatched.json): ${report.priceless.length}`);
  if (options.verbose) for (const u of report.unmatched) console.log(`  unmatched: ${u}`);
  if (options.quiet) return;
  for (const r of rejected) console.warn(`rejected: ${r.file} entry ${r.index}${r.id ? ` (${r.id})` : ''}: ${r.field} ${r.message}`);
  for (const u of unknownPriceKeys) console.warn(`unknown price key kept: ${u.id}: pricing.${u.key} = ${JSON.stringify(u.value)}`);
  for (const w of result.warnings) console.warn(`warning: ${w}`);
}
