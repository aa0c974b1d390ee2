/** Authors as the catalog groups them: each author's usual label and how many models it lists. */
import type { Model } from '../data/schema.ts';
export interface AuthorSummary {
  author: string;
  /** The label most of the author's models use ("Mistral" for mistralai). */
  label: string;
  listed: number;
  retired: number;
}

const authorLabelMaps = new WeakMap<readonly Model[], Map<string, string>>();

/** Each author's usual label, computed once per catalog array (every card and table asks). */
export function authorLabels(models: readonly Model[]): Map<string, string> {
  const cached = authorLabelMaps.get(models);
  if (cached) return cached;
  const labels = new Map(authorSummaries(models).map((a) => [a.author, a.label]));
  authorLabelMaps.set(models, labels);
  return labels;
}

/** One entry per author, most listed models first, then by label. */
export function authorSummaries(models: readonly Model[]): AuthorSummary[] {
  const byAuthor = new Map<string, { labels: Map<string, number>; listed: number; retired: number }>();
  for (const m of models) {
    const entry = byAuthor.get(m.author) ?? { labels: new Map<string, number>(), listed: 0, retired: 0 };
    entry.labels.set(m.authorLabel, (entry.labels.get(m.authorLabel) ?? 0) + 1);
    if (m.listed) entry.listed += 1;
    else entry.retired += 1;
    byAuthor.set(m.author, entry);
  }
  return [...byAuthor.entries()]
    .map(([author, e]) => ({
      author,
      label: [...e.labels.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? author,
      listed: e.listed,
      retired: e.retired,
    }))
    .sort((a, b) => b.listed - a.listed || a.label.localeCompare(b.label, 'en'));
}
