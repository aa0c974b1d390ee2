/**
 * The sample code printed on a built model card runs as written against a local OpenAI-compatible
 * server, with only the base URL swapped: the TypeScript sample with the real `openai` package.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_BASE_URL } from '../../src/lib/card/sample-code.ts';
import { loadPage } from '../support/site.ts';
import { withSampleRunEnvironment } from '../support/openai-test-server.ts';

const run = promisify(execFile);
const KEY = 'sk-or-v1-card-sample-key';
const CARD = '/models/mistralai/mistral-nemo/';
const MODEL = 'mistralai/mistral-nemo';

const PYTHON_OPENAI = (() => {
  try {
    execFileSync('python3', ['-c', 'import openai'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const env = withSampleRunEnvironment('card-sample-');

function cardSample(kind: string): string {
  const code = loadPage(CARD)(`[data-provider="openrouter"] [data-sample="${kind}"] pre code`).text();
  expect(code).toContain(DEFAULT_BASE_URL);
  expect(code).toContain(MODEL);
  return code.replaceAll(DEFAULT_BASE_URL, env.server.baseUrl);
}

async function runCard(kind: string, file: string, command: string): Promise<string> {
  const target = path.join(env.dir, file);
  writeFileSync(target, cardSample(kind));
  const before = env.server.requests.length;
  const { stdout } = await run(command, [target], { env: { ...process.env, OPENROUTER_API_KEY: KEY }, encoding: 'utf8', timeout: 30_000 });
  const recorded = env.server.requests[before];
  expect(recorded?.authorization).toBe(`Bearer ${KEY}`);
  expect(recorded?.body).toMatchObject({ model: MODEL });
  return stdout;
}

describe(`sample code on ${CARD}`, () => {
  it('OpenAI SDK (TypeScript) runs with the real openai package', async () => {
    expect(await runCard('openai-ts', 'sample.ts', process.execPath)).toContain('Hello from the **test server**.');
  });

  it('fetch runs on Node', async () => {
    expect(await runCard('fetch', 'sample.mjs', process.execPath)).toContain('Hello from the **test server**.');
  });

  it('curl runs in sh', async () => {
    expect(await runCard('curl', 'sample.sh', 'sh')).toContain('Hello from the **test server**.');
  });

  it(PYTHON_OPENAI ? 'Python runs with the openai package' : 'Python compiles (the openai package is not installed here, so it is not run)', async () => {
    const target = path.join(env.dir, 'sample.py');
    writeFileSync(target, cardSample('python'));
    await run('python3', ['-m', 'py_compile', target]);
    if (PYTHON_OPENAI) expect(await runCard('python', 'sample.py', 'python3')).toContain('Hello from the **test server**.');
    else await expect(run('python3', [target], { env: { ...process.env, OPENROUTER_API_KEY: KEY } })).rejects.toThrow(/No module named 'openai'/);
  });
});
