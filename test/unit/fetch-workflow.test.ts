/**
 * Issue 12 #15: the refresh workflow gives the write token only to the job that opens the pull
 * request, keeps no token in .git/config, pins third-party actions to commit SHAs, and bounds the
 * fetch inside the job's time limit. Read line by line from the file (no YAML dependency needed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const workflow = readFileSync(new URL('../../.github/workflows/refresh-data.yml', import.meta.url), 'utf8');
const lines = workflow.split('\n');

/** The lines of each job under `jobs:`, keyed by job name (two-space indent). */
function jobs(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string | null = null;
  let inJobs = false;
  for (const line of lines) {
    if (/^jobs:\s*$/.test(line)) inJobs = true;
    else if (/^\S/.test(line)) inJobs = false;
    const name = inJobs ? /^ {2}([\w-]+):\s*$/.exec(line)?.[1] : undefined;
    if (name) result.set((current = name), []);
    else if (inJobs && current) result.get(current)!.push(line);
  }
  return result;
}

describe('.github/workflows/refresh-data.yml', () => {
  it('grants nothing at the top and write access only to the pull-request job', () => {
    expect(workflow).toMatch(/^permissions: \{\}\s*$/m);
    const byJob = jobs();
    expect([...byJob.keys()]).toEqual(['refresh', 'pull-request']);
    const writes = (job: string) => byJob.get(job)!.filter((line) => /:\s*write\b/.test(line)).map((line) => line.trim());
    expect(writes('refresh')).toEqual([]);
    expect(byJob.get('refresh')!.map((line) => line.trim())).toContain('contents: read');
    expect(writes('pull-request')).toEqual(['contents: write', 'pull-requests: write']);
    // The API key reaches the fetch step only, in the read-only job.
    expect(byJob.get('pull-request')!.join('\n')).not.toContain('secrets.');
  });

  it('checks out without persisting credentials, every time', () => {
    const checkouts = lines.filter((line) => /uses: actions\/checkout@/.test(line)).length;
    expect(checkouts).toBe(2);
    expect(lines.filter((line) => line.trim() === 'persist-credentials: false').length).toBe(checkouts);
  });

  it('pins every action to a full commit SHA', () => {
    const uses = lines.map((line) => /uses:\s*(\S+)/.exec(line)?.[1]).filter((use): use is string => use !== undefined);
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const use of uses) expect(use).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('gives the fetch a time budget inside its step and job limits', () => {
    const fetchLine = lines.find((line) => line.includes('npm run data:fetch'))!;
    const budgetSeconds = Number(/--budget (\d+)/.exec(fetchLine)?.[1]);
    const refresh = jobs().get('refresh')!;
    const jobMinutes = Number(/timeout-minutes: (\d+)/.exec(lines.find((line) => /^ {4}timeout-minutes:/.test(line) && refresh.includes(line))!)?.[1]);
    const stepIndex = lines.indexOf(fetchLine);
    const stepMinutes = Number(/timeout-minutes: (\d+)/.exec(lines.slice(stepIndex - 10, stepIndex).reverse().find((line) => line.includes('timeout-minutes'))!)?.[1]);
    expect(budgetSeconds).toBeGreaterThan(0);
    expect(budgetSeconds).toBeLessThan(stepMinutes * 60);
    expect(stepMinutes).toBeLessThan(jobMinutes);
    expect(fetchLine).toContain('--summary');
  });
});
