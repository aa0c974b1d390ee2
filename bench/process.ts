/**
 * Runs a child process and measures its wall time and peak resident memory. GNU time (`/usr/bin/time
 * -v`) reports the peak RSS of the child and the descendants it waited for; without it, the peak is
 * sampled from /proc/<pid>/status (VmHWM) of the child and its descendants every 100 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  command: string;
  exitCode: number;
  wallMs: number;
  /** Peak resident set size in bytes, or null when it could not be read. */
  peakRssBytes: number | null;
  rssSource: 'gnu-time' | 'proc-sampling' | 'none';
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Niceness for the child: the benchmark shares the machine with other work. */
  nice?: number;
}

export async function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<ProcessRun> {
  const useGnuTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), 'atlas-bench-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  let argv = [command, ...args];
  if (useGnuTime) argv = [GNU_TIME, '-v', '-o', timeFile, ...argv];
  if (options.nice) argv = ['nice', '-n', String(options.nice), ...argv];
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let sampledPeak = 0;
  const sampler = useGnuTime ? undefined : setInterval(() => (sampledPeak = Math.max(sampledPeak, treeHighWaterMark(child.pid!))), 100);
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const wallMs = performance.now() - started;
  if (sampler) clearInterval(sampler);
  let peakRssBytes: number | null = null;
  if (useGnuTime && existsSync(timeFile)) {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (match) peakRssBytes = Number(match[1]) * 1024;
  } else if (sampledPeak > 0) {
    peakRssBytes = sampledPeak;
  }
  rmSync(scratch, { recursive: true, force: true });
  return {
    command: [command, ...args].join(' '),
    exitCode,
    wallMs,
    peakRssBytes,
    rssSource: peakRssBytes === null ? 'none' : useGnuTime ? 'gnu-time' : 'proc-sampling',
    stdout,
    stderr,
  };
}

/** The largest VmHWM (peak RSS) among a process and its descendants, in bytes. */
function treeHighWaterMark(rootPid: number): number {
  const children = new Map<number, number[]>();
  let peak = 0;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // Gone already.
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return peak;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The last lines of a child's output that name an error, for the report. */
export function errorExcerpt(output: string, lines = 12): string {
  const all = output.split('\n').filter((l) => l.trim().length > 0);
  const first = all.findIndex((l) => /error|failed|Error:/i.test(l));
  return (first === -1 ? all.slice(-lines) : all.slice(first, first + lines)).join('\n');
}
