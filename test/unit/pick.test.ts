import { describe, expect, it } from 'vitest';
import { pick } from '../../src/lib/format/pick.ts';

describe('pick', () => {
  it('keeps only the keys named, in the order named, whatever the source order', () => {
    const source = { a: 1, b: 'two', c: [3], d: null };
    const picked = pick(source, ['d', 'a']);
    expect(picked).toEqual({ d: null, a: 1 });
    expect(JSON.stringify(picked)).toBe('{"d":null,"a":1}');
  });

  it('keeps a named key whose value is undefined, as spelling it out would', () => {
    const source: { id: string; note?: string } = { id: 'x' };
    const picked = pick(source, ['id', 'note']);
    expect(Object.keys(picked)).toEqual(['id', 'note']);
    expect(picked.note).toBeUndefined();
  });

  it('copies values by reference and leaves the source as it was', () => {
    const tags = ['moe'];
    const source = { id: 'm', tags, listed: true };
    const picked = pick(source, ['tags']);
    expect(picked.tags).toBe(tags);
    expect(source).toEqual({ id: 'm', tags: ['moe'], listed: true });
  });
});
