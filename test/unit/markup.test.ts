import { describe, expect, it } from 'vitest';
import { breakableId, h, toHtml } from '../../src/lib/compare/markup.ts';
import { readList, readWholeNumber, uniqueItems, writeQuery } from '../../src/lib/format/url-state.ts';
import { formatRopeTheta } from '../../src/lib/format/format.ts';

describe('markup', () => {
  it('escapes text and attribute values, so upstream text never becomes HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    expect(toHtml(h('td', { title: hostile }, hostile))).toBe(
      '<td title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</td>',
    );
  });

  it('drops links that are not http(s), a site path or a fragment', () => {
    expect(toHtml(h('a', { href: 'javascript:alert(1)' }, 'x'))).toBe('<a>x</a>');
    expect(toHtml(h('a', { href: '//evil.example/' }, 'x'))).toBe('<a>x</a>');
    expect(toHtml(h('a', { href: 'https://huggingface.co/a/b' }, 'x'))).toBe('<a href="https://huggingface.co/a/b">x</a>');
    expect(toHtml(h('a', { href: '/models/a/b/' }, 'x'))).toBe('<a href="/models/a/b/">x</a>');
  });

  it('refuses attribute names that did not come from view code', () => {
    expect(() => toHtml(h('td', { 'onclick x': '1' }))).toThrow(/not an attribute name/);
  });

  it('lets an id break only after "/", "-", "." and ":"', () => {
    expect(toHtml(breakableId('google/gemma-4-26b:free'))).toBe('google/<wbr>gemma-<wbr>4-<wbr>26b:<wbr>free');
  });
});

describe('url-state', () => {
  it('writes lists comma-joined with readable ids and leaves empty values out', () => {
    expect(writeQuery([['models', ['a/b:free', 'c/d,e']], ['q', null], ['out', 9], ['tags', []]])).toBe('models=a/b:free,c/d%2Ce&out=9');
  });

  it('reads comma lists and repeated parameters in order', () => {
    const params = new URLSearchParams('?models=a/1,,b/2&compare=c/3&compare=a/1');
    expect(readList(params, ['models', 'compare'])).toEqual(['a/1', 'b/2', 'c/3', 'a/1']);
    expect(uniqueItems(['a', 'b', 'a'])).toEqual({ unique: ['a', 'b'], repeated: ['a'] });
  });

  it('accepts only whole numbers in range', () => {
    const params = new URLSearchParams('a=12&b=-1&c=1e3&d=101&e=');
    expect(readWholeNumber(params, 'a', { min: 0, max: 100 })).toEqual({ state: 'ok', value: 12 });
    expect(readWholeNumber(params, 'b', { min: 0, max: 100 }).state).toBe('invalid');
    expect(readWholeNumber(params, 'c', { min: 0, max: 100 }).state).toBe('invalid');
    expect(readWholeNumber(params, 'd', { min: 0, max: 100 }).state).toBe('invalid');
    expect(readWholeNumber(params, 'e', { min: 0, max: 100 }).state).toBe('absent');
    expect(readWholeNumber(params, 'z', { min: 0, max: 100 }).state).toBe('absent');
  });
});

describe('formatRopeTheta (one formatter for card and compare)', () => {
  it('gives the grouped number, then the exponent form', () => {
    expect(formatRopeTheta(500_000)).toBe('500,000 (5e5)');
    expect(formatRopeTheta(1_000_000)).toBe('1,000,000 (1e6)');
    expect(formatRopeTheta(10_000)).toBe('10,000 (1e4)');
  });

  it('writes fractions and small values as plain grouped numbers, never as 1.00005e4', () => {
    expect(formatRopeTheta(10000.5)).toBe('10,000.5');
    expect(formatRopeTheta(500)).toBe('500');
  });
});
