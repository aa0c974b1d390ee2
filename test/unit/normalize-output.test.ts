/**
 * The normalizer's outputs are written as one set (issue 12, defect 5): a failure while writing or
 * swapping leaves the previous set exactly as it was, and a run killed mid-swap is repaired by the next.
 * Input: the 3-model OpenRouter fixture (test/fixtures/upstream/openrouter-models.json).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileTree } from '../support/file-tree.ts';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import { writeOutputs } from '../../scripts/normalize-output.ts';

const fixture = JSON.parse(readFileSync('test/fixtures/upstream/openrouter-models.json', 'utf8')) as { data: { id: string }[] };

function result(dates: string[]) {
  return normalizeCatalog({
    snapshots: dates.map((date, i) => ({ date, source: 'openrouter' as const, file: `openrouter/openrouter-models-${date}.json`, body: { data: fixture.data.slice(0, 3 - i) } })),
    endpoints: [],
    huggingFaceConfigs: {},
    notes: undefined,
    provenance: {},
  });
}

const tree = fileTree;

let out: string;
beforeEach(() => {
  out = mkdtempSync(path.join(tmpdir(), 'atlas-output-'));
  mkdirSync(path.join(out, 'raw'));
  writeFileSync(path.join(out, 'raw', 'keep.json'), '{}');
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

describe('writeOutputs', () => {
  it('writes models, offers, the unmatched list and one history file per snapshot, and touches nothing else', async () => {
    await writeOutputs(out, result(['2026-01-22', '2026-01-29']));
    expect(Object.keys(tree(out)).sort()).toEqual(['history/2026-01-22.json', 'history/2026-01-29.json', 'models.json', 'offers.json', 'raw/keep.json', 'unmatched.json']);
  });

  it('leaves the previous set intact when writing fails half way', async () => {
    await writeOutputs(out, result(['2026-01-22', '2026-01-29']));
    const before = tree(out);
    const next = result(['2026-01-15', '2026-01-22', '2026-02-05']);
    await expect(
      writeOutputs(out, next, {
        afterStaged: (file) => {
          if (file === 'history/2026-01-22.json') throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(tree(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('puts the previous set back when swapping fails after models.json moved in', async () => {
    await writeOutputs(out, result(['2026-01-22', '2026-01-29']));
    const before = tree(out);
    await expect(
      writeOutputs(out, result(['2026-01-15', '2026-02-05']), {
        afterSwapped: (entry) => {
          if (entry === 'offers.json') throw new Error('rename failed');
        },
      }),
    ).rejects.toThrow('rename failed');
    expect(tree(out)).toEqual(before);
  });

  it('replaces the whole set, stale history files included, when it succeeds', async () => {
    await writeOutputs(out, result(['2026-01-22', '2026-01-29']));
    await writeOutputs(out, result(['2026-01-15', '2026-02-05']));
    expect(readdirSync(path.join(out, 'history')).sort()).toEqual(['2026-01-15.json', '2026-02-05.json']);
    expect(JSON.parse(readFileSync(path.join(out, 'models.json'), 'utf8')).asOf).toBe('2026-02-05');
  });

  it('restores entries a killed run had moved aside before swapping the new ones in', async () => {
    await writeOutputs(out, result(['2026-01-22', '2026-01-29']));
    const before = tree(out);
    // A run with a pid that no longer exists moved models.json and history/ aside, then died.
    const aside = path.join(out, '.previous-999999999-abcdef');
    mkdirSync(aside);
    renameSync(path.join(out, 'models.json'), path.join(aside, 'models.json'));
    renameSync(path.join(out, 'history'), path.join(aside, 'history'));
    await expect(writeOutputs(out, result(['2026-01-29']), { afterStaged: () => { throw new Error('stop'); } })).rejects.toThrow('stop');
    expect(tree(out)).toEqual(before);
  });
});
