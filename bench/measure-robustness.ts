/**
 * Robustness counts: the data:fetch fault-injection suite (test/unit/fetch.test.ts replays every
 * FAULT_CASES entry against each upstream route and prints its tally), the normalizer fuzz run and the
 * XSS payload run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fuzzNormalize, type FuzzResult } from './fuzz-normalize.ts';
import { measureXss, type XssResult } from './xss.ts';
import { PROJECT_ROOT, stripAnsi } from './measure-build.ts';
import { runMeasured } from './process.ts';

export interface FetchFaultResult {
  suite: string;
  tests: number;
  passed: number;
  failed: number;
  faultCases: number | null;
  faultsInjected: number | null;
  faultedRuns: number | null;
  corruptFiles: number | null;
  error: string | null;
}

export interface RobustnessResult {
  fetch: FetchFaultResult;
  fuzz: FuzzResult;
  xss: XssResult | { error: string };
}

const FETCH_SUITE = 'test/unit/fetch.test.ts';

async function runFetchSuite(workDir: string, nice: number): Promise<FetchFaultResult> {
  const result: FetchFaultResult = { suite: FETCH_SUITE, tests: 0, passed: 0, failed: 0, faultCases: null, faultsInjected: null, faultedRuns: null, corruptFiles: null, error: null };
  if (!existsSync(path.join(PROJECT_ROOT, FETCH_SUITE))) {
    result.error = `${FETCH_SUITE} does not exist yet`;
    return result;
  }
  try {
    const { FAULT_CASES } = (await import('../test/support/replay-server.ts')) as { FAULT_CASES?: readonly unknown[] };
    result.faultCases = FAULT_CASES?.length ?? null;
  } catch {
    // The suite's own count below still says how many faults it injected.
  }
  const dir = mkdtempSync(path.join(workDir, 'fetch-suite-'));
  const report = path.join(dir, 'report.json');
  const vitest = path.join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const run = await runMeasured(process.execPath, [vitest, 'run', FETCH_SUITE, '--reporter=json', `--outputFile=${report}`, '--reporter=default'], { cwd: PROJECT_ROOT, nice });
  const output = stripAnsi(run.stdout + run.stderr);
  const tally = /(\d+) faults injected over (\d+) faulted runs, (\d+) corrupt/.exec(output);
  if (tally) {
    result.faultsInjected = Number(tally[1]);
    result.faultedRuns = Number(tally[2]);
    result.corruptFiles = Number(tally[3]);
  }
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as { numTotalTests: number; numPassedTests: number; numFailedTests: number };
    result.tests = json.numTotalTests;
    result.passed = json.numPassedTests;
    result.failed = json.numFailedTests;
  }
  if (run.exitCode !== 0 && result.failed === 0) result.error = `vitest exited with ${run.exitCode}: ${output.split('\n').slice(-8).join(' | ')}`;
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export async function measureRobustness(workDir: string, fuzzInputs: number, nice: number, log: (m: string) => void): Promise<RobustnessResult> {
  log('  fetch fault-injection suite');
  const fetch = await runFetchSuite(workDir, nice);
  log(`  normalizer fuzz, ${fuzzInputs} inputs`);
  const fuzz = await fuzzNormalize(workDir, fuzzInputs);
  log('  XSS payloads');
  let xss: RobustnessResult['xss'];
  try {
    xss = await measureXss(workDir, nice, log);
  } catch (error) {
    xss = { error: (error as Error).message };
  }
  return { fetch, fuzz, xss };
}
