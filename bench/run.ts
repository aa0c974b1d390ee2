/**
 * npm run bench [-- --only build,normalize,pages,lighthouse,filter,robustness] [--sizes 1000,5000,10000]
 *               [--lighthouse-runs 3] [--normalize-runs 3] [--nice 10] [--keep]
 *
 * Measures build scaling, normalize time, bytes per page, Lighthouse scores, catalog filter latency
 * and robustness counts, and writes bench/results/latest.json and latest.md (with the machine).
 * Sections left out with --only keep their previous figures, each with the date it was measured.
 * Figures are medians or counts; nothing here asserts a time.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from './machine.ts';
import { buildSite, PROJECT_ROOT, SYNTHETIC_SEED, realCatalog, syntheticCatalog, type BuildResult, type PreparedCatalog } from './measure-build.ts';
import { measureNormalize } from './measure-normalize.ts';
import { measurePages, PAGE_KINDS } from './measure-pages.ts';
import { measureLighthouse } from './measure-lighthouse.ts';
import { measureFilter } from './measure-filter.ts';
import { measureRobustness } from './measure-robustness.ts';
import { renderMarkdown, checkTargets, type BenchResults, type Sections } from './report.ts';
import { CHROMIUM_PATH } from '../test/support/browser.ts';

const SECTIONS = ['build', 'normalize', 'pages', 'lighthouse', 'filter', 'robustness'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    sizes: { type: 'string', default: '1000,5000,10000' },
    'filter-sizes': { type: 'string', default: 'real,10000' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'normalize-runs': { type: 'string', default: '3' },
    'fuzz-inputs': { type: 'string', default: '400' },
    nice: { type: 'string', default: '10' },
    out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results') },
    keep: { type: 'boolean', default: false },
  },
});

const only = new Set<Section>(
  (values.only ?? SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`--only: unknown section "${s}"; expected some of ${SECTIONS.join(', ')}`);
      return s as Section;
    }),
);
const positiveList = (text: string, flag: string) =>
  text.split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flag}: "${s}" is not a positive integer`);
    return n;
  });
const sizes = positiveList(values.sizes!, 'sizes');
// "real" is today's catalog, measured next to the synthetic sizes.
const filterSizes: (number | 'real')[] = values['filter-sizes']!.split(',').flatMap((s): (number | 'real')[] => (s.trim() === 'real' ? ['real'] : positiveList(s, 'filter-sizes')));
const [lighthouseRuns] = positiveList(values['lighthouse-runs']!, 'lighthouse-runs');
const [normalizeRuns] = positiveList(values['normalize-runs']!, 'normalize-runs');
const [fuzzInputs] = positiveList(values['fuzz-inputs']!, 'fuzz-inputs');
const nice = Number(values.nice);

const machine = machineInfo(CHROMIUM_PATH, PROJECT_ROOT);
// Inside the project (.tmp/ is git-ignored): astro puts its prerender chunks next to an outDir under
// the working directory, and otherwise in the shared .astro/.prerender/, which concurrent builds
// (tests, other checkouts) overwrite under each other. The chunks also need node_modules above them.
mkdirSync(path.join(PROJECT_ROOT, '.tmp'), { recursive: true });
const workDir = mkdtempSync(path.join(PROJECT_ROOT, '.tmp', 'bench-'));
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// Catalogs and builds are shared between sections: the filter benchmark reuses the scaling builds.
const catalogs = new Map<number | 'real', PreparedCatalog>();
const builds = new Map<number | 'real', BuildResult>();

async function catalogFor(size: number | 'real'): Promise<PreparedCatalog> {
  let catalog = catalogs.get(size);
  if (!catalog) {
    log(size === 'real' ? 'reading the real catalog' : `generating and normalizing a synthetic catalog of ${size} models`);
    catalog = size === 'real' ? realCatalog() : await syntheticCatalog(workDir, size, nice);
    catalogs.set(size, catalog);
  }
  return catalog;
}

async function buildFor(size: number | 'real'): Promise<BuildResult> {
  let build = builds.get(size);
  if (!build) {
    const catalog = await catalogFor(size);
    log(`building the site for the ${catalog.label} catalog (${catalog.models} models)`);
    build = await buildSite(catalog, path.join(workDir, `dist-${size}`), nice);
    log(build.ok ? `built ${build.htmlPages} pages in ${(build.wallMs / 1000).toFixed(1)} s` : `build FAILED:\n${build.error}`);
    builds.set(size, build);
  }
  return build;
}

const previousFile = path.join(values.out!, 'latest.json');
const previous: Partial<BenchResults> = existsSync(previousFile) ? (JSON.parse(readFileSync(previousFile, 'utf8')) as BenchResults) : {};
const sections: Sections = { ...(previous.sections ?? {}) };
const now = () => new Date().toISOString();
/** The 1-minute load average when a section starts: the machine is shared, so figures carry it. */
const load = () => Math.round(os.loadavg()[0]! * 100) / 100;

const errors: string[] = [];

/** Writes latest.json and latest.md; called after every section so a later failure loses nothing. */
function writeResults(final: boolean): void {
  const results: BenchResults = { generatedAt: now(), machine, pageKinds: [...PAGE_KINDS], sections, targets: [], errors };
  results.targets = checkTargets(results);
  mkdirSync(values.out!, { recursive: true });
  writeFileSync(path.join(values.out!, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(path.join(values.out!, 'latest.md'), markdown);
  if (final) {
    console.log(`\n${markdown}`);
    log(`wrote ${path.relative(process.cwd(), path.join(values.out!, 'latest.md'))} and latest.json`);
  }
}

/** Runs one section; a failure is reported in the results and the other sections still run. */
async function section(name: Section, run: () => Promise<void>): Promise<void> {
  if (!only.has(name)) return;
  try {
    await run();
  } catch (error) {
    const message = `${name}: ${(error as Error).stack ?? String(error)}`;
    errors.push(message);
    log(`section ${message}`);
  }
  writeResults(false);
}

try {
  await section('build', async () => {
    const startLoad = load();
    const results: BuildResult[] = [];
    for (const size of ['real' as const, ...sizes]) results.push(await buildFor(size));
    sections.build = {
      measuredAt: now(),
      load1m: startLoad,
      rows: results.map((b) => {
        const key = b.label === 'real' ? 'real' : Number(b.label.replace('synthetic ', ''));
        const catalog = catalogs.get(key)!;
        return {
          label: b.label,
          models: b.models,
          listed: catalog.listed,
          ok: b.ok,
          buildMs: Math.round(b.wallMs),
          peakRssBytes: b.peakRssBytes,
          htmlPages: b.htmlPages,
          distBytes: b.distBytes,
          normalizeMs: catalog.normalize ? Math.round(catalog.normalize.wallMs) : null,
          error: b.error,
        };
      }),
      syntheticSeed: sizes.length > 0 ? SYNTHETIC_SEED : null,
    };
  });

  await section('normalize', async () => {
    const startLoad = load();
    const rows = [];
    for (const size of ['real', Math.max(...sizes, 10_000)] as const) {
      const catalog = await catalogFor(size);
      log(`normalizing ${catalog.label} (${catalog.models} models) ${normalizeRuns} times`);
      rows.push(await measureNormalize(catalog.label, catalog.rawDir!, workDir, catalog.models, normalizeRuns!, nice));
    }
    sections.normalize = { measuredAt: now(), load1m: startLoad, rows };
  });

  const realBuild = async () => {
    const build = await buildFor('real');
    if (!build.ok) throw new Error(`the real catalog did not build, so pages cannot be measured:\n${build.error}`);
    return { build, catalog: await catalogFor('real') };
  };

  await section('pages', async () => {
    const { build, catalog } = await realBuild();
    log('measuring bytes and requests per page');
    sections.pages = { measuredAt: now(), load1m: load(), pages: await measurePages(build.distDir, catalog.dataDir) };
  });

  await section('lighthouse', async () => {
    const { build, catalog } = await realBuild();
    log(`running Lighthouse (mobile), ${lighthouseRuns} runs per page`);
    const startLoad = load();
    sections.lighthouse = { measuredAt: now(), load1m: startLoad, runs: lighthouseRuns!, pages: await measureLighthouse(build.distDir, catalog.dataDir, lighthouseRuns!, log) };
  });

  await section('filter', async () => {
    const startLoad = load();
    const rows = [];
    for (const size of filterSizes) {
      const build = await buildFor(size);
      const models = size === 'real' ? (await catalogFor('real')).models : size;
      if (!build.ok) {
        rows.push({ models, error: `the ${size}-model site did not build: ${build.error}` });
        continue;
      }
      log(`measuring catalog filter latency with ${models} models (${size})`);
      rows.push({ ...(await measureFilter(build.distDir, models)), real: size === 'real' });
    }
    sections.filter = { measuredAt: now(), load1m: startLoad, rows };
  });

  await section('robustness', async () => {
    log('robustness: normalizer fuzz, XSS payloads, fetch fault injection');
    const startLoad = load();
    sections.robustness = { measuredAt: now(), load1m: startLoad, ...(await measureRobustness(workDir, fuzzInputs!, nice, log)) };
  });
} finally {
  if (!values.keep) rmSync(workDir, { recursive: true, force: true });
  else log(`kept the work folder ${workDir}`);
}

writeResults(true);
if (errors.length > 0) process.exitCode = 1;
