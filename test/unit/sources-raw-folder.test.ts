import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readRawFolder } from '../../scripts/normalize.ts';
import { UnusableInputError } from '../../src/lib/data/sources/source-file.ts';
import { readingCuts, readingSummary } from '../../src/lib/data/sources/reading-report.ts';
import { READER_FIXTURES, putRawFile, writeReaderRawFolder } from '../support/reader-raw-folder.ts';

const FIXTURES = READER_FIXTURES;
let raw: string;

const put = (file: string, content: string | Buffer) => putRawFile(raw, file, content);

beforeEach(() => {
  raw = mkdtempSync(path.join(tmpdir(), 'atlas-raw-'));
  writeReaderRawFolder(raw);
});

afterEach(() => rmSync(raw, { recursive: true, force: true }));

describe('readRawFolder', () => {
  it('reads every source, gzip included, into typed listings sorted by date', () => {
    const { sources, unread } = readRawFolder(raw);
    expect(sources.listings.map((l) => `${l.date} ${l.source}`)).toEqual([
      '2026-02-27 openrouter',
      '2026-07-22 openrouter-endpoints',
      '2026-08-01 litellm',
      '2026-08-21 genai-prices',
      '2026-08-22 models.dev',
    ]);
    expect(sources.listings.find((l) => l.source === 'models.dev')!.entries.find((e) => e.key === 'mistral/open-mixtral-8x7b')!.pricing!.perMillionTokens.input).toBe('0.7');
    expect(sources.artificialAnalysis[0]!.models).toHaveLength(2);
    expect(sources.openRouterModels[0]!.models).toHaveLength(2);
    expect(unread).toEqual([]);
    expect(readingSummary(sources)).toContain('read litellm: 1 files, 6 entries, 0 rejected, 3 skipped, 0 texts cut');
  });

  it('reports every cut text by file, entry and field (issue 12 #14)', () => {
    const models = JSON.parse(readFileSync(`${FIXTURES}/openrouter-models-bare-array-2026-02-27.json`, 'utf8'));
    models[1].name = 'M'.repeat(5000);
    put('openrouter/openrouter-models-2026-02-27.json', JSON.stringify(models));
    const { sources } = readRawFolder(raw);
    expect(readingCuts(sources)).toEqual([`cut: openrouter/openrouter-models-2026-02-27.json entry 1 (${models[1].id}): name cut from 5000 to 200 characters`]);
    expect(readingSummary(sources)).toContain('read openrouter: 1 files, 2 entries, 0 rejected, 0 skipped, 1 texts cut');
  });

  it('lists a file no reader knows instead of ignoring it', () => {
    put('litellm/notes.txt', 'hand-written');
    expect(readRawFolder(raw).unread).toEqual(['litellm/notes.txt']);
  });

  it('stops with the file named when a gzip file is broken or a body is not JSON', () => {
    put('models-dev/models-dev-api-2026-08-22.json.gz', 'not gzip');
    expect(() => readRawFolder(raw)).toThrow(/models-dev\/models-dev-api-2026-08-22\.json\.gz is not a readable gzip file/);
    put('models-dev/models-dev-api-2026-08-22.json.gz', gzipSync('{"cut'));
    expect(() => readRawFolder(raw)).toThrow(/models-dev-api-2026-08-22\.json\.gz is not valid JSON/);
  });

  it('refuses two full listings of one source on one date', () => {
    put('models-dev/models-dev-api-2026-08-22.json', readFileSync(`${FIXTURES}/models-dev-api-2026-08-22.json`));
    expect(() => readRawFolder(raw)).toThrow(/two full models\.dev listings of the same date/);
  });

  it('validates curated notes when it reads them, naming file and field, never a raw ZodError (issue 12 #4)', () => {
    const note = (figures: unknown) => JSON.stringify({ 'mistralai/mixtral-8x7b-instruct': { figures } });
    const source = { kind: 'note', label: 'Mixtral of Experts', url: 'https://arxiv.org/abs/2401.04088' };
    put('curated/architecture-notes.json', note({ totalParams: { value: 46_700_000_000, source } }));
    expect(readRawFolder(raw).notes).toMatchObject({ 'mistralai/mixtral-8x7b-instruct': { figures: { totalParams: { value: 46_700_000_000 } } } });
    for (const [figures, field] of [
      [{ totalParms: { value: 1, source } }, 'mistralai/mixtral-8x7b-instruct.figures'],
      [{ totalParams: { value: -5, source } }, 'mistralai/mixtral-8x7b-instruct.figures.totalParams.value'],
      [{ totalParams: { value: 'none', source } }, 'mistralai/mixtral-8x7b-instruct.figures.totalParams.value'],
      [{ layers: { value: 32, source: { ...source, kind: 'paper' } } }, 'mistralai/mixtral-8x7b-instruct.figures.layers.source.kind'],
    ] as const) {
      put('curated/architecture-notes.json', note(figures));
      let thrown: unknown;
      try {
        readRawFolder(raw);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UnusableInputError);
      expect((thrown as Error).message.startsWith(`curated/architecture-notes.json: ${field}: `)).toBe(true);
    }
  });
});
