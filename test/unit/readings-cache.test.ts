import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readRawFolder } from '../../scripts/raw-folder.ts';
import { ReadingsCache, codeVersion } from '../../scripts/readings-cache.ts';
import { normalizeCatalog } from '../../src/lib/data/normalize.ts';
import { outputFiles } from '../../scripts/normalize-output.ts';
import { READER_FIXTURES, putRawFile, writeReaderRawFolder } from '../support/reader-raw-folder.ts';

let work: string;
let raw: string;
let root: string;

const put = (file: string, content: string | Buffer) => putRawFile(raw, file, content);

/** Every output file's text, as the CLI would write it. */
function built(cache?: ReadingsCache): Record<string, string> {
  return Object.fromEntries([...outputFiles(normalizeCatalog(readRawFolder(raw, cache)))].map(([file, text]) => [file, text as string]));
}

/** A cache that counts what it was asked for and what it found. */
class CountingCache extends ReadingsCache {
  hits = 0;
  misses = 0;
  override get(key: string) {
    const found = super.get(key);
    if (found) this.hits += 1;
    else this.misses += 1;
    return found;
  }
}

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'atlas-cache-'));
  raw = path.join(work, 'raw');
  root = path.join(work, 'cache');
  writeReaderRawFolder(raw);
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('readings kept between runs', () => {
  it('builds exactly what reading every file builds, and reads nothing again on the second run', () => {
    const uncached = built();
    const first = new CountingCache(root, 'v1');
    expect(built(first)).toEqual(uncached);
    expect([first.hits, first.misses]).toEqual([0, 6]);
    const second = new CountingCache(root, 'v1');
    expect(built(second)).toEqual(uncached);
    expect([second.hits, second.misses]).toEqual([6, 0]);
  });

  it('reads a changed file again, and only that one', () => {
    built(new ReadingsCache(root, 'v1'));
    const models = JSON.parse(readFileSync(`${READER_FIXTURES}/models-dev-api-2026-08-22.json`, 'utf8'));
    models.mistral.models['open-mixtral-8x7b'].cost.input = 0.45;
    put('models-dev/models-dev-api-2026-08-22.json.gz', gzipSync(JSON.stringify(models)));
    const cache = new CountingCache(root, 'v1');
    const offers = JSON.parse(built(cache)['offers.json']!);
    expect([cache.hits, cache.misses]).toEqual([5, 1]);
    expect(offers.offers.find((o: { id: string }) => o.id === 'mistral/open-mixtral-8x7b').pricing.perMillionTokens.input).toBe('0.45');
    expect(built(new ReadingsCache(root, 'v1'))).toEqual(built());
  });

  it('reads everything again when the code changes, and drops the other version', () => {
    built(new ReadingsCache(root, 'v1'));
    const cache = new CountingCache(root, 'v2');
    built(cache);
    expect([cache.hits, cache.misses]).toEqual([0, 6]);
    expect(readdirSync(root)).toEqual(['v2']);
  });

  it('reads a file again when its kept reading is damaged, and keeps the new one', () => {
    built(new ReadingsCache(root, 'v1'));
    const kept = readdirSync(path.join(root, 'v1'));
    // Cut short, and whole but not a reading.
    kept.forEach((name, i) => writeFileSync(path.join(root, 'v1', name), i % 2 ? '{"listing": {"trunc' : '{"listing": null}'));
    const cache = new CountingCache(root, 'v1');
    expect(built(cache)).toEqual(built());
    expect(cache.misses).toBe(6);
    expect(new CountingCache(root, 'v1').get(kept[0]!.replace(/\.json$/, ''))).toBeDefined();
  });

  it('versions the code by the modules the readers import (followed through), scripts/raw-folder.ts and the lock file only', () => {
    const project = path.join(work, 'project');
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), text);
    };
    write('src/lib/data/sources/read-sources.ts', "import { a } from './reader.ts';\nimport type {\n  Price,\n} from '../schema.ts';");
    write('src/lib/data/sources/reader.ts', "export { b } from '../../format/b.ts';\nexport const a = 1;");
    write('src/lib/data/schema.ts', 'export type Price = string;');
    write('src/lib/format/b.ts', 'export const b = 1;');
    write('src/lib/data/offers.ts', 'export const offers = 1;');
    write('scripts/raw-folder.ts', '');
    write('package-lock.json', '{}');
    const before = codeVersion(project);
    write('src/lib/data/offers.ts', 'export const offers = 2;');
    expect(codeVersion(project)).toBe(before);
    const changes: [string, string][] = [
      ['src/lib/data/sources/reader.ts', "export { b } from '../../format/b.ts';\nexport const a = 2;"],
      ['src/lib/format/b.ts', 'export const b = 2;'],
      ['src/lib/data/schema.ts', 'export type Price = `${number}`;'],
      ['scripts/raw-folder.ts', '// parsed differently'],
      ['package-lock.json', '{"zod": "next"}'],
    ];
    let previous = before;
    for (const [file, text] of changes) {
      write(file, text);
      const next = codeVersion(project);
      expect(next, file).not.toBe(previous);
      previous = next;
    }
  });
});
