/** `npm run data:build -- --raw DIR --out DIR` end to end, on a small raw folder made from real entries. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileTree } from '../support/file-tree.ts';

let work: string;
let raw: string;
let out: string;

function trimmedSnapshot(date: string, ids: string[]) {
  const body = JSON.parse(readFileSync(`data/raw/openrouter/openrouter-models-${date}.json`, 'utf8'));
  return JSON.stringify({ data: body.data.filter((m: { id: string }) => ids.includes(m.id)) }, null, 2);
}

function normalize(...flags: string[]) {
  return spawnSync(process.execPath, ['scripts/normalize.ts', '--raw', raw, '--out', out, ...flags], { encoding: 'utf8' });
}

const tree = fileTree;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-normalize-'));
  raw = path.join(work, 'raw');
  out = path.join(work, 'out');
  mkdirSync(path.join(raw, 'openrouter'), { recursive: true });
  const ids = ['mistralai/mixtral-8x7b-instruct', 'mistralai/mistral-7b-instruct-v0.2', 'openrouter/auto'];
  writeFileSync(path.join(raw, 'openrouter/openrouter-models-2025-05-20.json'), trimmedSnapshot('2025-05-20', ids));
  writeFileSync(path.join(raw, 'openrouter/openrouter-models-2026-01-29.json'), trimmedSnapshot('2026-01-29', ids.slice(0, 2)));
  cpSync('data/raw/huggingface', path.join(raw, 'huggingface'), { recursive: true });
  cpSync('data/raw/curated', path.join(raw, 'curated'), { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/normalize.ts', () => {
  it('writes the catalog and its history, and a second run changes nothing', () => {
    const first = normalize();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/normalized 3 models \(2 listed, 1 retired, 0 entries rejected\) from 2 snapshots/);
    const before = tree(out);
    expect(Object.keys(before).sort()).toEqual(['history/2025-05-20.json', 'history/2026-01-29.json', 'models.json', 'offers.json', 'unmatched.json']);
    expect(normalize().status).toBe(0);
    expect(tree(out)).toEqual(before);
    const catalog = JSON.parse(readFileSync(path.join(out, 'models.json'), 'utf8'));
    expect(catalog.models.find((m: { id: string }) => m.id === 'openrouter/auto').retiredSince).toBe('2026-01-29');
  });

  it('writes the same files with the readings of earlier runs (the default) as with --no-cache', () => {
    expect(normalize().status).toBe(0);
    expect(normalize().status).toBe(0);
    const cached = tree(out);
    const uncached = normalize('--no-cache');
    expect(uncached.status, uncached.stderr).toBe(0);
    expect(tree(out)).toEqual(cached);
  });

  it('leaves the previous output untouched when a snapshot is not JSON', () => {
    expect(normalize().status).toBe(0);
    const before = tree(out);
    const broken = path.join(raw, 'openrouter/openrouter-models-2026-02-05.json');
    writeFileSync(broken, trimmedSnapshot('2026-01-29', ['mistralai/mixtral-8x7b-instruct']).slice(0, 500));
    const run = normalize();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('openrouter/openrouter-models-2026-02-05.json is not valid JSON');
    expect(run.stderr).toContain('nothing was written');
    expect(tree(out)).toEqual(before);
  });

  it('leaves the previous output untouched when a snapshot has the wrong shape', () => {
    expect(normalize().status).toBe(0);
    const before = tree(out);
    writeFileSync(path.join(raw, 'openrouter/openrouter-models-2026-02-05.json'), JSON.stringify({ models: [] }));
    const run = normalize();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('openrouter/openrouter-models-2026-02-05.json: expected OpenRouter\'s models list ({"data": [...]}, a bare array, or {"fetchedAt", "count", "data"}), got an object with keys models');
    expect(tree(out)).toEqual(before);
  });

  it('reports malformed entries by file, index, id and field, and still writes the rest', () => {
    const file = path.join(raw, 'openrouter/openrouter-models-2026-01-29.json');
    const body = JSON.parse(readFileSync(file, 'utf8'));
    body.data[0].pricing.prompt = 'abc';
    writeFileSync(file, JSON.stringify(body));
    const run = normalize();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`rejected: openrouter/openrouter-models-2026-01-29.json entry 0 (${body.data[0].id}): pricing.prompt "abc" is not a decimal price or "-1"`);
    expect(run.stdout).toContain('1 entries rejected');
  });

  it('runs as the npm script with --raw and --out', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'data:build', '--', '--raw', raw, '--out', out], { encoding: 'utf8' });
    expect(stdout).toContain('normalized 3 models');
  });
});
