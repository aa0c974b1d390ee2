/**
 * A small raw folder made from the readers' fixtures (test/fixtures/upstream/readers): one file of
 * each source, laid out like data/raw. Shared by the tests of reading a raw folder and of keeping
 * readings between runs.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const READER_FIXTURES = 'test/fixtures/upstream/readers';

/** Writes `content` to `file` under `raw`, creating its folder. */
export function putRawFile(raw: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(raw, file)), { recursive: true });
  writeFileSync(path.join(raw, file), content);
}

export function writeReaderRawFolder(raw: string): void {
  mkdirSync(path.join(raw, 'openrouter'), { recursive: true });
  copyFileSync(`${READER_FIXTURES}/openrouter-models-bare-array-2026-02-27.json`, path.join(raw, 'openrouter/openrouter-models-2026-02-27.json'));
  putRawFile(raw, 'models-dev/models-dev-api-2026-08-22.json.gz', gzipSync(readFileSync(`${READER_FIXTURES}/models-dev-api-2026-08-22.json`)));
  for (const [file, fixture] of [
    ['litellm/litellm-2026-08-01.json', 'litellm-2026-08-01.json'],
    ['genai-prices/genai-prices-v2-2026-08-21.json', 'genai-prices-v2-2026-08-21.json'],
    ['artificial-analysis/aa-llms-models-2026-07-31.json', 'aa-llms-models-2026-07-31.json'],
    ['openrouter-endpoints/models-with-endpoints-2026-07-22.json', 'models-with-endpoints-2026-07-22.json'],
  ]) {
    putRawFile(raw, file!, readFileSync(`${READER_FIXTURES}/${fixture}`));
  }
}
