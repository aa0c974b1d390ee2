/**
 * `npm run data:fetch`: refresh data/raw from OpenRouter and Hugging Face, then normalize.
 * The logic lives in scripts/fetch/; this file only wires the command line, signals and exit codes.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeInFlightTempFilesSync, writeFileAtomic } from './atomic-write.ts';
import { parseFetchArgs, USAGE } from './fetch/options.ts';
import { formatSummary, formatSummaryMarkdown } from './fetch/report.ts';
import { runFetch } from './fetch/run.ts';

const EXIT_MODELS_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_NORMALIZE_FAILED = 3;
const EXIT_INTERRUPTED = 130;

function runNormalizer(script: string, rawDir: string, outDir: string): Promise<number> {
  return new Promise((resolveExit) => {
    const child = spawn(process.execPath, [script, '--raw', rawDir, '--out', outDir], { stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`data:fetch: could not start the normalizer ${script}: ${error.message}\n`);
      resolveExit(EXIT_NORMALIZE_FAILED);
    });
    child.on('exit', (code, signal) => resolveExit(code === 0 ? 0 : signal ? EXIT_INTERRUPTED : EXIT_NORMALIZE_FAILED));
  });
}

async function main(): Promise<number> {
  const parsed = parseFetchArgs(process.argv.slice(2), process.env, new Date(), process.cwd());
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`data:fetch: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }

  // Nothing is written during the fetch phase, and an in-flight temp file is removed here, so an
  // interrupted run leaves data/raw exactly as a completed write would or as it was.
  const onSignal = (): void => {
    removeInFlightTempFilesSync();
    process.stderr.write('\ndata:fetch: interrupted; data/raw keeps its last good state\n');
    process.exit(EXIT_INTERRUPTED);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const isTTY = Boolean(process.stderr.isTTY);
  const report = await runFetch(parsed.fetch, {
    now: () => new Date(),
    random: Math.random,
    isTTY,
    progressEvery: 50,
    progress: (line, final) => {
      process.stderr.write(isTTY ? `\r\x1b[2K${line}${final ? '\n' : ''}` : `${line}\n`);
    },
  });

  const inCwd = relative(process.cwd(), report.rawDir);
  const shown = { ...report, rawDir: inCwd === '' ? '.' : inCwd.startsWith('..') || isAbsolute(inCwd) ? report.rawDir : inCwd };
  process.stdout.write(`${formatSummary(shown)}\n`);
  if (parsed.summaryFile) await writeFileAtomic(parsed.summaryFile, formatSummaryMarkdown(shown));
  if (!report.modelsOk) return EXIT_MODELS_FAILED;
  if (!parsed.normalize) return 0;

  const script = parsed.normalizeScript ?? join(dirname(fileURLToPath(import.meta.url)), 'normalize.ts');
  if (!existsSync(script)) {
    process.stderr.write(
      `data:fetch: the raw data is saved, but the normalizer ${script} does not exist; ` +
        'run `npm run data:build` once it does, or pass --no-normalize\n',
    );
    return EXIT_NORMALIZE_FAILED;
  }
  process.stderr.write(`data:fetch: normalizing ${parsed.fetch.rawDir} into ${parsed.outDir}\n`);
  const code = await runNormalizer(script, parsed.fetch.rawDir, parsed.outDir);
  if (code !== 0) process.stderr.write(`data:fetch: the normalizer ${script} failed (exit ${code}); the raw data is saved\n`);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    removeInFlightTempFilesSync();
    process.stderr.write(`data:fetch: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_MODELS_FAILED;
  },
);
