/**
 * The generated samples run as written against a local OpenAI-compatible server, with only the base
 * URL pointing there: TypeScript with the real `openai` package on this project's Node, fetch, curl,
 * and Python with the `openai` package when it is installed.
 */
import { describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SAMPLE_KINDS, sampleCode, type SampleKind, type SampleRequest } from '../../src/lib/card/sample-code.ts';
import { FIXTURE, withSampleRunEnvironment } from '../support/openai-test-server.ts';

const run = promisify(execFile);
const KEY = 'sk-or-v1-sample-code-key-42';
// Everything a shell, a JS template or a Python string could trip on.
const TRICKY = 'It\'s "quoted", with $HOME, `backticks`, ${x}, a \\ backslash,\na new line, \'\\\'\' and ünïcödé ✓';

function hasCommand(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PYTHON = hasCommand('python3', ['--version']);
const PYTHON_OPENAI = PYTHON && hasCommand('python3', ['-c', 'import openai']);

const env = withSampleRunEnvironment('sample-code-');

function request(overrides: Partial<SampleRequest> = {}): SampleRequest {
  return {
    model: 'mistralai/mistral-nemo',
    messages: [
      { role: 'system', content: 'You answer briefly.' },
      { role: 'user', content: TRICKY },
    ],
    temperature: 0.3,
    maxTokens: 200,
    baseUrl: env.server.baseUrl,
    referer: 'https://atlas.example/app?a=1&b=2',
    title: 'Model "Atlas"',
    ...overrides,
  };
}

async function runSample(kind: SampleKind, req: SampleRequest): Promise<{ stdout: string; recorded: (typeof env.server.requests)[number] | undefined }> {
  const meta = SAMPLE_KINDS.find((k) => k.id === kind);
  if (!meta) throw new Error(`no sample kind ${kind}`);
  const file = path.join(env.dir, `${kind}-${meta.file}`);
  writeFileSync(file, sampleCode(kind, req));
  const command = kind === 'curl' ? 'sh' : kind === 'python' ? 'python3' : process.execPath;
  const before = env.server.requests.length;
  const { stdout } = await run(command, [file], { env: { ...process.env, OPENROUTER_API_KEY: KEY }, encoding: 'utf8', timeout: 30_000 });
  return { stdout, recorded: env.server.requests[before] };
}

function expectSentAsWritten(recorded: (typeof env.server.requests)[number] | undefined, req: SampleRequest): void {
  expect(recorded?.path).toBe('/v1/chat/completions');
  expect(recorded?.authorization).toBe(`Bearer ${KEY}`);
  expect(recorded?.headers['http-referer']).toBe(req.referer);
  expect(recorded?.headers['x-title']).toBe(req.title);
  expect(recorded?.body).toMatchObject({ model: req.model, messages: req.messages, temperature: req.temperature, max_tokens: req.maxTokens });
}

describe('sample code runs as written', () => {
  it('OpenAI SDK (TypeScript) runs on Node with the real openai package', async () => {
    const req = request();
    const { stdout, recorded } = await runSample('openai-ts', req);
    expect(stdout).toContain(FIXTURE.okText.trim().split('\n')[0]);
    expect(stdout).toContain('prompt_tokens');
    expectSentAsWritten(recorded, req);
  });

  it('fetch (JavaScript) runs on Node', async () => {
    const req = request();
    const { stdout, recorded } = await runSample('fetch', req);
    expect(stdout).toContain('Hello from the **test server**.');
    expectSentAsWritten(recorded, req);
  });

  it('fetch throws with the server message on an HTTP error', async () => {
    await expect(runSample('fetch', request({ model: 'test/fail-402' }))).rejects.toThrow(/HTTP 402: Insufficient credits/);
  });

  it('curl runs in sh', async () => {
    const req = request();
    const { stdout, recorded } = await runSample('curl', req);
    expect(JSON.parse(stdout).choices[0].message.content).toBe(FIXTURE.okText);
    expectSentAsWritten(recorded, req);
  });

  it(
    PYTHON_OPENAI
      ? 'Python runs with the openai package'
      : 'Python compiles, and runs up to its import of openai (the openai package is not installed here)',
    async () => {
      const req = request();
      const file = path.join(env.dir, 'python-compile.py');
      writeFileSync(file, sampleCode('python', req));
      await run('python3', ['-m', 'py_compile', file]);
      if (PYTHON_OPENAI) {
        const { stdout, recorded } = await runSample('python', req);
        expect(stdout).toContain('Hello from the **test server**.');
        expectSentAsWritten(recorded, req);
      } else {
        await expect(runSample('python', req)).rejects.toThrow(/No module named 'openai'/);
      }
    },
  );

  it('leaves out optional headers and sampling settings that are not set', () => {
    const bare = request({ referer: null, title: '  ', temperature: null, maxTokens: null });
    for (const { id } of SAMPLE_KINDS) {
      const code = sampleCode(id, bare);
      expect(code).not.toMatch(/HTTP-Referer|X-Title|temperature|max_tokens/);
      expect(code).toContain('OPENROUTER_API_KEY');
    }
  });

  it('uses the OpenRouter base URL by default and never writes a key into the code', () => {
    for (const { id } of SAMPLE_KINDS) {
      const code = sampleCode(id, { model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
      expect(code).toContain('https://openrouter.ai/api/v1');
      expect(code).not.toMatch(/sk-or-/);
    }
  });
});
