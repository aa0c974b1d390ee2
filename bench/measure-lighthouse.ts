/**
 * Lighthouse mobile scores (its default config: phone emulation, simulated slow 4G and 4x CPU
 * slowdown) for each page, from Debian Chromium driven through chrome-launcher, median of N runs.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { serveStatic } from '../test/support/site.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browser.ts';
import { benchPages, type PageKind } from './pages.ts';
import { median } from './process.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthousePage {
  kind: PageKind;
  urlPath: string;
  exists: boolean;
  /** Median score per category, 0-100; null when no run produced one. */
  scores: Record<LighthouseCategory, number | null>;
  runs: Record<LighthouseCategory, number[]>;
  /** Audits that cost points in the last run, so a miss says what to fix. */
  failingAudits: string[];
  metrics: { firstContentfulPaintMs: number | null; largestContentfulPaintMs: number | null; totalBlockingTimeMs: number | null; cumulativeLayoutShift: number | null };
  error: string | null;
}

export async function measureLighthouse(distDir: string, dataDir: string, runs: number, log: (m: string) => void): Promise<LighthousePage[]> {
  const server = await serveStatic(distDir);
  const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });
  const results: LighthousePage[] = [];
  try {
    for (const page of benchPages(distDir, dataDir)) {
      const empty = () => Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, [] as number[]])) as Record<LighthouseCategory, number[]>;
      const result: LighthousePage = {
        ...page,
        scores: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, null])) as Record<LighthouseCategory, number | null>,
        runs: empty(),
        failingAudits: [],
        metrics: { firstContentfulPaintMs: null, largestContentfulPaintMs: null, totalBlockingTimeMs: null, cumulativeLayoutShift: null },
        error: null,
      };
      results.push(result);
      if (!page.exists) continue;
      for (let run = 0; run < runs; run++) {
        log(`  lighthouse ${page.kind} run ${run + 1}/${runs}`);
        try {
          const outcome = await lighthouse(`${server.url}${page.urlPath}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...LIGHTHOUSE_CATEGORIES] });
          if (!outcome) throw new Error('lighthouse returned no result');
          const { lhr } = outcome;
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          for (const category of LIGHTHOUSE_CATEGORIES) {
            const score = lhr.categories[category]?.score;
            if (typeof score === 'number') result.runs[category].push(Math.round(score * 100));
          }
          const numeric = (id: string) => (typeof lhr.audits[id]?.numericValue === 'number' ? Math.round(lhr.audits[id].numericValue * 1000) / 1000 : null);
          result.metrics = {
            firstContentfulPaintMs: numeric('first-contentful-paint'),
            largestContentfulPaintMs: numeric('largest-contentful-paint'),
            totalBlockingTimeMs: numeric('total-blocking-time'),
            cumulativeLayoutShift: numeric('cumulative-layout-shift'),
          };
          result.failingAudits = LIGHTHOUSE_CATEGORIES.flatMap((category) =>
            (lhr.categories[category]?.auditRefs ?? [])
              .filter((ref) => ref.weight > 0)
              .map((ref) => lhr.audits[ref.id])
              .filter((audit) => audit !== undefined && typeof audit.score === 'number' && audit.score < 0.9)
              .map((audit) => `${category}: ${audit!.id} (${audit!.title}${audit!.displayValue ? `, ${audit!.displayValue}` : ''})`),
          );
        } catch (error) {
          result.error = (error as Error).message;
        }
      }
      for (const category of LIGHTHOUSE_CATEGORIES) result.scores[category] = result.runs[category].length > 0 ? median(result.runs[category]) : null;
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
  return results;
}
