/**
 * RSS 2.0 of new models and price changes, one item per model per snapshot, newest snapshot first.
 * Hand-written XML: every text goes through escapeXml.
 */
import type { APIRoute } from 'astro';
import { loadCatalog, modelById } from '../lib/data-files/catalog.ts';
import { loadSnapshotChanges } from '../lib/data-files/history.ts';
import { snapshotPriceChanges } from '../lib/history/history-view.ts';
import { modelPath, toSlug } from '../lib/format/slug.ts';
import { escapeXml } from '../lib/format/xml.ts';

const MAX_ITEMS = 300;

function rfc822(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toUTCString();
}

export const GET: APIRoute = ({ site }) => {
  const base = site ?? new URL('https://model-atlas.example.org');
  const snapshots = [...loadSnapshotChanges()].sort((a, b) => b.date.localeCompare(a.date));
  const items: string[] = [];
  for (const snapshot of snapshots) {
    if (snapshot.previous === null) continue; // the first snapshot "adds" the whole catalog
    for (const id of snapshot.added) {
      const model = modelById(id);
      const link = new URL(modelPath(toSlug(id)), base).href;
      items.push(
        item({
          title: `New: ${model?.displayName ?? id}`,
          link,
          guid: `${link}#added-${snapshot.date}`,
          date: snapshot.date,
          description: `${id} appeared on OpenRouter in the snapshot of ${snapshot.date}.`,
        }),
      );
    }
    const byModel = Map.groupBy(snapshotPriceChanges(snapshot), (c) => c.id);
    for (const [id, changes] of byModel) {
      const link = new URL(modelPath(toSlug(id)), base).href;
      items.push(
        item({
          title: `Price change: ${modelById(id)?.displayName ?? id}`,
          link,
          guid: `${link}#changed-${snapshot.date}`,
          date: snapshot.date,
          description: changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join('; '),
        }),
      );
    }
  }
  const { asOf } = loadCatalog();
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Model Atlas: new models and price changes</title>
<link>${escapeXml(base.href)}</link>
<description>New models and price changes on OpenRouter, from the Model Atlas snapshots.</description>
<language>en</language>
<lastBuildDate>${rfc822(asOf)}</lastBuildDate>
${items.slice(0, MAX_ITEMS).join('\n')}
</channel>
</rss>
`;
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};

function item(entry: { title: string; link: string; guid: string; date: string; description: string }): string {
  return `<item><title>${escapeXml(entry.title)}</title><link>${escapeXml(entry.link)}</link><guid isPermaLink="false">${escapeXml(entry.guid)}</guid><pubDate>${rfc822(entry.date)}</pubDate><description>${escapeXml(entry.description)}</description></item>`;
}
