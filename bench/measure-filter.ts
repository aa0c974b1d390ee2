/**
 * Catalog filter latency in Chromium: queries are typed into the catalog's search box one key at a
 * time (and erased again key by key); for each keystroke the page records
 *   - input → DOM: from the input event's timestamp to the last mutation of the table or the result
 *     count before the next frame (the island's work: filtering, sorting, React commit, row updates);
 *   - render: from the next animation frame to a task queued from it, i.e. style, layout and paint of
 *     the updated table;
 *   - input → painted: the two plus the wait for the frame (vsync), what a person sees.
 * "input → DOM + render" leaves out the vsync wait (0-16.7 ms of idle time that is not the filter's
 * cost) and is what the one-frame target is compared against.
 */
import type { Page } from 'playwright-core';
import { serveStatic } from '../test/support/site.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { median, percentile } from './process.ts';

const QUERIES = ['llama', 'qwen', 'mistral 7b', 'gpt', 'claude', 'gemini', 'deepseek r1', 'free'];
const SEARCH_BOX = 'input[type="search"][name="q"]';
const RESULT_COUNT = '[data-result-count]';

export interface LatencyStats {
  median: number;
  p95: number;
  max: number;
}

export interface FilterResult {
  models: number;
  /** Models the island filters (its result count once every row is loaded). */
  rows: number | null;
  keystrokes: number;
  /** Keystrokes after which the table did not change within the timeout. */
  noUpdate: number;
  inputToDomMs: LatencyStats | null;
  domPlusRenderMs: LatencyStats | null;
  inputToPaintMs: LatencyStats | null;
  hydrationMs: number | null;
  error: string | null;
}

interface Sample {
  t0: number;
  dom: number;
  raf: number;
  painted: number;
}

declare global {
  interface Window {
    __filterBench?: { pending: Partial<Sample> | null; samples: Sample[]; observe: () => boolean };
  }
}

/** Runs in the page before any of its scripts. */
function installProbe(): void {
  const state: NonNullable<Window['__filterBench']> = { pending: null, samples: [], observe: () => false };
  window.__filterBench = state;
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search') state.pending = { t0: event.timeStamp };
    },
    true,
  );
  const observer = new MutationObserver(() => {
    const sample = state.pending;
    if (!sample || sample.raf !== undefined) return;
    // The last mutation before the frame: the island may write the count and the rows in separate steps.
    const first = sample.dom === undefined;
    sample.dom = performance.now();
    if (!first) return;
    requestAnimationFrame(() => {
      sample.raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        sample.painted = performance.now();
        state.samples.push(sample as Sample);
        state.pending = null;
      };
      channel.port2.postMessage(null);
    });
  });
  state.observe = () => {
    const count = document.querySelector('[data-result-count]');
    const table = document.querySelector('table[data-catalog-table] tbody') ?? document.querySelector('main table tbody');
    if (!count && !table) return false;
    for (const node of [count, table]) if (node) observer.observe(node, { childList: true, subtree: true, characterData: true, attributes: true });
    return true;
  };
}

function stats(values: number[]): LatencyStats | null {
  if (values.length === 0) return null;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(median(values)), p95: round(percentile(values, 95)), max: round(Math.max(...values)) };
}

async function typeAndMeasure(page: Page, key: string, expected: number): Promise<boolean> {
  await page.keyboard.press(key);
  try {
    await page.waitForFunction((n) => (window.__filterBench?.samples.length ?? 0) >= n, expected, { timeout: 5_000, polling: 20 });
    return true;
  } catch {
    await page.evaluate(() => {
      if (window.__filterBench) window.__filterBench.pending = null;
    });
    return false;
  }
}

export async function measureFilter(distDir: string, models: number): Promise<FilterResult> {
  const server = await serveStatic(distDir);
  const browser = await launchBrowser();
  const result: FilterResult = { models, rows: null, keystrokes: 0, noUpdate: 0, inputToDomMs: null, domPlusRenderMs: null, inputToPaintMs: null, hydrationMs: null, error: null };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(installProbe);
    const started = Date.now();
    await page.goto(`${server.url}/`, { waitUntil: 'load', timeout: 120_000 });
    if ((await page.locator(SEARCH_BOX).count()) === 0) {
      result.error = `the catalog page has no search box (${SEARCH_BOX}); the filter island is not on the page yet`;
      return result;
    }
    // The island loads every row (/catalog/rows.json) on the first focus of the search box and marks
    // its root ready; hydration here is load to ready, including that fetch.
    await page.locator(SEARCH_BOX).focus();
    await page.waitForSelector('[data-catalog-ready]', { timeout: 120_000 }).catch(() => undefined);
    result.hydrationMs = Date.now() - started;
    result.rows = await page.evaluate((selector) => Number(/\d+/.exec(document.querySelector(selector)?.textContent ?? '')?.[0] ?? NaN) || null, RESULT_COUNT);
    if (!(await page.evaluate(() => window.__filterBench?.observe() ?? false))) {
      result.error = 'found neither a result count nor a catalog table to observe';
      return result;
    }
    await page.locator(SEARCH_BOX).click();
    let expected = 0;
    for (const query of QUERIES) {
      for (const key of [...query.split('').map((c) => (c === ' ' ? 'Space' : c)), ...query.split('').map(() => 'Backspace')]) {
        result.keystrokes += 1;
        if (await typeAndMeasure(page, key, expected + 1)) expected += 1;
        else result.noUpdate += 1;
        await page.waitForTimeout(30);
      }
    }
    const samples = await page.evaluate(() => window.__filterBench?.samples ?? []);
    result.inputToDomMs = stats(samples.map((s) => s.dom - s.t0));
    result.domPlusRenderMs = stats(samples.map((s) => s.dom - s.t0 + (s.painted - s.raf)));
    result.inputToPaintMs = stats(samples.map((s) => s.painted - s.t0));
    await context.close();
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    await browser.close();
    await server.close();
  }
  return result;
}
