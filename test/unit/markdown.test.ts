import { describe, expect, it } from 'vitest';
import { renderDescription, resolveDescriptionLink, type LinkTargets } from '../../src/lib/format/markdown.ts';

const known = new Map([
  ['mistralai/mistral-7b-instruct-v0.1', '/models/mistralai/mistral-7b-instruct-v0.1/'],
  ['openai/gpt-4o', '/models/openai/gpt-4o/'],
]);
const targets: LinkTargets = {
  modelPath: (id) => known.get(id),
  authorPath: (author) => (author === 'mistralai' ? '/authors/mistralai/' : undefined),
};

function anchors(html: string): { href: string; attrs: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g)].map((m) => ({ href: m[1]!, attrs: m[2]!, text: m[3]! }));
}

describe('renderDescription: untrusted markdown comes out inert', () => {
  it('escapes a <script> element instead of emitting it', () => {
    const html = renderDescription('Hello <script>alert(1)</script> world', targets);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes an <img onerror> element, so no tag carries an event handler', () => {
    const html = renderDescription('Look <img src=x onerror="alert(1)"> here\n\n<img src=x onerror=alert(2)>', targets);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
  });

  it('turns javascript:, vbscript: and data: links into plain text', () => {
    const html = renderDescription('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](vbscript:x) [d](data:text/html,<b>x</b>)', targets);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/vbscript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(anchors(html)).toEqual([]);
    expect(html).toContain('<span class="inert-link">a</span>');
  });

  it('drops images with unsafe sources and links safe ones instead of loading them', () => {
    const html = renderDescription('![x](javascript:alert(1)) ![chart](https://example.com/c.png)', targets);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(anchors(html)).toEqual([{ href: 'https://example.com/c.png', attrs: ' rel="noopener noreferrer nofollow" target="_blank"', text: 'chart (image)' }]);
  });

  it('keeps raw HTML-looking prompt formats as visible text', () => {
    const html = renderDescription('Format:\n<instruction>{instruction}</instruction>', targets);
    expect(html).toContain('&lt;instruction&gt;{instruction}&lt;/instruction&gt;');
  });

  it('renders GFM tables and moves headings below the card headings', () => {
    const html = renderDescription('# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |', targets);
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<td>1</td>');
  });
});

describe('renderDescription: upstream links', () => {
  it('points OpenRouter-relative model links at our card when the catalog has the model', () => {
    const html = renderDescription('See [v0.1](/modelsmistralai/mistral-7b-instruct-v0.1) and [4o](/models/openai/gpt-4o) and [again](/openai/gpt-4o)', targets);
    expect(anchors(html).map((a) => [a.href, a.attrs])).toEqual([
      ['/models/mistralai/mistral-7b-instruct-v0.1/', ''],
      ['/models/openai/gpt-4o/', ''],
      ['/models/openai/gpt-4o/', ''],
    ]);
  });

  it('sends relative links to models we do not have to openrouter.ai, repairing the missing slash', () => {
    const html = renderDescription('[x](/modelsmistralai/unknown-model) [y](/models/cohere/command-r) [docs](/docs/guides/routing) [search](/models?q=gemini)', targets);
    expect(anchors(html).map((a) => a.href)).toEqual([
      'https://openrouter.ai/mistralai/unknown-model',
      'https://openrouter.ai/cohere/command-r',
      'https://openrouter.ai/docs/guides/routing',
      'https://openrouter.ai/models?q=gemini',
    ]);
    for (const a of anchors(html)) expect(a.attrs).toContain('rel="noopener noreferrer nofollow" target="_blank"');
  });

  it('links an author path to our author page', () => {
    expect(resolveDescriptionLink('/mistralai', targets)).toEqual({ href: '/authors/mistralai/', external: false });
  });

  it('turns absolute openrouter.ai model links into our card links', () => {
    expect(resolveDescriptionLink('https://openrouter.ai/models/openai/gpt-4o', targets)).toEqual({ href: '/models/openai/gpt-4o/', external: false });
    expect(resolveDescriptionLink('https://openrouter.ai/docs/use-cases/reasoning-tokens#x', targets)).toEqual({
      href: 'https://openrouter.ai/docs/use-cases/reasoning-tokens#x',
      external: true,
    });
  });

  it('keeps external links external with rel and target, escaping their query strings', () => {
    const html = renderDescription('[docs](https://docs.example.com/a?x=1&y="2")', targets);
    const [link] = anchors(html);
    expect(link?.href).toBe('https://docs.example.com/a?x=1&amp;y=%222%22');
    expect(link?.attrs).toBe(' rel="noopener noreferrer nofollow" target="_blank"');
  });

  it('leaves in-page footnote anchors alone', () => {
    expect(resolveDescriptionLink('#user-content-fn-1', targets)).toEqual({ href: '#user-content-fn-1', external: false });
  });
});
