/** The benchmark's results as one JSON document and one Markdown page, with targets checked. */
import type { MachineInfo } from './machine.ts';
import type { NormalizeResult } from './measure-normalize.ts';
import type { PageWeight } from './measure-pages.ts';
import type { LighthousePage } from './measure-lighthouse.ts';
import type { FilterResult } from './measure-filter.ts';
import type { RobustnessResult } from './measure-robustness.ts';

export interface BuildRow {
  label: string;
  models: number;
  listed: number;
  ok: boolean;
  buildMs: number;
  peakRssBytes: number | null;
  htmlPages: number;
  distBytes: number;
  normalizeMs: number | null;
  error: string | null;
}

interface Measured {
  measuredAt: string;
  /** 1-minute load average when the section started. */
  load1m?: number;
}

export interface Sections {
  build?: Measured & { rows: BuildRow[]; syntheticSeed: number | null };
  normalize?: Measured & { rows: NormalizeResult[] };
  pages?: Measured & { pages: PageWeight[] };
  lighthouse?: Measured & { runs: number; pages: LighthousePage[] };
  filter?: Measured & { rows: ((FilterResult & { real?: boolean }) | { models: number; error: string })[] };
  robustness?: Measured & RobustnessResult;
}

export interface TargetCheck {
  target: string;
  measured: string;
  status: 'pass' | 'miss' | 'not measured';
  margin: string;
}

export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  pageKinds: string[];
  sections: Sections;
  targets: TargetCheck[];
  /** Sections that failed in this run (their previous figures, if any, are kept). */
  errors: string[];
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mib = (bytes: number | null) => (bytes === null ? 'n/a' : `${Math.round(bytes / MIB)}`);
const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const when = (m: Measured) => `${day(m.measuredAt)}${m.load1m === undefined ? '' : `, load ${m.load1m}`}`;

function buildRow(sections: Sections, models: number): BuildRow | undefined {
  return sections.build?.rows.find((r) => r.label === `synthetic ${models}` && r.ok);
}

/** Ratios between the largest and smallest synthetic builds: 10k/1k when both ran. */
export function scalingRatio(sections: Sections): { from: BuildRow; to: BuildRow; time: number; memory: number | null } | null {
  const rows = (sections.build?.rows ?? []).filter((r) => r.ok && r.label.startsWith('synthetic')).sort((a, b) => a.models - b.models);
  const from = buildRow(sections, 1000) ?? rows[0];
  const to = buildRow(sections, 10_000) ?? rows[rows.length - 1];
  if (!from || !to || from === to) return null;
  return {
    from,
    to,
    time: to.buildMs / from.buildMs,
    memory: from.peakRssBytes && to.peakRssBytes ? to.peakRssBytes / from.peakRssBytes : null,
  };
}

/** Astro's client:visible runtime and the widget's own chunks: what loading the trial widget lazily costs. */
const LAZY_LOADER = /trial|when-visible|preload-helper/i;

function check(target: string, value: number | null | undefined, limit: number, better: 'lower' | 'higher', format: (n: number) => string, measured?: string): TargetCheck {
  if (value === null || value === undefined || Number.isNaN(value)) return { target, measured: measured ?? 'not measured', status: 'not measured', margin: '' };
  const pass = better === 'lower' ? value <= limit : value >= limit;
  const delta = better === 'lower' ? limit - value : value - limit;
  return { target, measured: measured ?? format(value), status: pass ? 'pass' : 'miss', margin: pass ? (delta === 0 ? 'at target' : `${format(Math.abs(delta))} to spare`) : `${better === 'lower' ? 'over' : 'short'} by ${format(Math.abs(delta))}` };
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const { sections } = results;
  const checks: TargetCheck[] = [];
  for (const kind of ['card', 'catalog'] as const) {
    const page = sections.lighthouse?.pages.find((p) => p.kind === kind);
    for (const category of ['performance', 'accessibility', 'best-practices', 'seo'] as const) {
      const score = page?.exists ? page.scores[category] : null;
      checks.push(check(`${kind} Lighthouse ${category} = 100`, score, 100, 'higher', (n) => `${n}`, page && !page.exists ? 'page not built yet' : undefined));
    }
  }
  const card = sections.pages?.pages.find((p) => p.kind === 'card');
  if (card?.exists) {
    const other = card.scripts.filter((s) => !LAZY_LOADER.test(s.path));
    const lazy = card.scripts.filter((s) => LAZY_LOADER.test(s.path));
    const gz = (list: { gzip: number }[]) => kb(list.reduce((sum, s) => sum + s.gzip, 0));
    const lazyNote = lazy.length > 0 ? `; plus the trial widget's lazy loader, ${gz(lazy)} KiB gz` : '';
    checks.push({
      target: 'card ships no JS before interaction (except the lazy trial widget)',
      measured: other.length === 0 ? `no page script${lazyNote}` : `${other.map((s) => `${s.path.replace('/_astro/', '')} ${kb(s.gzip)} KiB gz`).join(', ')}${lazyNote}`,
      status: other.length === 0 ? 'pass' : 'miss',
      margin: other.length === 0 ? '' : `over by ${other.length} script(s), ${gz(other)} KiB gz`,
    });
  } else {
    checks.push({ target: 'card ships no JS before interaction (except the lazy trial widget)', measured: card ? 'page not built yet' : 'not measured', status: 'not measured', margin: '' });
  }
  // Issue 11: filter to painted ≤ 16 ms median and ≤ 50 ms p95, at today's size and at 10k models.
  for (const row of sections.filter?.rows ?? []) {
    const stats = 'domPlusRenderMs' in row ? row.domPlusRenderMs : null;
    const size = 'real' in row && row.real ? `today's ${row.models}` : `${row.models / 1000}k`;
    const error = 'error' in row && row.error ? `error: ${row.error.slice(0, 80)}` : undefined;
    const measured = stats ? `${stats.median.toFixed(1)} ms (p95 ${stats.p95.toFixed(1)} ms)` : error;
    checks.push(check(`catalog filter, ${size} models ≤ 16 ms (median)`, stats?.median, 16, 'lower', (n) => `${n.toFixed(1)} ms`, measured));
    checks.push(check(`catalog filter, ${size} models ≤ 50 ms (p95)`, stats?.p95, 50, 'lower', (n) => `${n.toFixed(1)} ms`, measured));
  }
  const catalogPage = sections.pages?.pages.find((p) => p.kind === 'catalog');
  const catalogKiB = catalogPage?.exists ? catalogPage.total.gzip / 1024 : null;
  checks.push(check('catalog first load ≤ 66 KiB (gzip)', catalogKiB, 66, 'lower', (n) => `${n.toFixed(1)} KiB`));
  const realNormalize = sections.normalize?.rows.find((r) => r.label === 'real');
  checks.push(check('npm run data:build on data/raw < 2 s (median; unchanged files not read again)', realNormalize?.cliMedianMs, 2_000, 'lower', (n) => `${seconds(n)} s`));
  checks.push(check('npm run data:build -- --no-cache on data/raw < 2 s (median; every file read)', realNormalize?.uncachedMedianMs, 2_000, 'lower', (n) => `${seconds(n)} s`));
  const big = buildRow(sections, 10_000);
  checks.push(check('10k-model build < 90 s', big?.buildMs, 90_000, 'lower', (n) => `${seconds(n)} s`, big ? undefined : sections.build?.rows.find((r) => r.label === 'synthetic 10000')?.error ? 'build failed' : undefined));
  checks.push(check('10k-model build < 2 GiB peak RSS', big?.peakRssBytes, 2 * GIB, 'lower', (n) => `${(n / GIB).toFixed(2)} GiB`));
  const ratio = scalingRatio(sections);
  // Near-linear: the per-model cost at the large size is at most 25% above the small size's.
  const linear = ratio ? ratio.to.models / ratio.from.models : 10;
  checks.push(check(`near-linear growth (time ratio ≤ ${(linear * 1.25).toFixed(1)} for ${linear}x models)`, ratio?.time, linear * 1.25, 'lower', (n) => n.toFixed(2)));
  const robustness = sections.robustness;
  checks.push(check('normalizer fuzz: crashes = 0', robustness?.fuzz.crashes, 0, 'lower', (n) => `${n}`));
  checks.push(check('normalizer fuzz: corrupt outputs = 0', robustness?.fuzz.corruptOutputs, 0, 'lower', (n) => `${n}`));
  checks.push(check('fetch faults: corrupt files = 0', robustness?.fetch.corruptFiles, 0, 'lower', (n) => `${n}`));
  const xss = robustness && !('error' in robustness.xss) ? robustness.xss : null;
  checks.push(check('XSS payloads executed = 0', xss ? xss.executions + xss.dangerousLinks : null, 0, 'lower', (n) => `${n}`));
  return checks;
}

function table(header: string[], rows: (string | number)[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function renderMarkdown(results: BenchResults): string {
  const { machine, sections } = results;
  const out: string[] = [];
  out.push('# Model Atlas benchmark', '');
  out.push(`Generated ${day(results.generatedAt)} UTC by \`npm run bench\`${machine.commit ? ` at commit ${machine.commit}` : ''}.`, '');
  out.push(
    table(
      ['CPU', 'cores', 'memory', 'Node', 'OS', 'Chromium'],
      [[machine.cpuModel, machine.cores, `${(machine.memoryBytes / GIB).toFixed(1)} GiB`, machine.nodeVersion, machine.os, machine.chromium ?? 'not found']],
    ),
    '',
    `Load average when the run started: ${machine.loadAverageAtStart.join(', ')} (the machine may be shared; children run with \`nice\`).`,
    '',
  );

  if (results.errors.length > 0) {
    out.push('## Sections that failed in this run', '', ...results.errors.map((e) => `- ${e.split('\n')[0]}`), '');
  }
  out.push('## Targets', '');
  out.push(table(['target', 'measured', 'status', 'margin'], results.targets.map((t) => [t.target, t.measured, t.status === 'pass' ? '✅ pass' : t.status === 'miss' ? '❌ miss' : '— not measured', t.margin])), '');

  if (sections.build) {
    out.push(`## Build scaling (measured ${when(sections.build)})`, '');
    out.push('`astro build` in a child process; peak RSS from GNU time. Synthetic catalogs come from `bench/synthetic-catalog.ts` (seed ' + (sections.build.syntheticSeed ?? 'n/a') + ') and go through `normalize --raw/--out` first.', '');
    out.push(
      table(
        ['catalog', 'models (listed)', 'normalize s', 'build s', 'peak RSS MiB', 'HTML pages', 'dist MiB', 'ms per page'],
        sections.build.rows.map((r) =>
          r.ok
            ? [r.label, `${r.models} (${r.listed})`, r.normalizeMs === null ? '—' : seconds(r.normalizeMs), seconds(r.buildMs), mib(r.peakRssBytes), r.htmlPages, (r.distBytes / MIB).toFixed(1), r.htmlPages ? (r.buildMs / r.htmlPages).toFixed(1) : '—']
            : [r.label, `${r.models} (${r.listed})`, r.normalizeMs === null ? '—' : seconds(r.normalizeMs), 'FAILED', mib(r.peakRssBytes), '—', '—', '—'],
        ),
      ),
      '',
    );
    const ratio = scalingRatio(sections);
    if (ratio) out.push(`${ratio.to.models / 1000}k/${ratio.from.models / 1000}k ratio: build time ×${ratio.time.toFixed(2)}, peak memory ×${ratio.memory?.toFixed(2) ?? 'n/a'} for ×${ratio.to.models / ratio.from.models} models.`, '');
    for (const r of sections.build.rows.filter((row) => !row.ok)) out.push(`Build of the ${r.label} catalog failed:`, '', '```', r.error ?? '', '```', '');
  }

  if (sections.normalize) {
    const n = sections.normalize;
    out.push(`## Normalize (measured ${when(n)})`, '');
    out.push(
      table(
        ['raw folder', 'models', '`npm run data:build` median s (runs)', 'with `--no-cache` median s (runs)', 'peak RSS MiB', 'normalizeCatalog median s'],
        n.rows.map((r) => [
          r.label,
          r.models,
          `${seconds(r.cliMedianMs)} (${r.cliWallMs.map((ms) => seconds(ms)).join(', ')})`,
          r.uncachedWallMs ? `${seconds(r.uncachedMedianMs)} (${r.uncachedWallMs.map((ms) => seconds(ms)).join(', ')})` : 'not measured',
          mib(r.cliPeakRssBytes),
          seconds(r.inProcessMedianMs),
        ]),
      ),
      '',
    );
  }

  if (sections.pages) {
    out.push(`## Bytes per page, first load (measured ${when(sections.pages)})`, '');
    out.push('Chromium at a 390×844 phone viewport, every response until the network is idle; gzip at level 6. Nothing is scrolled or clicked.', '');
    out.push(
      table(
        ['page', 'requests', 'HTML KiB (gz)', 'CSS KiB (gz)', 'JS KiB (gz)', 'JSON, images, fonts KiB (gz)', 'total KiB (gz)'],
        sections.pages.pages.map((p) => {
          if (!p.exists) return [`${p.kind} \`${p.urlPath}\``, 'not built yet', '', '', '', '', ''];
          const other = (['json', 'image', 'font', 'other'] as const).reduce((acc, k) => ({ raw: acc.raw + p.bytes[k].raw, gzip: acc.gzip + p.bytes[k].gzip }), { raw: 0, gzip: 0 });
          const cell = (c: { raw: number; gzip: number }) => `${kb(c.raw)} (${kb(c.gzip)})`;
          return [`${p.kind} \`${p.urlPath.length > 60 ? `${p.urlPath.slice(0, 57)}…` : p.urlPath}\``, p.requests, cell(p.bytes.html), cell(p.bytes.css), `${cell(p.bytes.js)} in ${p.bytes.js.files}`, cell(other), cell(p.total)];
        }),
      ),
      '',
    );
  }

  if (sections.lighthouse) {
    out.push(`## Lighthouse, mobile (measured ${when(sections.lighthouse)}, median of ${sections.lighthouse.runs})`, '');
    out.push(
      table(
        ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'],
        sections.lighthouse.pages.map((p) =>
          p.exists
            ? [p.kind, p.scores.performance ?? 'error', p.scores.accessibility ?? 'error', p.scores['best-practices'] ?? 'error', p.scores.seo ?? 'error', p.metrics.firstContentfulPaintMs?.toFixed(0) ?? '', p.metrics.largestContentfulPaintMs?.toFixed(0) ?? '', p.metrics.totalBlockingTimeMs?.toFixed(0) ?? '', p.metrics.cumulativeLayoutShift?.toFixed(3) ?? '']
            : [p.kind, 'not built yet', '', '', '', '', '', '', ''],
        ),
      ),
      '',
    );
    const failing = sections.lighthouse.pages.filter((p) => p.failingAudits.length > 0 || p.error);
    for (const p of failing) out.push(`- ${p.kind}: ${p.error ? `error: ${p.error}; ` : ''}${p.failingAudits.join('; ')}`);
    if (failing.length > 0) out.push('');
  }

  if (sections.filter) {
    out.push(`## Catalog filter latency (measured ${when(sections.filter)})`, '');
    out.push('Keys typed one at a time into the catalog search box and erased again. input→DOM: input event to the last table or count mutation before the next frame; +render: plus style, layout and paint of the next frame (the wait for vsync left out); input→painted: everything a person waits for.', '');
    out.push(
      table(
        ['models', 'rows', 'keystrokes', 'input→DOM median / p95 ms', '+render median / p95 ms', 'input→painted median / p95 ms', 'hydration ms'],
        sections.filter.rows.map((r) =>
          'keystrokes' in r && !r.error
            ? [r.models, r.rows ?? '', `${r.keystrokes}${r.noUpdate ? ` (${r.noUpdate} no update)` : ''}`, fmtStats(r.inputToDomMs), fmtStats(r.domPlusRenderMs), fmtStats(r.inputToPaintMs), r.hydrationMs ?? '']
            : [r.models, '', '', `error: ${r.error}`, '', '', ''],
        ),
      ),
      '',
    );
  }

  if (sections.robustness) {
    const { fetch, fuzz, xss } = sections.robustness;
    out.push(`## Robustness (measured ${when(sections.robustness)})`, '');
    out.push(
      table(
        ['suite', 'tried', 'outcome', 'must be 0'],
        [
          [
            `data:fetch fault injection (\`${fetch.suite}\`)`,
            fetch.faultsInjected === null ? (fetch.error ?? 'no tally printed') : `${fetch.faultsInjected} faults over ${fetch.faultedRuns} faulted runs (${fetch.faultCases ?? '?'} fault kinds × routes)`,
            `${fetch.passed}/${fetch.tests} tests passed`,
            `corrupt or temp files: ${fetch.corruptFiles ?? 'n/a'}`,
          ],
          [
            'normalizer fuzz (`bench/fuzz-normalize.ts`)',
            `${fuzz.inputs} inputs, ${fuzz.mutations} mutations of ${Object.keys(fuzz.mutationKinds).length} kinds`,
            `${fuzz.normalized} normalized (${fuzz.entriesRejected} entries rejected), ${fuzz.refused} refused with UnusableInputError`,
            `crashes: ${fuzz.crashes}, corrupt outputs: ${fuzz.corruptOutputs}`,
          ],
          'error' in xss
            ? ['XSS payloads', '', `error: ${xss.error}`, '']
            : [
                'XSS payloads in names and descriptions',
                `${xss.payloads} payloads on ${xss.pages.length} pages${xss.cardsTested ? ' (cards included)' : ' (renderer and catalog only)'}`,
                xss.notes.join('; ') || 'hovered, focused, links resolved',
                `executed: ${xss.executions}, script links: ${xss.dangerousLinks}`,
              ],
        ],
      ),
      '',
    );
    if (fuzz.findings.length > 0) out.push('Fuzz findings:', '', ...fuzz.findings.map((f) => `- ${f.replace(/\s+/g, ' ').slice(0, 300)}`), '');
  }
  return `${out.join('\n')}\n`;
}

function fmtStats(s: { median: number; p95: number } | null): string {
  return s ? `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}` : 'n/a';
}
