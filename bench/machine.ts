/** What the benchmark ran on, printed next to every table: figures mean little without it. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  nodeVersion: string;
  os: string;
  chromium: string | null;
  commit: string | null;
  loadAverageAtStart: number[];
}

export function machineInfo(chromiumPath: string, projectRoot: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpuModel(cpus[0]?.model),
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    nodeVersion: process.version,
    os: osName(),
    chromium: tryRun(chromiumPath, ['--version']),
    commit: tryRun('git', ['-C', projectRoot, 'rev-parse', '--short', 'HEAD']),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

function cpuModel(fromNode: string | undefined): string {
  // Virtual machines often report a bare family name to Node; /proc/cpuinfo may say more.
  const cpuinfo = existsSync('/proc/cpuinfo') ? /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() : undefined;
  return [fromNode, cpuinfo].filter((s): s is string => !!s).sort((a, b) => b.length - a.length)[0] ?? 'unknown';
}

function osName(): string {
  const release = existsSync('/etc/os-release') ? /PRETTY_NAME="?([^"\n]+)"?/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return `${release ?? os.type()} (kernel ${os.release()})`;
}

function tryRun(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}
